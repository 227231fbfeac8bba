# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SLA working-time clock, with values checked by hand.

Schedule: Monday to Friday 9:00-12:00 and 13:00-18:00 (8 working hours a day).
November 2026: Monday 23rd to Friday 27th, Monday 30th.
"""

from datetime import date, datetime
from pathlib import Path

import pytest
from crm_zz_service_tools import sla_clock

ADDON = Path(__file__).resolve().parents[2] / "addons" / "crm_zz_service"
DAY = [(9.0, 12.0), (13.0, 18.0)]
SCHEDULE = sla_clock.WorkSchedule(hours=dict.fromkeys(range(5), DAY))
NATIONAL_DAY = sla_clock.WorkSchedule(
    hours=dict.fromkeys(range(5), DAY),
    holidays=frozenset(date(2026, 10, day) for day in range(1, 9)),
)


def dt(day, hour, minute=0, month=11):
    return datetime(2026, month, day, hour, minute)


def clock(schedule=SCHEDULE, month=11, first=1, last=30):
    return schedule.intervals(dt(first, 0, month=month), dt(last, 23, 59, month=month))


def test_ticket_created_in_the_evening_counts_from_next_morning():
    # Wednesday 20:00 + 4h: Thursday 9-12 (3h) and 13-14 (1h).
    assert sla_clock.add_working_hours(clock(), dt(25, 20), 4) == dt(26, 14)


def test_ticket_created_friday_afternoon_runs_over_the_weekend():
    # Friday 17:00-18:00 (1h), then Monday 9-12 (3h): due at noon, not after lunch.
    assert sla_clock.add_working_hours(clock(), dt(27, 17), 4) == dt(30, 12)


def test_ticket_created_during_lunch_starts_at_one():
    assert sla_clock.add_working_hours(clock(), dt(25, 12, 30), 2) == dt(25, 15)


def test_ticket_created_before_a_holiday_skips_it():
    # Wednesday 30 Sep 16:00: 2h that day, 1-8 October off, Friday 9 Oct 9-12 and 13-16.
    intervals = NATIONAL_DAY.intervals(datetime(2026, 9, 30), datetime(2026, 10, 31))
    assert sla_clock.add_working_hours(intervals, datetime(2026, 9, 30, 16), 8) == datetime(
        2026, 10, 9, 16
    )


def test_ticket_created_on_a_holiday_starts_after_it():
    intervals = NATIONAL_DAY.intervals(datetime(2026, 10, 1), datetime(2026, 10, 31))
    assert sla_clock.add_working_hours(intervals, datetime(2026, 10, 3, 10), 1) == datetime(
        2026, 10, 9, 10
    )


def test_partial_leave_is_not_working_time():
    schedule = sla_clock.WorkSchedule(
        hours=dict.fromkeys(range(5), DAY), leaves=((dt(23, 14), dt(23, 16)),)
    )
    # Monday 13-14 (1h), 16-18 (2h), Tuesday 9-10 (1h).
    assert sla_clock.add_working_hours(clock(schedule), dt(23, 13), 4) == dt(24, 10)


def test_waiting_and_working_back_and_forth():
    # Monday 9:00, 8h. Waiting for the customer Monday 10:00-14:00 (3 working hours)
    # and Tuesday 9:00-10:30 (1.5). Counted: Mon 9-10, 14-18, Tue 10:30-12, 13-14:30.
    pauses = [(dt(23, 10), dt(23, 14)), (dt(24, 9), dt(24, 10, 30))]
    target = sla_clock.Target(start=dt(23, 9), hours=8)
    assert sla_clock.deadline(clock(), target, dt(24, 11), pauses) == dt(24, 14, 30)
    assert sla_clock.target_status(clock(), target, dt(24, 11), pauses) == (
        sla_clock.ON_TRACK,
        5.5,
    )
    assert sla_clock.target_status(clock(), target, dt(24, 13, 30), pauses) == (
        sla_clock.AT_RISK,
        7.0,
    )
    assert sla_clock.target_status(clock(), target, dt(24, 15), pauses) == (
        sla_clock.BREACHED,
        8.5,
    )


def test_open_pause_moves_the_deadline_while_the_customer_is_awaited():
    # 1h used on Monday 9-10, waiting since 10:00; at 15:00 7h remain from now on:
    # Mon 15-18 (3h), Tue 9-12 (3h), 13-14 (1h).
    target = sla_clock.Target(start=dt(23, 9), hours=8)
    pauses = [(dt(23, 10), None)]
    assert sla_clock.deadline(clock(), target, dt(23, 15), pauses) == dt(24, 14)
    assert sla_clock.target_status(clock(), target, dt(23, 15), pauses) == (
        sla_clock.ON_TRACK,
        1.0,
    )


def test_overlapping_pauses_are_counted_once():
    pauses = [(dt(23, 10), dt(23, 11)), (dt(23, 10, 30), dt(23, 11, 30))]
    assert sla_clock.working_hours_between(clock(), dt(23, 9), dt(23, 12), pauses) == 1.5


def test_met_on_time_stays_on_track_and_late_is_breached():
    on_time = sla_clock.Target(start=dt(23, 9), hours=2, met_at=dt(23, 10))
    late = sla_clock.Target(start=dt(23, 9), hours=2, met_at=dt(23, 14))
    assert sla_clock.target_status(clock(), on_time, dt(30, 9))[0] == sla_clock.ON_TRACK
    assert sla_clock.target_status(clock(), late, dt(30, 9)) == (sla_clock.BREACHED, 4.0)


def test_worst_status_wins():
    assert sla_clock.worst([sla_clock.ON_TRACK, sla_clock.BREACHED, sla_clock.AT_RISK]) == (
        sla_clock.BREACHED
    )
    assert sla_clock.worst([]) == sla_clock.ON_TRACK


def test_invalid_schedule_names_the_field():
    with pytest.raises(sla_clock.InvalidSchedule) as error:
        sla_clock.WorkSchedule(hours={0: [(18.0, 9.0)]})
    assert error.value.field == "hours"
    assert error.value.value == (18.0, 9.0)


def test_running_out_of_working_time_is_an_error():
    with pytest.raises(sla_clock.HorizonExceeded) as error:
        sla_clock.add_working_hours(clock(last=23), dt(23, 9), 10)
    assert error.value.hours_left == pytest.approx(2.0)


# China's calendar of 2025 and 2026 as the module ships it: the public holidays and
# the make-up working days (调休) of the State Council's notices.
CHINA_CSV = ADDON / "data" / "china_public_holidays.csv"


def china_schedule():
    from crm_zz_service_tools import public_holidays

    arrangements = public_holidays.parse(CHINA_CSV.read_text(encoding="utf-8"))
    return sla_clock.WorkSchedule(
        hours=dict.fromkeys(range(5), DAY),
        holidays=public_holidays.holidays(arrangements),
        workdays=public_holidays.workdays(arrangements),
    )


def china_clock(first, last):
    return china_schedule().intervals(first, last)


def test_spring_festival_2026_with_make_up_saturday():
    # Friday 13 Feb 16:00, 16h: Fri 16-18 (2h), Saturday 14 Feb is worked (调休, 8h),
    # 15-23 Feb are off (春节), Tuesday 24 Feb 9-12 (3h) and 13-16 (3h).
    intervals = china_clock(datetime(2026, 2, 1), datetime(2026, 3, 31))
    assert sla_clock.add_working_hours(intervals, datetime(2026, 2, 13, 16), 16) == datetime(
        2026, 2, 24, 16
    )


def test_make_up_saturday_after_spring_festival_2026():
    # Friday 27 Feb 17:00, 4h: Fri 17-18 (1h), Saturday 28 Feb 9-12 (调休): noon on
    # Saturday, not Monday.
    intervals = china_clock(datetime(2026, 2, 1), datetime(2026, 3, 31))
    assert sla_clock.add_working_hours(intervals, datetime(2026, 2, 27, 17), 4) == datetime(
        2026, 2, 28, 12
    )
    plain = SCHEDULE.intervals(datetime(2026, 2, 1), datetime(2026, 3, 31))
    assert sla_clock.add_working_hours(plain, datetime(2026, 2, 27, 17), 4) == datetime(
        2026, 3, 2, 12
    )


def test_make_up_sunday_before_spring_festival_2025():
    # Saturday 25 Jan 2025 is off; Sunday 26 Jan is worked (调休): 8h end there at 18:00.
    intervals = china_clock(datetime(2025, 1, 20), datetime(2025, 2, 28))
    assert sla_clock.add_working_hours(intervals, datetime(2025, 1, 25, 10), 8) == datetime(
        2025, 1, 26, 18
    )
    # Monday 27 Jan 17:00, 4h: Mon 17-18 (1h), 28 Jan-4 Feb off, Wed 5 Feb 9-12.
    assert sla_clock.add_working_hours(intervals, datetime(2025, 1, 27, 17), 4) == datetime(
        2025, 2, 5, 12
    )


def test_national_day_2026_working_hours_between():
    # Wednesday 30 Sep 17:00 to Thursday 8 Oct 12:00: 1h + 3h (1-7 Oct off).
    intervals = china_clock(datetime(2026, 9, 1), datetime(2026, 10, 31))
    assert sla_clock.working_hours_between(
        intervals, datetime(2026, 9, 30, 17), datetime(2026, 10, 8, 12)
    ) == pytest.approx(4.0)


def test_a_workday_may_not_be_a_holiday():
    with pytest.raises(sla_clock.InvalidSchedule) as error:
        sla_clock.WorkSchedule(
            hours={0: DAY}, holidays=frozenset({date(2026, 2, 14)}), workdays={date(2026, 2, 14)}
        )
    assert error.value.field == "workdays"
