"""One date policy with a direction per field (issue 15): the table in
docs/guide.md, read both ways, and a property of the two directions."""

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorlog import dates
from mentorlog.dates import BACKWARD, FORWARD, parse_date, parse_when
from mentorlog.errors import DateError

MONDAY = date(2026, 11, 23)
FRIDAY = date(2026, 11, 27)

# (phrase, forward, backward) said on Monday 2026-11-23; the guide's table.
TABLE = [
    ("today", MONDAY, MONDAY),
    ("friday", FRIDAY, date(2026, 11, 20)),
    ("this friday", FRIDAY, FRIDAY),
    ("next friday", date(2026, 12, 4), date(2026, 12, 4)),
    ("last friday", date(2026, 11, 20), date(2026, 11, 20)),
    ("monday", MONDAY, MONDAY),
    ("next monday", date(2026, 11, 30), date(2026, 11, 30)),
    ("may 31", date(2027, 5, 31), date(2026, 5, 31)),
    ("june 1", date(2027, 6, 1), date(2026, 6, 1)),
    ("dec 1", date(2026, 12, 1), date(2025, 12, 1)),
    ("nov 23", MONDAY, MONDAY),
    ("feb 29", date(2028, 2, 29), date(2024, 2, 29)),
    ("may 31 2026", date(2026, 5, 31), date(2026, 5, 31)),
    ("in 2 weeks", date(2026, 12, 7), date(2026, 12, 7)),
    ("2 weeks ago", date(2026, 11, 9), date(2026, 11, 9)),
]


@pytest.mark.parametrize(("text", "ahead", "behind"), TABLE)
def test_the_guide_table_both_ways(text: str, ahead: date, behind: date) -> None:
    assert parse_date(text, base=MONDAY, direction=FORWARD) == ahead
    assert parse_date(text, base=MONDAY, direction=BACKWARD) == behind


def test_next_friday_on_a_monday_is_not_this_friday() -> None:
    assert parse_date("next friday", base=MONDAY) != parse_date("friday", base=MONDAY)


@pytest.mark.parametrize(
    ("text", "day", "hour"),
    [
        ("fri 15:00", FRIDAY, time(15, 0)),
        ("2026-12-03 15:30", date(2026, 12, 3), time(15, 30)),
        ("2026-12-03T15:30", date(2026, 12, 3), time(15, 30)),
        ("tomorrow 9am", date(2026, 11, 24), time(9, 0)),
        ("friday at 2:30pm", FRIDAY, time(14, 30)),
        ("next friday 12am", date(2026, 12, 4), time(0, 0)),
        ("in 2 weeks", date(2026, 12, 7), None),
        ("dec 1 2027", date(2027, 12, 1), None),
    ],
)
def test_meeting_fields_take_a_time_of_day(
    text: str, day: date, hour: time | None
) -> None:
    assert parse_when(text, base=MONDAY) == (day, hour)


@pytest.mark.parametrize("text", ["fri 25:00", "fri 9:75", "tomorrow 13pm", "9am"])
def test_an_impossible_time_is_an_error(text: str) -> None:
    with pytest.raises(DateError):
        parse_when(text, base=MONDAY)


# the parser's own words: the property speaks the language it is checking
MONTH_NAMES = list(dates.MONTHS)
WEEKDAY_NAMES = sorted(
    (n for n in dates.WEEKDAYS if n.endswith("day")), key=dates.WEEKDAYS.__getitem__
)


@given(
    base=st.dates(min_value=date(1950, 1, 1), max_value=date(2900, 12, 31)),
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    weekday=st.integers(0, 6),
)
def test_forward_never_looks_back_and_backward_never_ahead(
    base: date, month: int, day: int, weekday: int
) -> None:
    phrase = f"{MONTH_NAMES[month - 1]} {day}"
    try:
        ahead = parse_date(phrase, base=base, direction=FORWARD)
    except DateError:  # 31 April: no such day in any year
        with pytest.raises(DateError):
            parse_date(phrase, base=base, direction=BACKWARD)
        return
    behind = parse_date(phrase, base=base, direction=BACKWARD)
    assert (ahead.month, ahead.day) == (behind.month, behind.day) == (month, day)
    assert behind <= base <= ahead
    # the nearest such day each way: no year in between holds it (for 29
    # February that can be eight years: 2100 is not a leap year)
    for year in range(behind.year, ahead.year + 1):
        try:
            between = date(year, month, day)
        except ValueError:
            continue
        assert not behind < between < ahead, (behind, between, ahead)
    if (month, day) != (2, 29):
        assert ahead - behind <= timedelta(days=366)
    name = WEEKDAY_NAMES[weekday]
    coming = parse_date(name, base=base, direction=FORWARD)
    last = parse_date(name, base=base, direction=BACKWARD)
    assert coming.weekday() == last.weekday() == weekday
    assert timedelta(0) <= coming - base < timedelta(days=7)
    assert timedelta(0) <= base - last < timedelta(days=7)
    following = parse_date(f"next {name}", base=base)
    assert following.weekday() == weekday
    monday_next = base + timedelta(days=7 - base.weekday())
    assert monday_next <= following < monday_next + timedelta(days=7)
