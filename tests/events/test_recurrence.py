"""Repeating events keep their wall-clock time across both Europe/London
clock changes, and the two awkward times have a rule."""

import datetime

import pytest

from events.recurrence import localize, occurrence_starts, parse_dates

from .conftest import local


def test_weekly_1830_stays_1830_across_the_spring_change():
    starts = occurrence_starts(local(2027, 3, 16), frequency="weekly", count=4)
    assert [s.strftime("%Y-%m-%d %H:%M %Z") for s in starts] == [
        "2027-03-16 18:30 GMT",
        "2027-03-23 18:30 GMT",
        "2027-03-30 18:30 BST",
        "2027-04-06 18:30 BST",
    ]
    # In UTC, the meeting moves by an hour; on the wall clock it does not.
    assert starts[2].astimezone(datetime.UTC).hour == 17


def test_weekly_1830_stays_1830_across_the_autumn_change():
    starts = occurrence_starts(
        local(2026, 10, 13), frequency="weekly", until=datetime.date(2026, 11, 3)
    )
    assert [s.strftime("%d %H:%M %Z") for s in starts] == [
        "13 18:30 BST",
        "20 18:30 BST",
        "27 18:30 GMT",
        "03 18:30 GMT",
    ]


def test_monthly_rule_with_exceptions_and_count():
    starts = occurrence_starts(
        local(2026, 1, 10, 10, 0),
        frequency="monthly",
        count=4,
        exceptions=[datetime.date(2026, 2, 10)],
    )
    assert [s.date().isoformat() for s in starts] == ["2026-01-10", "2026-03-10", "2026-04-10"]
    assert all(s.hour == 10 for s in starts)


def test_a_time_that_does_not_exist_moves_forward_by_the_gap():
    # 01:30 on 28 March 2027 never happens in London: the clocks go 01:00 -> 02:00.
    moment = localize(datetime.datetime(2027, 3, 28, 1, 30))
    assert moment.strftime("%H:%M %Z") == "02:30 BST"
    weekly = occurrence_starts(
        localize(datetime.datetime(2027, 3, 21, 1, 30)), frequency="weekly", count=3
    )
    assert [s.strftime("%d %H:%M %Z") for s in weekly] == [
        "21 01:30 GMT",
        "28 02:30 BST",
        "04 01:30 BST",
    ]


def test_a_time_that_happens_twice_is_the_first_one():
    # 01:30 on 25 October 2026 happens in BST, then again in GMT.
    moment = localize(datetime.datetime(2026, 10, 25, 1, 30))
    assert moment.strftime("%H:%M %Z") == "01:30 BST"
    assert moment.astimezone(datetime.UTC).strftime("%H:%M") == "00:30"


def test_exception_dates_are_checked():
    assert parse_dates("2026-12-22\n\n2026-12-29\n") == [
        datetime.date(2026, 12, 22),
        datetime.date(2026, 12, 29),
    ]
    with pytest.raises(ValueError):
        parse_dates("next tuesday")


@pytest.mark.django_db
def test_a_repeating_event_lists_each_date_with_its_own_end(make_event):
    event = make_event(
        start=local(2027, 3, 16), end=local(2027, 3, 16, 20, 0), repeat="weekly", repeat_count=3
    )
    occurrences = event.occurrences()
    assert [
        (o.local_start.strftime("%H:%M"), o.local_end.strftime("%H:%M")) for o in occurrences
    ] == [("18:30", "20:00")] * 3
    assert [o.key for o in occurrences] == [
        datetime.date(2027, 3, 16),
        datetime.date(2027, 3, 23),
        datetime.date(2027, 3, 30),
    ]
