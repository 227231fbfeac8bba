# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import datetime

import pytz
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged, users

from .common import CrmZzServiceCommon

FILE_2027 = """date_from,date_to,kind,name,source
2027-02-08,2027-02-12,holiday,测试春节,测试通知
2027-02-06,2027-02-06,workday,测试调休上班,测试通知
"""


@tagged("at_install", "-post_install")
class TestChinaCalendar(CrmZzServiceCommon):
    """The shipped SLA policies run on China's working time: Beijing time,
    9:00-12:00 and 13:00-18:00 on weekdays, the public holidays off and the
    make-up Saturdays and Sundays (调休) worked; later years load from a file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.china = cls.env.ref("crm_zz_service.resource_calendar_china")
        cls.other_team = cls.env["helpdesk.ticket.team"].create({"name": "郑州售后二组"})

    def _complaint(self):
        return self._ticket(zz_request_type="complaint", team_id=self.other_team.id)

    def test_policies_run_on_the_china_calendar(self):
        self.assertEqual(self.china.tz, "Asia/Shanghai")
        self.assertEqual(self.china.hours_per_day, 8)
        policy = self.env.ref("crm_zz_service.sla_policy_complaint")
        self.assertEqual(policy.resource_calendar_id, self.china)
        self.assertEqual(self.Policy.new({"name": "新策略"}).resource_calendar_id, self.china)

    def test_complaint_at_lunch_time_beijing(self):
        # Monday 23 Nov 2026 12:43 in Beijing (04:43 UTC): the clock starts at 13:00.
        # First response 2h: 15:00 Beijing. Resolution 16h: Mon 13-18 (5h), Tue (8h),
        # Wed 9-12 (3h): Wednesday 12:00 Beijing.
        with freeze_time("2026-11-23 04:43:00"):
            ticket = self._complaint()
        self.assertEqual(
            ticket.zz_sla_policy_id, self.env.ref("crm_zz_service.sla_policy_complaint")
        )
        self.assertEqual(ticket.zz_first_response_deadline, datetime(2026, 11, 23, 7, 0))
        self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 11, 25, 4, 0))

    def test_spring_festival_and_make_up_saturday(self):
        # Friday 13 Feb 2026 16:00 Beijing: 2h that day, Saturday 14 Feb worked (8h),
        # 15-23 Feb off (春节), Tuesday 24 Feb 9-12 and 13-16: due 16:00 Beijing.
        with freeze_time("2026-02-13 08:00:00"):
            ticket = self._complaint()
        self.assertEqual(ticket.zz_first_response_deadline, datetime(2026, 2, 13, 10, 0))
        self.assertEqual(ticket.zz_resolution_deadline, datetime(2026, 2, 24, 8, 0))
        leave = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.china.id),
                ("name", "=", "春节"),
                ("date_from", "=", datetime(2026, 2, 14, 16, 0)),
            ]
        )
        self.assertIn("2026年部分节假日安排", leave.zz_source)

    def _hours_on(self, day):
        start = pytz.timezone("Asia/Shanghai").localize(datetime.combine(day, datetime.min.time()))
        end = pytz.timezone("Asia/Shanghai").localize(datetime.combine(day, datetime.max.time()))
        intervals = self.china._work_intervals_batch(start, end)[False]
        return sum((e - s).total_seconds() for s, e, _a in intervals) / 3600

    @users("crm_zz_service-leader")
    def test_manager_imports_a_later_year(self):
        self.assertEqual(self._hours_on(datetime(2027, 2, 6).date()), 0, "a Saturday")
        wizard = Form(self.env["crm.zz.service.holiday.import"])
        self.assertEqual(wizard.calendar_id, self.china)
        wizard.data_file = base64.b64encode(FILE_2027.encode())
        wizard.save().action_import()
        self.assertEqual(self._hours_on(datetime(2027, 2, 6).date()), 8, "调休: worked")
        self.assertEqual(self._hours_on(datetime(2027, 2, 9).date()), 0, "春节: off")
        self.assertEqual(self._hours_on(datetime(2027, 2, 15).date()), 8)
        # the same file again adds nothing
        leaves = self.env["resource.calendar.leaves"].search_count(
            [("calendar_id", "=", self.china.id)]
        )
        again = self.env["crm.zz.service.holiday.import"].create(
            {"data_file": base64.b64encode(FILE_2027.encode())}
        )
        again.action_import()
        self.assertEqual(
            self.env["resource.calendar.leaves"].search_count(
                [("calendar_id", "=", self.china.id)]
            ),
            leaves,
        )

    @users("crm_zz_service-leader")
    def test_bad_file_names_row_column_and_value(self):
        bad = FILE_2027.replace("2027-02-12", "2027-02-31")
        wizard = self.env["crm.zz.service.holiday.import"].create(
            {"data_file": base64.b64encode(bad.encode())}
        )
        leaves = self.env["resource.calendar.leaves"].search_count([])
        with self.assertRaisesRegex(UserError, "Row 2, column date_to: '2027-02-31'"):
            wizard.action_import()
        self.assertEqual(self.env["resource.calendar.leaves"].search_count([]), leaves)

    def test_managers_see_only_their_own_uploads(self):
        other = new_test_user(
            self.env,
            login="crm_zz_service-leader2",
            groups="helpdesk_mgmt.group_helpdesk_manager",
        )
        Import = self.env["crm.zz.service.holiday.import"]
        mine = Import.with_user(self.leader).create(
            {"data_file": base64.b64encode(FILE_2027.encode())}
        )
        self.assertFalse(Import.with_user(other).search([("id", "=", mine.id)]))
        with self.assertRaises(AccessError):
            mine.with_user(other).read(["data_file"])

    @users("crm_zz_service-agent_a")
    def test_agent_cannot_import_holidays(self):
        with self.assertRaises(AccessError):
            self.env["crm.zz.service.holiday.import"].create(
                {"data_file": base64.b64encode(FILE_2027.encode())}
            )
