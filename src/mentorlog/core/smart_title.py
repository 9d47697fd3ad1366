"""Reading a goal's title as a careful mentor would (shared/SMART_RUBRIC.md):
is it Specific, Measurable and Time-bound, from its words alone?

Each part gets a verdict, pass, fail or unsure, and the phrase it rests on. The
title is split into whitespace tokens and matched whole-word (never inside a
word: "writing circle" is not the verb "write"); every pattern is compiled once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from mentorlog.dates import (
    MONTH_TYPOS,
    end_of_month_named,
    month_number,
    parse_date,
    shift,
)
from mentorlog.errors import DateError

from .smart_reading import Reading, Verdict


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# -- words ------------------------------------------------------------------------
_MONTHS = (
    "january|february|april|june|july|august|september|sept|october|november|"
    "december|jan|feb|apr|jun|jul|aug|sep|oct|nov|dec|" + "|".join(MONTH_TYPOS)
)
_AMBIGUOUS_MONTHS = "may|march|mar"  # words too: they need a date's company
_SEASON = "spring|summer|autumn|fall|winter"
_WEEKDAY = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|"
    "thu|thur|thurs|fri|sat|sun|weekday"
)
_PERIOD = (
    "week|weekend|month|year|fortnight|quarter|semester|term|trimester|sprint|"
    "half|academic year|school year|fiscal year|financial year|decade"
)
_COUNT_WORD = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    "twenty|thirty|forty|fifty|sixty|ninety|a few|few|a couple of|couple of"
)
# after a season: "the spring conference" names a conference, not a time
_NOT_A_MODIFIER = (
    r"(?!\s+(?!(?:term|semester|break|holidays?|vacation|quarter|session|of|and|"
    r"or|to|so|with|for|before|by|in|at|on|while|when|if|as|because|i|then|"
    r"this|next|starts?|ends?)(?![\w-]))[a-z]{2,})"
)
_UNIT = r"(?:days?|weeks?|months?|years?|fortnights?|semesters?|terms?|quarters?)"
_PREP = r"(?:by|in|before|until|till|til|through|during|over|for|from|of|on|due|since)"
_EDGE = r"(?<![\w-])"
_END = r"(?![\w-])"

# Every way a title says when. Each alternative is whole-word.
_TIME = re.compile(
    _EDGE
    + "(?:"
    + "|".join(
        rf"(?:{part}){_END}"
        for part in (
            r"\d{4}-\d{1,2}-\d{1,2}",
            rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS}|{_AMBIGUOUS_MONTHS})"
            r"(?:,?\s+(?:19|20)\d\d)?",
            r"\d{1,2}/\d{1,2}(?:/\d{2,4})?(?!\s+of)",
            rf"(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?",
            rf"(?:{_PREP}|early|mid|late|end\s+of|this|next|last)\s+"
            rf"(?:the\s+)?(?:{_AMBIGUOUS_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
            r"(?:,?\s+(?:19|20)\d\d)?",
            rf"(?:{_AMBIGUOUS_MONTHS})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?|(?:19|20)\d\d)",
            rf"(?:mid|early|late|end)-(?:{_MONTHS}|{_AMBIGUOUS_MONTHS}|{_SEASON}|"
            r"year|month|week|semester|term|quarter)",
            r"end\s+of\s+(?:the\s+)?(?:day|business)",
            rf"(?:{_PREP}|end\s+of|the)\s+(?:the\s+)?(?:year\s+)?(?:19|20)\d\d",
            r"(?:19|20)\d\d\s*[-/]\s*\d\d",
            r"20[2-9]\d(?![.,]?\d)",
            r"fy\s?'?\d{2,4}|fiscal\s+year|financial\s+year|year[- ]end|"
            r"month[- ]end|mid-?year|eoy|eom|eow|eod|cob|eob|tonight|today|tomorrow",
            r"q[1-4](?:\s+(?:19|20)\d\d)?|h[12]\s+(?:19|20)\d\d",
            r"(?:first|second|third|fourth|final|last)\s+quarter",
            rf"(?:{_PREP}|this|next|the|early|mid|late|end\s+of|"
            rf"coming|following|current)\s+(?:the\s+)?(?:early\s+|mid\s+|late\s+)?"
            rf"(?:{_SEASON})(?:\s+(?:of\s+)?(?:19|20)\d\d)?{_NOT_A_MODIFIER}",
            rf"(?:{_SEASON})\s+(?:(?:19|20)\d\d|term|semester|break|holidays?|"
            r"vacation|quarter)",
            rf"(?:this|next|the\s+coming|the\s+following|the\s+current|coming|"
            rf"current|the\s+next|end\s+of(?:\s+the|\s+this|\s+next|\s+my)?)\s+"
            rf"(?:(?:first|second|third|final|academic|school|calendar|fiscal)\s+)?"
            rf"(?:{_PERIOD}|{_WEEKDAY})",
            rf"(?:by|before|until|till|on|due|cob|eod)\s+(?:next\s+|this\s+)?"
            rf"(?:{_WEEKDAY})",
            r"(?:by|in|before|until|during)\s+week\s+\d{1,2}",
            rf"(?:within|in|over|during)\s+(?:the\s+|a\s+)?(?:next\s+|coming\s+|"
            rf"following\s+)?(?:\d{{1,3}}|{_COUNT_WORD}|a|an)\s+{_UNIT}",
            r"(?:within|in|over|during)\s+(?:a|the|one)\s+(?:week|month|year|"
            r"fortnight|semester|term|quarter)",
            r"(?:within|in|over|during)\s+the\s+(?:next|coming|following)\s+"
            r"(?:week|month|year|fortnight|semester|term|quarter)",
            rf"for\s+(?:the\s+next\s+)?(?:\d{{1,3}}|{_COUNT_WORD}|a|an)\s+"
            r"(?:weeks?|months?|years?)",
            rf"for\s+(?:the\s+next\s+)?(?:\d{{1,3}}|{_COUNT_WORD})\s+days",
            r"(?:by|before|until|till|over|during|in|for)\s+(?:the\s+)?"
            r"(?:christmas|xmas|easter|thanksgiving|new\s+year'?s?|ramadan|diwali|"
            r"holidays|winter\s+break|spring\s+break|summer\s+break|half-term|"
            r"reading\s+week|end\s+of\s+term)",
            r"(?:in|by|before)\s+the\s+new\s+year",
        )
    )
    + ")"
)
# A deadline tied to an event: time-bound, but the date must be asked for.
_EVENT_WORDS = (
    "exams?|tests?|defen[cs]e|viva|graduation|interviews?|review|appraisal|"
    "conference|symposium|deadlines?|internship|placement|exchange|probation|"
    "launch|wedding|birthday|trip|move|contract|onboarding|fair|hackathon|"
    "presentation|talk|submission|release|kick-?off|midterms?|finals|comps|"
    "prelims|quals|retrospective|retro|visa|course|programme|program|meeting|"
    "semester|term|season|start|leave|residency|rotation|thesis|dissertation|"
    "promotion|job|first\\s+day|last\\s+day|cutoff|cut-off"
)
_EVENT = re.compile(
    rf"{_EDGE}(?:(?:at\s+(?:my|the|our)\s+next\s+(?:[a-z'-]+\s+){{0,2}}?(?:{_EVENT_WORDS}))"
    rf"|(?:before|by|until|till|ahead\s+of|prior\s+to|in\s+time\s+for|"
    rf"by\s+the\s+time\s+of|a\s+week\s+before|the\s+day\s+before)\s+"
    rf"(?:(?:my|the|our|his|her|their|this|next|its|each)\s+)+(?:[a-z'-]+\s+){{0,3}}?"
    rf"(?:{_EVENT_WORDS}){_END}(?:\s+(?:starts?|ends?|expires?|begins?))?"
    rf"|(?:before|by\s+the\s+time|when|once)\s+i\s+(?:graduate|finish|start|"
    rf"leave|defend|move|submit|qualify){_END}"
    rf"|(?:before|by|until|at)\s+(?:graduation|convocation){_END})"
)

_NUMBER_WORDS = _set(
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million dozen once twice "
    "thrice double triple half-dozen"
)
_MEASURE_NAMES = _set(
    "gpa ielts toefl gre gmat sat act lsat mcat score scores band rating grade to "
    "from by of at least most under over than"
)
_NAME_BEFORE = _set(
    "version v level grade chapter step stage tier phase module part week year "
    "day room season episode unit series web python java windows ios android html "
    "css es php vue angular node couch covid lab cs ee rank"
)
_TIME_UNITS = _set("day days week weeks month months year years fortnight fortnights")

# Verbs.
_VAGUE_VERBS = {
    "improve": "improve",
    "enhance": "enhance",
    "strengthen": "strengthen",
    "boost": "boost",
    "grow": "grow",
    "explore": "explore",
    "network": "network more",
    "focus": "focus on",
    "prepare": "prepare",
    "brush": "brush up on",
    "sort": "sort out",
    "dig": "dig into",
    "step": "step up",
    "try": "try to",
    "continue": "continue",
    "stay": "stay",
    "think": "think about",
    "look": "look into",
    "reach": "reach out",
    "deepen": "deepen",
    "expand": "expand",
    "broaden": "broaden",
    "increase": "increase",
    "enjoy": "enjoy",
    "embrace": "embrace",
    "progress": "progress",
    "advance": "advance",
}
# A verb phrase that is a direction whatever follows: "work on", "get better at".
_VAGUE_PHRASES = (
    ("work", "on"),
    ("keep", "up", "with"),
    ("make", "progress"),
    ("get", "involved"),
    ("get", "comfortable"),
    ("get", "to", "know"),
    ("get", "good"),
    ("get", "in", "shape"),
    ("become", "familiar"),
    ("be", "familiar"),
    ("find", "my", "passion"),
    ("learn", "more"),
    ("learn", "about"),
    ("know", "more"),
    ("say", "yes"),
    ("spend", "less"),
    ("spend", "more"),
    ("raise", "my", "profile"),
    ("reach", "conversational"),
    ("be", "proactive"),
    ("be", "good"),
    ("be", "a", "good"),
    ("contribute", "to"),
)
_VAGUE_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _VAGUE_PHRASES:
    _VAGUE_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_REACH_OUT_OK = frozenset({"grade", "level", "band", "rank"})
_COGNITIVE = _set(
    "learn learning understand master study practise practice prepare analyse "
    "analyze track keep explore know research revise consider think read-up "
    "review reflect plan"
)
_LINKING = frozenset(["be", "become", "get", "have", "feel", "stay", "remain", "look"])
_COMPARATIVES = _set(
    "more less better stronger calmer healthier fitter happier bigger greater "
    "clearer faster smarter braver bolder sharper wiser closer deeper broader "
    "wider richer fewer higher louder leaner tougher sharper"
)
_ABSTRACT = _set(
    "confidence skills skill network networking profile presence visibility "
    "knowledge understanding experience exposure passion leadership communication "
    "career growth health fitness productivity money stress feedback progress "
    "balance mindset relationship relationships brand reputation motivation "
    "habits basics opportunities opportunity community potential abilities "
    "ability wellbeing well-being life self confidence english writing grades "
    "grade things stuff something everything performance impact expertise "
    "connections contacts time"
)
_GENERIC = frozenset(["project", "thing", "goal", "job", "task", "course"])
_FILLER = (
    ("i", "want", "to"),
    ("i", "would", "like", "to"),
    ("i'd", "like", "to"),
    ("i", "will"),
    ("i'll",),
    ("i", "plan", "to"),
    ("i", "aim", "to"),
    ("my", "goal", "is", "to"),
    ("aim", "to"),
    ("plan", "to"),
    ("to",),
)
_FILLER_FIRST = frozenset(f[0] for f in _FILLER)
_OUTCOME_WORDS = _set(
    "pass passed defend defended publish published submit submitted graduate "
    "graduated promoted land landed ship shipped present presented accepted "
    "approved admitted hired certified funded awarded selected launch launched "
    "release released deploy deployed finish finished complete completed send "
    "sent email apply win won earn earned obtain obtained secure secured give "
    "deliver delivered run ran write wrote build built create created design "
    "record recorded file filed join joined attend attended host hosted organise "
    "organize organised organized lead led teach taught interview conduct migrate "
    "move update upgrade redesign rebuild set buy bought pay lose cut limit sleep "
    "meditate go speak spoke collect clear hit double memorise memorize mentor "
    "shadow negotiate ask find get reach become take enter volunteer meet "
    "schedule hand sign share contribute draft read start make hold post upload "
    "answer fix refactor score achieve do print check translate raise save "
    "exercise develop"
)
_NOT_OUTCOME_OBJECTS = frozenset({"feedback", "started", "more", "better"})
_STRONG_OUTCOMES = _set(
    "pass defend publish submit graduate ship present launch release deploy win "
    "earn obtain land deliver"
)
_PLAN_PREPS = frozenset({"by", "through", "via", "with"})
_CLAUSE_END = _set(
    "by before until till within in during over this next at and so to for with "
    "through via on from every each"
)
_STOP_EN = _set(
    "the a an to of in on for by and my with at be i is more every this next "
    "before from our it as up all each out about your have get that than will "
    "want"
)
_STOP_OTHER = _set(
    "de la el los las y mi mis un una unos del antes para con este esta año ma le "
    "les des du et avant mon fin sur une dans pour au aux avec meine mein bis und "
    "der die das ich möchte jeden jede eine ende zum zur für mit il di entro come "
    "per della nel mijn voor het een zomer em até um uma os ao do da dos das não "
    "ser trois deux quatre ein einen nicht auf"
)
_LEAD_WORDS = _set(
    "by in on before until within over during this next starting from at for "
    "after when once"
)
_TOKEN_STRIP = " \t\"'“”‘’()[]{}!?;:,."  # noqa: S105 (punctuation, not a secret)


def _tokens(title: str) -> list[str]:
    text = title.lower().replace("’", "'")
    return [t for t in (w.strip(_TOKEN_STRIP) for w in text.split()) if t]


def is_english(title: str) -> bool:
    """A stopword count: mostly another script, or more French, Spanish, German,
    Italian, Dutch or Portuguese function words than English ones, is not."""
    if not title.isascii():
        letters = [ch for ch in title if ch.isalpha()]
        foreign = sum(1 for ch in letters if ord(ch) > 0x24F)
        if foreign * 2 > len(letters):
            return False
    words = _tokens(title)
    other = sum(1 for w in words if w in _STOP_OTHER or w.startswith(("l'", "d'")))
    english = sum(1 for w in words if w in _STOP_EN)
    return not (other >= 2 and other > english)


def _has_number(token: str) -> bool:
    return any(ch.isdigit() for ch in token)


_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_DESCRIBES = re.compile(r"\d-[a-z]")
_CODE = re.compile(r"[a-z]+\d+(?:\.\d+)?")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)*")


def _number_role(tokens: list[str], raw: list[str], i: int, timed: set[int]) -> str:
    """What the number at `i` is: count, time, descriptor or name."""
    token = tokens[i]
    if i in timed:
        return "time"
    if _YEAR_TOKEN.fullmatch(token):
        return "time"
    if "-" in token and _DESCRIBES.search(token):
        return "descriptor"  # "10-minute", "3-month", "1,000-piece"
    if _CODE.fullmatch(token) and not token.startswith("fy"):
        return "name"  # "e5", "b2", "python3", "q2"
    before = tokens[i - 1] if i else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    if before in _NAME_BEFORE:
        return "name"
    if (
        i
        and raw[i - 1][:1].isupper()
        and before not in _MEASURE_NAMES
        and i != 1
        and _PLAIN_NUMBER.fullmatch(token)
    ):
        return "name"  # "Java 21", "Web 2.0", "CFA Level 1"
    if after in _TIME_UNITS and before in ("in", "within", "next", "over"):
        return "time"
    return "count"


def _strip_lead(tokens: list[str], timed_until: int) -> int:
    """Where the goal's own verb starts: past a leading time clause ("By the end
    of next month, ...") and fillers ("I want to")."""
    start = timed_until
    if start >= len(tokens) or tokens[start] not in _FILLER_FIRST:
        return start
    for filler in _FILLER:
        if tuple(tokens[start : start + len(filler)]) == filler:
            return start + len(filler)
    return start


def _object_phrase(raw: list[str], tokens: list[str], start: int) -> str:
    end = start
    while end < len(tokens) and (tokens[end] not in _CLAUSE_END or end == start):
        end += 1
        if end - start >= 6:
            break
    return " ".join(raw[start:end]).strip(_TOKEN_STRIP)


def read_title(title: str) -> Reading:
    if not is_english(title):
        unsure = Verdict("unsure", "", "language")
        return Reading(False, unsure, unsure, unsure)
    raw = [w.strip(_TOKEN_STRIP) for w in title.replace("’", "'").split()]
    raw = [w for w in raw if w]
    tokens = [w.lower() for w in raw]
    text = " ".join(tokens)
    # map characters back to tokens
    starts: list[int] = []
    at = 0
    for token in tokens:
        starts.append(at)
        at += len(token) + 1

    def token_span(begin: int, end: int) -> set[int]:
        return set(range(bisect_left(starts, begin), bisect_left(starts, end)))

    timed: set[int] = set()
    phrases: list[str] = []
    for match in _TIME.finditer(text):
        timed |= token_span(match.start(), match.end())
        phrases.append(match.group(0))
    event = None if phrases else _EVENT.search(text)
    if phrases:
        time = Verdict("pass", phrases[0])
    elif event:
        time = Verdict("unsure", event.group(0), "event")
        timed |= token_span(event.start(), event.end())
    else:
        time = Verdict("fail")

    # A leading time clause: "By the end of next month, finish ..."
    lead = 0
    comma = next((n for n, w in enumerate(title.split()) if w.endswith(",")), -1)
    if (
        0 <= comma < len(tokens) - 1
        and tokens[0] in _LEAD_WORDS
        and any(n in timed for n in range(comma + 1))
    ):
        lead = comma + 1
    verb_at = _strip_lead(tokens, lead)

    measures = [
        n
        for n, token in enumerate(tokens)
        if (_has_number(token) or token in _NUMBER_WORDS)
        and _number_role(tokens, raw, n, timed) == "count"
    ]
    specific = _specific(raw, tokens, verb_at, measures, timed)
    measurable = _measurable(tokens, raw, verb_at, measures, specific, timed)
    return Reading(True, specific, measurable, time, tuple(phrases))


def _specific(
    raw: list[str], tokens: list[str], at: int, measures: list[int], timed: set[int]
) -> Verdict:
    body = tokens[at:]
    if not body:
        return Verdict("fail", " ".join(raw), "topic")
    verb = body[0]
    # a concrete plan after a vague opener: "... by running 3 parkruns"
    plan = any(
        word in _PLAN_PREPS
        and n + 1 < len(body)
        and body[n + 1].endswith("ing")
        and at + n + 1 not in timed
        for n, word in enumerate(body)
    ) or any(
        word == "and" and n + 1 < len(body) and body[n + 1] in _OUTCOME_WORDS
        for n, word in enumerate(body)
    )
    target = any(
        m > at
        and tokens[m - 1] in ("to", "by", "from", "of", "under", "below", "above")
        for m in measures
    )
    for phrase in _VAGUE_BY_FIRST.get(verb, ()):
        if tuple(body[: len(phrase)]) == phrase:
            if phrase == ("reach", "conversational") or not (plan or target):
                rest = _object_phrase(raw, tokens, at + len(phrase))
                return Verdict("fail", rest, "vague:" + " ".join(phrase))
            return Verdict("pass", " ".join(raw[at:]))
    reach_out = verb != "reach" or (len(body) > 1 and body[1] == "out")
    if verb in _VAGUE_VERBS and reach_out and not (plan or target):
        words = _VAGUE_VERBS[verb].split()
        skip = (
            len(words)
            if tuple(body[: len(words)]) == tuple(words)
            else 1 + (len(body) > 1 and body[1] in ("on", "up", "out", "into"))
        )
        if verb == "reach" and len(body) > 1 and body[1] in _REACH_OUT_OK:
            return Verdict("pass", " ".join(raw[at:]))
        rest = _object_phrase(raw, tokens, at + skip)
        return Verdict("fail", rest, "vague:" + _VAGUE_VERBS[verb])
    compared = None if plan or target else _comparative(raw, body, at)
    if compared is not None:
        return compared
    if len(body) == 1 and len(tokens) <= 2 and verb not in _OUTCOME_WORDS | _COGNITIVE:
        return Verdict("fail", " ".join(raw), "topic")
    if len(tokens) <= 2 and verb not in _OUTCOME_WORDS | _COGNITIVE | _LINKING:
        return Verdict("fail", " ".join(raw), "topic")
    abstract = None if plan or target else _abstract_object(raw, tokens, at)
    if abstract is not None:
        return abstract
    if (
        verb in ("be", "become")
        and len(body) > 1
        and body[1] not in ("a", "an")
        and not (plan or target)
    ):
        return Verdict("fail", _object_phrase(raw, tokens, at + 1), "vague:" + verb)
    return Verdict("pass", " ".join(raw[at:]))


def _comparative(raw: list[str], body: list[str], at: int) -> Verdict | None:
    """A comparative alone is not a result: "become a stronger writer", "have
    more presence" (the rubric's S)."""
    window = body[: min(len(body), 6)]
    for n, word in enumerate(window):
        if word in _COMPARATIVES:
            if word in ("more", "less", "fewer") and n + 1 < len(body):
                nxt = body[n + 1]
                if nxt == "than" or _has_number(nxt):
                    continue
            if n <= 3 or body[0] in _LINKING:
                cut = n
                while cut + 1 < len(body) and cut - n < 3:
                    if body[cut + 1] in _CLAUSE_END:
                        break
                    cut += 1
                start = n - 1 if n and body[n - 1] in ("a", "an") else n
                said = " ".join(raw[at + start : at + cut + 1])
                return Verdict("fail", said, "comparative")
    return None


def _abstract_object(raw: list[str], tokens: list[str], at: int) -> Verdict | None:
    """An abstract or generic object: "build my confidence", "lead a project"."""
    body = tokens[at:]
    verb = body[0]
    obj = [w for w in body[1:4] if w not in ("a", "an", "the", "my", "our", "some")]
    if not obj:
        return None
    head = obj[0]
    if verb in ("develop", "build", "gain", "get", "have", "make", "find") and (
        head in _ABSTRACT or (head.endswith("skills"))
    ):
        return Verdict("fail", _object_phrase(raw, tokens, at + 1), "abstract:" + verb)
    if len(obj) >= 2 and obj[1] in _ABSTRACT and verb in ("develop", "gain"):
        return Verdict("fail", _object_phrase(raw, tokens, at + 1), "abstract:" + verb)
    if (
        len(body) > 2
        and body[1] in ("a", "an")
        and body[2] in _GENERIC
        and not any(w not in _CLAUSE_END for w in body[3:4])
    ):
        return Verdict("fail", " ".join(raw[at + 1 : at + 3]), "generic")
    if verb == "save" and head == "money":
        return Verdict("fail", "money", "abstract:save")
    if verb in ("understand", "learn") and head in ("the", "basics"):
        return Verdict("fail", _object_phrase(raw, tokens, at + 1), "abstract")
    if verb in _COGNITIVE and "basics" in obj:
        return Verdict("fail", _object_phrase(raw, tokens, at + 1), "abstract")
    return None


_FREQUENCY = re.compile(
    r"(?<![\w-])(?:every|each|daily|weekly|monthly|nightly|fortnightly|per|"
    r"twice|once|a\s+(?:day|week|month|night)|weekdays?)(?![\w-])"
)


def _measurable(
    tokens: list[str],
    raw: list[str],
    at: int,
    measures: list[int],
    specific: Verdict,
    timed: set[int],
) -> Verdict:
    if measures:
        n = measures[0]
        end = n + 2 if n + 1 < len(tokens) and n + 1 not in timed else n + 1
        return Verdict("pass", " ".join(raw[n:end]), "number")
    if specific.outcome == "fail":
        return Verdict("fail", "", "direction")
    body = tokens[at:]
    if not body:
        return Verdict("fail")
    verb = body[0]
    if any(
        w in ("accepted", "approved", "promoted", "admitted", "hired") for w in body
    ):
        return Verdict("pass", verb, "outcome")
    for n, word in enumerate(body[:-1]):
        later = body[n + 1]
        if (word == "and" and later in _OUTCOME_WORDS - _COGNITIVE) or (
            word == "to" and later in _STRONG_OUTCOMES
        ):
            return Verdict("pass", later, "outcome")
    if verb in _COGNITIVE:
        if _FREQUENCY.search(" ".join(body)) and verb not in ("learn", "understand"):
            return Verdict("pass", verb, "habit")
        return Verdict("fail", verb, "cognitive")
    habit = len(body) > 1 and body[1].endswith("ing")  # "start going to the gym"
    if (
        verb in _OUTCOME_WORDS
        and not (len(body) > 1 and body[1] in _NOT_OUTCOME_OBJECTS)
        and not (habit and verb in ("start", "keep", "try", "go"))
    ):
        return Verdict("pass", verb, "outcome")
    if _FREQUENCY.search(" ".join(body)):
        return Verdict("pass", verb, "habit")
    return Verdict("fail", verb, "unknown")


# -- the date a title promises ---------------------------------------------------------
_DATE_PREPS = frozenset({"by", "before", "until", "till", "on", "in", "within", "due"})
_END_OF = re.compile(
    r"^(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(week|month|year|quarter)$"
)
_NEXT_END = re.compile(r"^(?:the\s+)?end\s+of\s+next\s+(week|month|year)$")
_QUARTER = re.compile(r"^(?:the\s+end\s+of\s+)?q([1-4])(?:\s+((?:19|20)\d\d))?$")
_YEAR = re.compile(r"^(?:the\s+end\s+of\s+)?((?:19|20)\d\d)$")
_THIS = re.compile(r"^(?:this|the)\s+(week|month|year)$")


_LEADING_NEXT = re.compile(
    r"^(?:the\s+)?(?:next|coming|following)\s+(?=\d|[a-z]+\s+[a-z])"
)
_LEADING_END = re.compile(r"^(?:the\s+)?end\s+of\s+")


def _end_of(unit: str, ref: date) -> date:
    if unit == "week":
        return ref + timedelta(days=6 - ref.weekday())
    if unit == "month":
        return shift(date(ref.year, ref.month, 1), 1, "months") - timedelta(days=1)
    if unit == "quarter":
        last = ((ref.month - 1) // 3 + 1) * 3
        return shift(date(ref.year, last, 1), 1, "months") - timedelta(days=1)
    return date(ref.year, 12, 31)


def _phrase_date(phrase: str, prep: str, ref: date) -> date | None:
    phrase = _LEADING_NEXT.sub("", phrase)
    match = _END_OF.match(phrase) or _THIS.match(phrase)
    if match:
        return _end_of(match.group(1), ref)
    match = _NEXT_END.match(phrase)
    if match:
        unit = match.group(1)
        return _end_of(unit, shift(ref, 1, UNIT_NAMES[unit]))
    match = _QUARTER.match(phrase)
    if match:
        year = int(match.group(2)) if match.group(2) else ref.year
        end = shift(date(year, int(match.group(1)) * 3, 1), 1, "months") - timedelta(
            days=1
        )
        if not match.group(2) and end < ref:
            end = shift(end + timedelta(days=1), 1, "years") - timedelta(days=1)
        return end
    match = _YEAR.match(phrase)
    if match:
        return date(int(match.group(1)), 12, 31)
    candidates = [phrase]
    if prep in ("in", "within"):
        candidates.insert(0, "in " + phrase)
    for candidate in candidates:
        try:
            return parse_date(candidate, base=ref)
        except DateError:
            pass
    named = _LEADING_END.sub("", phrase)
    words = named.split()
    if words and month_number(words[0]) is not None:
        return end_of_month_named(named, ref)
    return None


UNIT_NAMES = {"week": "weeks", "month": "months", "year": "years"}


def deadline_in_title(title: str, start: date) -> date | None:
    """The date a title promises: "within 3 months", "by march 1", "in January
    2027", "by the end of next month", "by Q3". The last one that reads as a
    date wins: in "learn X by passing the exam by 2027-06-01" it is 2027-06-01."""
    text = " ".join(_tokens(title))
    return deadline_of([m.group(0) for m in _TIME.finditer(text)], start)


def deadline_of(phrases: list[str], start: date) -> date | None:
    """The date the last of these time phrases names, read with the product's
    own date parser (mentorlog.dates), or None when none names a date."""
    for phrase in reversed(phrases):
        prep, _, rest = phrase.partition(" ")
        if prep not in _DATE_PREPS or not rest:
            prep, rest = "", phrase
        try:
            day = _phrase_date(rest, prep, start)
        except (ValueError, OverflowError):
            day = None
        if day is not None:
            return day
    return None
