"""`followups`, through the core: what is owed to a mentor, and from when."""

from datetime import date

from mentorlog.core.followups import FollowUp, complete, followups
from mentorlog.core.mentors import end_mentor
from mentorlog.core.sessions import cancel_session, move_session
from mentorlog.core.tracking import add_log, add_resource, finish_resource
from mentorlog.store.journal import Journal

from .build import TODAY, ago, day, held, mentor, plan


def owed(journal: Journal, today: date, kind: str) -> list[FollowUp]:
    return [f for f in followups(journal, today).items if f.kind == kind]


def test_a_thank_you_is_owed_after_a_meeting_until_it_is_sent(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    meeting = held(journal, ada, day("2026-11-10"), takeaways=["Ship small"])
    [thanks] = owed(journal, TODAY, "thanks")
    assert thanks == FollowUp(
        id=f"thanks-{meeting.view.short}",
        kind="thanks",
        text="Send Ada Lovelace a thank-you note for the meeting on 2026-11-10",
        mentor="Ada Lovelace",
        channel="video",
        due=day("2026-11-11"),
    )
    assert complete(journal, thanks.id, TODAY) == thanks
    assert owed(journal, TODAY, "thanks") == []


def test_a_thank_you_is_no_longer_owed_after_thirty_days(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-09-01"))
    held(journal, ada, ago(30), takeaways=["x"])
    assert len(owed(journal, TODAY, "thanks")) == 1
    assert owed(journal, day("2026-11-23"), "thanks") == []


def test_an_impression_is_owed_a_week_after_a_recommended_resource(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    book = add_resource(
        journal, "Clean Code", day("2026-11-01"), kind="book", recommended_by=ada
    )
    own = add_resource(journal, "My own find", day("2026-11-01"))
    finish_resource(journal, book.short, None, day("2026-11-10"))
    finish_resource(journal, own.short, None, day("2026-11-10"))
    assert owed(journal, day("2026-11-16"), "impression") == []
    [item] = owed(journal, day("2026-11-17"), "impression")
    assert item.id == f"impression-{book.short}"
    assert item.due == day("2026-11-17")
    assert item.text == (
        'Tell Ada Lovelace what you made of "Clean Code", which they recommended'
    )
    complete(journal, item.id, TODAY)
    assert owed(journal, TODAY, "impression") == []


def test_an_unfinished_recommendation_owes_no_impression(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    add_resource(journal, "Clean Code", day("2026-10-01"), recommended_by=ada)
    assert owed(journal, TODAY, "impression") == []


def test_the_next_meeting_is_due_by_cadence_from_the_last_one_held(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"), cadence="weekly")
    held(journal, ada, day("2026-10-05"), takeaways=["first"])
    held(journal, ada, day("2026-11-16"), takeaways=["latest"])
    [item] = owed(journal, TODAY, "plan")
    assert item.id == f"plan-{ada}"
    assert item.due == day("2026-11-23")  # a week after 11-16, not after 10-05
    assert "(due by your weekly cadence on 2026-11-23)" in str(item.text)


def test_planning_is_a_followup_only_a_week_before_it_is_due(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"), cadence="monthly")
    held(journal, ada, day("2026-11-16"), takeaways=["x"])  # next due 12-16
    assert owed(journal, day("2026-12-08"), "plan") == []
    [item] = owed(journal, day("2026-12-09"), "plan")
    assert item.due == day("2026-12-16")
    plan(journal, ada, day("2026-12-16"), day("2026-12-09"))
    assert owed(journal, day("2026-12-09"), "plan") == []


def test_a_mentor_never_met_is_due_a_cadence_after_being_added(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-11-20"), cadence="weekly")
    mentor(journal, "Flash Gordon", on=day("2026-11-01"), flash=True, cadence=None)
    [item] = followups(journal, TODAY).items
    assert (item.kind, item.id, item.due) == ("plan", f"plan-{ada}", day("2026-11-27"))
    end_mentor(journal, ada, TODAY)
    assert followups(journal, TODAY).items == []


def test_a_move_inside_the_agreed_notice_is_to_be_announced(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"), notice="48h")
    meeting = plan(journal, ada, day("2026-11-30"), day("2026-11-20"))
    move_session(journal, meeting.view.short, day("2026-11-25"), day("2026-11-22"))
    assert owed(journal, TODAY, "moved") == []  # 3 days ahead: inside no notice
    move_session(journal, meeting.view.short, day("2026-11-26"), day("2026-11-24"))
    [item] = owed(journal, day("2026-11-24"), "moved")
    assert item.id == f"moved-{meeting.view.short}.2"
    assert item.due == day("2026-11-24")
    assert item.text == (
        "Tell Ada Lovelace the meeting moved from 2026-11-25 to 2026-11-26: "
        "inside the agreed 48h notice"
    )
    complete(journal, item.id, day("2026-11-24"))
    assert owed(journal, day("2026-11-24"), "moved") == []


def test_without_an_agreed_notice_no_move_is_late(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    meeting = plan(journal, ada, day("2026-11-23"), day("2026-11-20"))
    move_session(journal, meeting.view.short, day("2026-11-24"), TODAY)
    assert owed(journal, TODAY, "moved") == []


def test_a_late_cancellation_is_to_be_announced(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-10-01"), notice="48h")
    early = plan(journal, ada, day("2026-11-30"), day("2026-11-20"))
    cancel_session(journal, early.view.short, TODAY)  # 8 days ahead: in time
    assert owed(journal, TODAY, "cancelled") == []
    late = plan(journal, ada, day("2026-11-23"), TODAY)
    cancel_session(journal, late.view.short, TODAY)
    [item] = owed(journal, TODAY, "cancelled")
    assert item.id == f"cancelled-{late.view.short}"
    assert "inside the agreed 48h notice" in str(item.text)


def test_a_planned_meeting_whose_day_passed_is_to_be_recapped(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    meeting = plan(journal, ada, day("2026-11-20"), day("2026-11-18"))
    assert owed(journal, day("2026-11-20"), "recap") == []
    [item] = owed(journal, TODAY, "recap")
    assert (item.id, item.due) == (f"recap-{meeting.view.short}", day("2026-11-20"))
    held(journal, ada, TODAY, takeaways=["late recap"])
    assert owed(journal, TODAY, "recap") == []


def test_an_update_is_owed_two_weeks_after_the_last_contact(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    held(journal, ada, day("2026-11-01"), takeaways=["x"])
    add_log(
        journal, "A private note", "update", day("2026-11-20"), mentor=ada, private=True
    )
    [item] = owed(journal, TODAY, "update")
    assert item.due == day("2026-11-15")
    assert item.text == "Send Ada Lovelace a brief update: nothing since 2026-11-01"
    add_log(journal, "Sent the draft", "update", day("2026-11-20"), mentor=ada)
    assert owed(journal, TODAY, "update") == []
    assert len(owed(journal, day("2026-12-04"), "update")) == 1


def test_a_review_and_feedback_fall_due_each_review_period(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-08-24"))  # 90 days before today
    assert [f.kind for f in followups(journal, ago(1)).items] == ["plan"]
    items = followups(journal, TODAY).items
    assert [(f.kind, f.due) for f in items] == [
        ("plan", day("2026-09-07")),
        ("feedback", TODAY),
        ("review", TODAY),
    ]  # sorted by when each fell due, then by id
    complete(journal, f"review-{ada}", TODAY)
    assert [f.kind for f in followups(journal, TODAY).items] == ["plan", "feedback"]
