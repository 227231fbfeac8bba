# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

import pytz

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools.misc import file_open

from ..tools import public_holidays


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    @api.model
    def _zz_china_calendar(self):
        """The shipped China working calendar (Asia/Shanghai, 9:00-12:00 and
        13:00-18:00, public holidays and make-up working days), if still there."""
        return self.env.ref("crm_zz_service.resource_calendar_china", raise_if_not_found=False)

    @api.model
    def _zz_parse_public_holidays(self, text):
        """Arrangements of a CSV text; a bad line is a translated error naming
        its row, column and value."""
        try:
            return public_holidays.parse(text)
        except public_holidays.InvalidRow as error:
            reasons = {
                "header": self.env._("is not the header date_from,date_to,kind,name,source"),
                "columns": self.env._("columns instead of 5"),
                "date": self.env._("is not a date (YYYY-MM-DD)"),
                "order": self.env._("is before the start date"),
                "kind": self.env._("is neither holiday nor workday"),
                "required": self.env._("is empty; a name is required"),
                "weekend": self.env._(
                    "is a weekday; a make-up working day is a Saturday or Sunday"
                ),
                "overlap": self.env._("is also a public holiday in the file"),
            }
            raise UserError(
                self.env._(
                    "Row %(row)s, column %(field)s: %(value)s %(reason)s.",
                    row=error.row,
                    field=error.field,
                    value=repr(error.value),
                    reason=reasons.get(error.reason, error.message),
                )
            ) from error

    def _zz_load_public_holidays_file(self, path):
        """Load a CSV file of the module (``data/china_public_holidays.csv``)."""
        with file_open(path, mode="rb") as csv_file:
            text = csv_file.read().decode("utf-8")
        return self._zz_import_public_holidays(self._zz_parse_public_holidays(text))

    def _zz_import_public_holidays(self, arrangements):
        """Public holidays become global leaves of the calendar, make-up working
        days attendance lines dated that day with the hours of a normal working day.
        Days already there are skipped, so a file may be loaded twice.

        Returns ``(leaves, attendances)`` created."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or "UTC")

        def utc(day, moment):
            local = tz.localize(datetime.combine(day, moment))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        # sudo: global leaves and attendance lines are for ERP administrators in
        # resource; the holiday import (helpdesk managers only) writes them from a
        # checked file, for the calendar the SLA clock runs on
        Leave = self.env["resource.calendar.leaves"].sudo()
        existing = Leave.search_fetch(
            [("calendar_id", "=", self.id), ("resource_id", "=", False)],
            ["date_from", "date_to"],
        )
        known = {(leave.date_from, leave.date_to) for leave in existing}
        leave_vals = []
        for arrangement in arrangements:
            if arrangement.kind != public_holidays.HOLIDAY:
                continue
            bounds = (
                utc(arrangement.date_from, time.min),
                utc(arrangement.date_to, time(23, 59, 59)),
            )
            if bounds in known:
                continue
            known.add(bounds)
            leave_vals.append(
                {
                    "name": arrangement.name,
                    "calendar_id": self.id,
                    "date_from": bounds[0],
                    "date_to": bounds[1],
                    "time_type": "leave",
                    "company_id": self.company_id.id,
                    "zz_source": arrangement.source,
                }
            )
        pattern = self._zz_workday_pattern()
        dated = {
            a.date_from for a in self.attendance_ids if a.date_from and a.date_from == a.date_to
        }
        attendance_vals = []
        for arrangement in arrangements:
            if arrangement.kind != public_holidays.WORKDAY:
                continue
            for day in arrangement.days():
                if day in dated:
                    continue
                dated.add(day)
                attendance_vals += [
                    {
                        "name": f"{arrangement.name} {day.isoformat()}",
                        "calendar_id": self.id,
                        "dayofweek": str(day.weekday()),
                        "date_from": day,
                        "date_to": day,
                        "hour_from": line.hour_from,
                        "hour_to": line.hour_to,
                        "day_period": line.day_period,
                        "sequence": 100,
                        "zz_source": arrangement.source,
                    }
                    for line in pattern
                ]
        leaves = Leave.create(leave_vals)
        # sudo: see above
        attendances = self.env["resource.calendar.attendance"].sudo().create(attendance_vals)
        return leaves, attendances

    def _zz_workday_pattern(self):
        """The attendance lines of the calendar's first working weekday."""
        self.ensure_one()
        lines = self._get_global_attendances().filtered(
            lambda a: not a.week_type or a.week_type == "0"
        )
        if not lines:
            raise UserError(
                self.env._(
                    "The working calendar %(calendar)s has no working hours to give to a "
                    "make-up working day.",
                    calendar=self.display_name,
                )
            )
        first = min(lines.mapped("dayofweek"))
        return lines.filtered(lambda a: a.dayofweek == first).sorted("hour_from")
