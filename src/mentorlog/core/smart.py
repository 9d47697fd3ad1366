"""The SMART coach: judges a goal on each SMART part, from the parts the user
filled in and from the words of its title, and says concretely what is missing.
"""

from __future__ import annotations

import re
from datetime import date

from mentorlog._struct import struct
from mentorlog.dates import NUMBER_WORDS, UNITS, end_of_month_named, parse_date, shift
from mentorlog.errors import DateError
from mentorlog.models import SMART_PARTS, Goal, Targets

EXAMPLE_REWRITE = (
    '"improve my programming skills" becomes '
    '"build a working web application using React within 3 months"'
)

VAGUE = (
    "improve",
    "get better at",
    "be better at",
    "become better at",
    "learn more about",
    "learn about",
    "work on",
    "get good at",
    "brush up on",
    "understand",
    "know more about",
    "focus on",
    "try to",
    "be more",
    "enhance",
    "strengthen",
    "develop my",
    "grow my",
    "boost",
)
CONCRETE = (
    "build",
    "write",
    "publish",
    "ship",
    "finish",
    "complete",
    "launch",
    "present",
    "give",
    "deliver",
    "submit",
    "pass",
    "earn",
    "run",
    "deploy",
    "release",
    "contribute",
    "lead",
    "interview",
    "apply",
    "create",
    "read",
    "land",
    "speak",
    "teach",
    "organize",
    "organise",
    "host",
    "design",
    "implement",
    "obtain",
    "win",
    "raise",
    "save",
    "record",
    "draft",
    "make",
    "start",
    "join",
    "get certified",
    "reach",
    "attend",
)
_WORD_NUMBERS = "|".join([*NUMBER_WORDS, "dozen", "hundred", "thousand", "first"])
_NUMBER = re.compile(rf"\d|\b({_WORD_NUMBERS})\b")
_WITHIN = re.compile(
    rf"\b(?:within|in|over the next|in the next)\s+(\d{{1,3}}|{'|'.join(NUMBER_WORDS)})"
    r"\s+(days?|weeks?|months?|years?)\b"
)
_BY = re.compile(r"\b(?:by|before|until)\s+")
_END_OF = re.compile(r"^(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(week|month|year)$")


@struct(frozen=True)
class Gap:
    part: str
    message: str


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9'%]+", text.lower()))


def _has_phrase(text: str, phrases: tuple[str, ...]) -> str | None:
    words = f" {_words(text)} "
    for phrase in phrases:
        if f" {phrase} " in words:
            return phrase
        # verb forms: "improving", "builds", "wrote" are close enough
        if " " not in phrase and any(
            f" {phrase}{ending} " in words for ending in ("s", "es", "ed", "ing", "d")
        ):
            return phrase
    return None


def _object_after(text: str, phrase: str) -> str:
    words = _words(text).split()
    lead = phrase.split()
    for index in range(len(words)):
        if words[index : index + len(lead)] == lead:
            rest = words[index + len(lead) : index + len(lead) + 4]
            return " ".join(rest)
    return ""


def deadline_in_title(title: str, start: date) -> date | None:
    """The date a title promises: "within 3 months", "by march 1", "by december",
    "by the end of the year". The last "by/before/until" wins: in "learn X by
    passing the exam by 2027-06-01" the deadline is 2027-06-01."""
    lowered = " ".join(title.lower().split())
    match = _WITHIN.search(lowered)
    if match:
        count = match.group(1)
        amount = int(count) if count.isdecimal() else NUMBER_WORDS[count]
        return shift(start, amount, UNITS[match.group(2)])
    found = list(_BY.finditer(lowered))
    if not found:
        return None
    phrase = lowered[found[-1].end() :].strip(" ,.;!")
    phrase = _END_OF.sub(lambda m: "eo" + m.group(1)[0], phrase)
    try:
        return parse_date(phrase, base=start)
    except DateError:
        return end_of_month_named(phrase, start)


def _vague(text: str | None) -> bool:
    return bool(text) and _has_phrase(text or "", VAGUE) is not None


def check_goal(goal: Goal, today: date, ref: str = "<goal>") -> list[Gap]:
    """Every SMART gap of `goal`, each a sentence that says what to do
    (SPEC §1 item 1; shared/SMART_RUBRIC.md for the words of the title)."""
    return [
        *_specific_and_measurable(goal),
        *_achievable_and_relevant(goal, ref),
        *_time_bound(goal, today, ref),
    ]


def _specific_and_measurable(goal: Goal) -> list[Gap]:
    gaps: list[Gap] = []
    title = goal.title.strip()
    vague = _has_phrase(title, VAGUE)
    concrete = _has_phrase(title, CONCRETE)
    specific_text = (goal.specific or "").strip()
    specific_ok = bool(specific_text) and not _vague(specific_text)
    counted = _NUMBER.search(title.lower()) is not None
    # Specific: a vague verb is fine when a number says where it ends
    # ("improve test coverage to 80%").
    if vague and not concrete and not counted and not specific_ok:
        thing = _object_after(title, vague)
        about = f' What will "{thing}" let you produce or do?' if thing else ""
        gaps.append(
            Gap(
                "specific",
                f'"{vague}" names a direction, not a result: say what you will have '
                f"done.{about} For example, {EXAMPLE_REWRITE}.",
            )
        )
    elif len(title.split()) < 3 and not specific_ok:
        gaps.append(
            Gap(
                "specific",
                f'"{title}" is a topic, not a goal: start with a verb and name the '
                'result, e.g. "write and publish 3 blog posts about Rust".',
            )
        )
    elif specific_text and not specific_ok:
        gaps.append(
            Gap(
                "specific",
                "the specific part is itself vague: name the result you will have, "
                "not the direction.",
            )
        )
    measurable_ok = (
        bool((goal.measurable or "").strip())
        or counted
        or (concrete is not None and vague is None)
    )
    if not measurable_ok:
        gaps.append(
            Gap(
                "measurable",
                "nothing says how you will know it is done: add a number or an "
                'observable result ("5 alumni interviewed", "an app with 3 features '
                'deployed"), or fill in --measure.',
            )
        )
    return gaps


def _achievable_and_relevant(goal: Goal, ref: str) -> list[Gap]:
    gaps: list[Gap] = []
    if not goal.milestones:
        gaps.append(
            Gap(
                "achievable",
                "no milestone yet: break it into 2-4 steps you can check off, "
                f'with `mentorlog goals milestone {ref} "first step" --due <date>`.',
            )
        )
    if not (goal.achievable or "").strip():
        gaps.append(
            Gap(
                "achievable",
                "say why it is within reach (hours a week, what you already know, "
                "who can help): fill in --achievable.",
            )
        )
    if not (goal.relevant or "").strip():
        gaps.append(
            Gap(
                "relevant",
                "say why it matters to you now and which bigger aim it serves: "
                "fill in --relevant.",
            )
        )
    return gaps


def _time_bound(goal: Goal, today: date, ref: str) -> list[Gap]:
    gaps: list[Gap] = []
    promised = deadline_in_title(goal.title.strip(), goal.created)
    target = goal.target or promised
    if target is None:
        gaps.append(
            Gap(
                "time-bound",
                f"no target date: set one in the file (`mentorlog goals edit {ref}`, "
                "target = 2027-03-01), or give --by when you add a goal.",
            )
        )
        return gaps
    if goal.status == "active" and target < today:
        days = (today - target).days
        gaps.append(
            Gap(
                "time-bound",
                f"the target date {target.isoformat()} passed {days} day"
                f"{'s' if days != 1 else ''} ago: set a new date (`mentorlog goals "
                f"edit {ref}`) or close the goal (`goals done` / `goals drop`).",
            )
        )
    late = [m for m in goal.milestones if m.due and m.due > target and not m.done]
    gaps += [
        Gap(
            "time-bound",
            f'milestone "{milestone.title}" is due {milestone.due} after the '
            f"goal's target {target}: move one of the two dates.",
        )
        for milestone in late
    ]
    return gaps


def score(gaps: list[Gap]) -> int:
    """How many of the five SMART parts have no gap."""
    return sum(1 for part in SMART_PARTS if not any(g.part == part for g in gaps))


@struct(frozen=True)
class PortfolioCheck:
    """Whether the journal holds the right number of dated active goals."""

    active: int
    dated: int
    complete: int
    targets: Targets

    @property
    def ok(self) -> bool:
        t = self.targets
        in_range = t.goals_min <= self.active <= t.goals_max
        return in_range and self.dated == self.active and self.complete == self.active

    @property
    def message(self) -> str:
        t = self.targets
        counts = (
            f"{self.active} active goal{'s' if self.active != 1 else ''}, "
            f"{self.dated} with a target date, {self.complete} with every SMART "
            "part filled"
        )
        if self.active < t.goals_min:
            advice = f"; aim for {t.goals_min}-{t.goals_max}: add a goal"
        elif self.active > t.goals_max:
            advice = (
                f"; aim for {t.goals_min}-{t.goals_max}: finish or drop some, "
                "too many goals dilute each one"
            )
        elif self.dated < self.active:
            advice = "; give every goal a target date"
        elif self.complete < self.active:
            advice = "; fill in every SMART part of each goal (see the gaps above)"
        else:
            advice = f"; within the {t.goals_min}-{t.goals_max} target"
        return counts + advice
