# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""China's public holidays and make-up working days (调休) from a CSV file.

Pure Python, no Odoo. The format is the one of ``data/china_public_holidays.csv``,
one line per State Council arrangement::

    date_from,date_to,kind,name,source
    2026-02-15,2026-02-23,holiday,春节,国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
    2026-02-14,2026-02-14,workday,春节调休上班,国务院办公厅关于…通知 (2025-11-04)

``holiday`` days are off (Odoo: a global leave of the calendar); ``workday`` days
are a Saturday or Sunday worked in exchange (Odoo: an attendance line dated that
day). ``source`` names the notice the dates come from.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

COLUMNS = ("date_from", "date_to", "kind", "name", "source")
HOLIDAY = "holiday"
WORKDAY = "workday"
KINDS = (HOLIDAY, WORKDAY)


class InvalidRow(ValueError):
    """A line of the file is unusable; carries its row number (1 = header), the
    column, the value and a ``reason`` code (``REASONS``) for a translated message."""

    def __init__(self, row, field_name, value, reason, message):
        super().__init__(f"row {row}, {field_name}={value!r}: {message}")
        self.row = row
        self.field = field_name
        self.value = value
        self.reason = reason
        self.message = message


REASONS = ("header", "columns", "date", "order", "kind", "required", "weekend", "overlap")


@dataclass(frozen=True)
class Arrangement:
    """One line: days ``date_from`` to ``date_to`` (included) off or worked."""

    date_from: date
    date_to: date
    kind: str
    name: str
    source: str
    row: int = 0

    def days(self):
        day = self.date_from
        while day <= self.date_to:
            yield day
            day += timedelta(days=1)


def _date(row, field_name, value):
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidRow(row, field_name, value, "date", "is not a date (YYYY-MM-DD)") from None


def parse(text):
    """The arrangements of a CSV text, checked; raises :class:`InvalidRow`."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        raise InvalidRow(
            1, "header", ",".join(header or ()), "header", f"expected {','.join(COLUMNS)}"
        )
    result = []
    for number, line in enumerate(reader, start=2):
        if not any(cell.strip() for cell in line):
            continue
        if len(line) != len(COLUMNS):
            raise InvalidRow(
                number, "columns", len(line), "columns", f"expected {len(COLUMNS)} columns"
            )
        values = dict(zip(COLUMNS, (cell.strip() for cell in line), strict=True))
        date_from = _date(number, "date_from", values["date_from"])
        date_to = _date(number, "date_to", values["date_to"])
        if date_to < date_from:
            raise InvalidRow(number, "date_to", values["date_to"], "order", "is before date_from")
        if values["kind"] not in KINDS:
            raise InvalidRow(
                number, "kind", values["kind"], "kind", f"must be one of {', '.join(KINDS)}"
            )
        if not values["name"]:
            raise InvalidRow(number, "name", values["name"], "required", "is required")
        arrangement = Arrangement(
            date_from, date_to, values["kind"], values["name"], values["source"], number
        )
        if arrangement.kind == WORKDAY:
            for day in arrangement.days():
                if day.weekday() < 5:
                    raise InvalidRow(
                        number,
                        "date_from",
                        day.isoformat(),
                        "weekend",
                        "a make-up working day is a weekend",
                    )
        result.append(arrangement)
    _check_overlap(result)
    return result


def _check_overlap(arrangements):
    off = {}
    for arrangement in arrangements:
        if arrangement.kind == HOLIDAY:
            for day in arrangement.days():
                off[day] = arrangement
    for arrangement in arrangements:
        if arrangement.kind == WORKDAY:
            for day in arrangement.days():
                if day in off:
                    raise InvalidRow(
                        arrangement.row,
                        "date_from",
                        day.isoformat(),
                        "overlap",
                        f"is also a holiday ({off[day].name}, row {off[day].row})",
                    )


def holidays(arrangements):
    """The days off, as a frozenset of dates."""
    return frozenset(d for a in arrangements if a.kind == HOLIDAY for d in a.days())


def workdays(arrangements):
    """The make-up working days, as a frozenset of dates."""
    return frozenset(d for a in arrangements if a.kind == WORKDAY for d in a.days())
