from datetime import date

from mentorlog.core.goals import GoalDraft, add_goal, close_goal
from mentorlog.core.mentors import MentorDraft, add_mentor, answer, ask, end_mentor
from mentorlog.core.network import covers, network
from mentorlog.store.journal import Journal
from mentorlog.tojson import to_json

TODAY = date(2026, 11, 22)


def goal(journal: Journal, title: str, area: str) -> None:
    add_goal(journal, GoalDraft(title=title, area=area, target=date(2027, 1, 1)), TODAY)


def test_covers_matches_whole_words() -> None:
    assert covers("web development", "web")
    assert covers("Web", "web development")
    assert covers("Career", "career")
    assert not covers("webassembly", "web")
    assert not covers("", "web")


def test_needs_gaps_and_unused_expertise(journal: Journal) -> None:
    goal(journal, "Build a site with 3 pages", "web")
    goal(journal, "Interview 5 alumni", "career")
    goal(journal, "Give 2 talks", "public speaking")
    goal(journal, "Old goal", "cooking")
    close_goal(journal, "old", "dropped", TODAY)
    add_mentor(
        journal, MentorDraft(name="Ada", expertise=["web development", "math"]), TODAY
    )
    add_mentor(journal, MentorDraft(name="Ended", expertise=["career"]), TODAY)
    end_mentor(journal, "ended", TODAY)
    ask(journal, "Grace", "How did you start?", ["public speaking"], TODAY)
    report = network(journal)
    by_area = {
        need.area: [v.mentor.name for v in need.mentors] for need in report.needs
    }
    assert by_area == {"web": ["Ada"], "career": [], "public speaking": []}
    assert [need.area for need in report.gaps] == ["career", "public speaking"]
    assert [(v.mentor.name, areas) for v, areas in report.unused] == [("Ada", ["math"])]
    answer(journal, "grace", "accepted", None, TODAY)
    report = network(journal)
    assert [need.area for need in report.gaps] == ["career"]
    # the area is one shell word of the suggested command: quoted if need be
    assert "--expertise career --ask" in str(report.gaps[0].suggestion)


def test_needs_from_settings(journal: Journal) -> None:
    with journal.transaction():
        journal.write_new_settings(name=None)
    text = journal.settings_path.read_text().replace(
        "schema_version = 1", 'schema_version = 1\nneeds = ["negotiation"]'
    )
    journal.settings_path.write_text(text)
    report = network(journal)
    assert [(n.area, n.sources, n.gap) for n in report.needs] == [
        ("negotiation", ["settings"], True)
    ]
    data = to_json(report)
    assert data["gaps"] == ["negotiation"]
