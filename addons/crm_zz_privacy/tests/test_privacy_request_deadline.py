# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo import Command

from .common import CrmZzPrivacyCommon


class TestPrivacyRequestDeadline(CrmZzPrivacyCommon):
    """A request is due 15 working days after receipt on the company's calendar:
    weekends and the calendar's public holidays (国庆) are not counted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "郑州 周一至周五",
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in ((9, 12, "morning"), (13, 18, "afternoon"))
                ],
            }
        )
        cls.env.company.resource_calendar_id = cls.calendar

    def test_weekdays_only(self):
        request = self._request(received_date=date(2026, 9, 30))
        self.assertEqual(request._zz_calendar(), self.calendar)
        # Wed 30 Sep; counted: 1-2 Oct, 5-9, 12-16, 19-21 Oct -> Wed 21 Oct
        self.assertEqual(request.deadline, date(2026, 10, 21))

    def test_national_day_is_not_counted(self):
        # 国庆 1-7 October 2026, in Beijing time (UTC+8)
        self.env["resource.calendar.leaves"].create(
            {
                "name": "国庆节",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 9, 30, 16, 0),
                "date_to": datetime(2026, 10, 7, 15, 59, 59),
            }
        )
        request = self._request(received_date=date(2026, 9, 30))
        # counted: 8-9, 12-16, 19-23, 26-28 Oct -> Wed 28 Oct
        self.assertEqual(request.deadline, date(2026, 10, 28))
        log = self.env["crm.zz.audit.log"].search(
            [("event", "=", "subject_request"), ("res_id", "=", self.person.id)], limit=1
        )
        self.assertIn("2026-10-28", log.description)
