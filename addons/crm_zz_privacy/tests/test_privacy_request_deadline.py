# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from .common import CrmZzPrivacyCommon


class TestPrivacyRequestDeadline(CrmZzPrivacyCommon):
    """A request is due 15 working days after receipt on China's working calendar
    (shipped by the service module): weekends and public holidays (国庆) are not
    counted, official make-up working days (调休) are."""

    def test_national_day_and_make_up_saturday(self):
        request = self._request(received_date=date(2026, 9, 30))
        self.assertEqual(
            request._zz_calendar(), self.env.ref("crm_zz_service.resource_calendar_china")
        )
        # Wed 30 Sep received; 1-7 Oct 国庆; counted: Thu 8, Fri 9, Sat 10 Oct (调休),
        # 12-16, 19-23, 26-27 Oct -> Tue 27 Oct
        self.assertEqual(request.deadline, date(2026, 10, 27))
        log = self.env["crm.zz.audit.log"].search(
            [("event", "=", "subject_request"), ("res_id", "=", self.person.id)], limit=1
        )
        self.assertIn("2026-10-27", log.description)

    def test_ordinary_weeks(self):
        # Mon 2 Nov 2026: 3-6, 9-13, 16-20, 23 Nov -> Mon 23 Nov
        request = self._request(received_date=date(2026, 11, 2))
        self.assertEqual(request.deadline, date(2026, 11, 23))
