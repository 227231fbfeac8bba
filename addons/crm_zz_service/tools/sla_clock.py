# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Working-time clock for service level agreements.

Pure Python, no Odoo: datetimes are naive and all in one time base (Odoo passes
UTC). A clock is a sorted list of working intervals ``(start, end)``; Odoo builds
it from ``resource.calendar`` (attendances minus leaves/holidays), the tests and
benchmarks build it with :class:`WorkSchedule` (hours per weekday plus holidays).
On top of the working intervals this module handles what the calendar does not:
pauses while a ticket waits for the customer, deadlines and elapsed working time
with those pauses taken out, and the on track / at risk / breached status.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

ON_TRACK = "on_track"
AT_RISK = "at_risk"
BREACHED = "breached"
_SEVERITY = {ON_TRACK: 0, AT_RISK: 1, BREACHED: 2}


class InvalidSchedule(ValueError):
    """A working schedule entry is unusable; carries the field and value."""

    def __init__(self, field_name, value, message):
        super().__init__(f"{field_name}={value!r}: {message}")
        self.field = field_name
        self.value = value


class HorizonExceeded(ValueError):
    """The working intervals end before the requested working time is used up."""

    def __init__(self, hours_left, horizon_end):
        super().__init__(f"{hours_left:.2f} working hours left after {horizon_end}")
        self.hours_left = hours_left
        self.horizon_end = horizon_end


@dataclass(frozen=True)
class WorkSchedule:
    """Working hours per weekday (0 = Monday) as ``(from_hour, to_hour)`` floats,
    whole-day holidays, partial leaves ``(start, end)`` and extra working days.

    ``workdays`` are dated working days off the weekly pattern: China's make-up
    working days (调休上班), a Saturday or Sunday worked because a public holiday
    was moved. Each works the hours of ``workday_hours`` (by default those of the
    first working weekday), as an Odoo attendance line dated that one day does.
    """

    hours: dict = field(default_factory=dict)
    holidays: frozenset = frozenset()
    leaves: tuple = ()
    workdays: frozenset = frozenset()
    workday_hours: tuple = ()

    def __post_init__(self):
        for weekday, spans in self.hours.items():
            if weekday not in range(7):
                raise InvalidSchedule("weekday", weekday, "must be 0 (Monday) to 6")
            for span in spans:
                start, end = span
                if not 0 <= start < end <= 24:
                    raise InvalidSchedule("hours", span, "needs 0 <= from < to <= 24")
        overlap = sorted(set(self.workdays) & set(self.holidays))
        if overlap:
            raise InvalidSchedule("workdays", overlap[0], "is also a holiday")

    def _spans(self, day):
        if day in self.holidays:
            return ()
        if day in self.workdays:
            if self.workday_hours:
                return self.workday_hours
            first = min((d for d, spans in self.hours.items() if spans), default=None)
            return self.hours[first] if first is not None else ()
        return self.hours.get(day.weekday(), ())

    def intervals(self, start, end):
        """The working intervals between ``start`` and ``end``, holidays and leaves removed."""
        result = []
        day = start.date()
        while day <= end.date():
            midnight = datetime.combine(day, datetime.min.time())
            for from_hour, to_hour in sorted(self._spans(day)):
                span_start = max(start, midnight + timedelta(hours=from_hour))
                span_end = min(end, midnight + timedelta(hours=to_hour))
                if span_start < span_end:
                    result.append((span_start, span_end))
            day += timedelta(days=1)
        return subtract(result, self.leaves)


def _hours(delta):
    return delta.total_seconds() / 3600.0


def normalize(intervals):
    """Sort and merge overlapping or touching intervals; drop empty ones."""
    merged = []
    for start, end in sorted(i for i in intervals if i[0] < i[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def close_pauses(pauses, now):
    """Pauses as closed intervals: a pause still open (end ``None``) ends at ``now``."""
    return normalize((start, end or now) for start, end in pauses if start < (end or now))


def subtract(intervals, removed):
    """``intervals`` minus every interval of ``removed``."""
    removed = normalize(removed)
    result = []
    for start, end in normalize(intervals):
        cursor = start
        for cut_start, cut_end in removed:
            if cut_end <= cursor or cut_start >= end:
                continue
            if cut_start > cursor:
                result.append((cursor, cut_start))
            cursor = max(cursor, cut_end)
            if cursor >= end:
                break
        if cursor < end:
            result.append((cursor, end))
    return result


def working_hours_between(intervals, start, end, pauses=()):
    """Working hours from ``start`` to ``end``, pauses excluded."""
    if end <= start:
        return 0.0
    total = 0.0
    for span_start, span_end in subtract(intervals, pauses):
        lo, hi = max(span_start, start), min(span_end, end)
        if lo < hi:
            total += _hours(hi - lo)
    return total


def add_working_hours(intervals, start, hours, pauses=()):
    """The moment ``hours`` working hours after ``start``, pauses excluded.

    A start outside working time (night, weekend, holiday) counts from the next
    working moment. Raises :class:`HorizonExceeded` when the intervals run out.
    """
    if hours < 0:
        raise InvalidSchedule("hours", hours, "must not be negative")
    left = timedelta(hours=hours)
    spans = subtract(intervals, pauses)
    for span_start, span_end in spans:
        if span_end <= start:
            continue
        lo = max(span_start, start)
        available = span_end - lo
        if left <= available:
            return lo + left
        left -= available
    raise HorizonExceeded(_hours(left), spans[-1][1] if spans else start)


@dataclass(frozen=True)
class Target:
    """One SLA target: started at ``start``, ``hours`` working hours allowed,
    reached at ``met_at`` (``None`` while still running)."""

    start: datetime
    hours: float
    met_at: datetime = None


def target_status(intervals, target, now, pauses=(), at_risk_ratio=0.8):
    """``(status, elapsed_hours)`` of a target at ``now``.

    Breached once more working time than allowed has elapsed (also when it was met
    late); at risk once ``at_risk_ratio`` of it is used while still running.
    """
    end = min(target.met_at or now, now)
    elapsed = working_hours_between(intervals, target.start, end, close_pauses(pauses, end))
    if elapsed > target.hours:
        return BREACHED, elapsed
    if target.met_at is None and elapsed >= target.hours * at_risk_ratio:
        return AT_RISK, elapsed
    return ON_TRACK, elapsed


def worst(statuses):
    """The most severe of several statuses (on track when there is none)."""
    return max(statuses, key=_SEVERITY.__getitem__, default=ON_TRACK)


def deadline(intervals, target, now, pauses=()):
    """When the target falls due: pauses so far are added; an open pause counts
    as ending ``now`` (the deadline moves on while the customer is awaited)."""
    return add_working_hours(intervals, target.start, target.hours, close_pauses(pauses, now))


def horizon_days(hours, hours_per_day=8.0, slack=14):
    """Calendar days of working intervals to fetch so that ``hours`` fit in."""
    return int(hours / max(hours_per_day, 1.0) * 7 / 5) + slack


def holidays_from(dates):
    """A frozenset of dates, accepting ``date`` or ISO strings."""
    return frozenset(d if isinstance(d, date) else date.fromisoformat(d) for d in dates)
