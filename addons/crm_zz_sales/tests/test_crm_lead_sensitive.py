# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CrmZzSalesCommon


@tagged("post_install", "-at_install")
class TestCrmLeadSensitive(CrmZzSalesCommon):
    """A lead's phone and mobile are masked for salespeople who do not own the lead
    or its customer, full for its salesperson and for managers; the chatter's
    tracking of the phone is masked the same way; exporting them needs a right."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env,
            login="crm_zz_sales-sensitive-marketer",
            name="孙市场",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        cls.own_lead = cls._create_opportunity(phone="13812345678", mobile="+8613912345678")
        cls.free_lead = cls._create_opportunity(
            name="展会名片", user_id=False, phone="13700001111", partner_id=False
        )

    def test_phone_masked_outside_own_leads(self):
        fields = ["phone", "mobile"]
        own = self.own_lead.with_user(self.salesman).read(fields)[0]
        self.assertEqual((own["phone"], own["mobile"]), ("13812345678", "+8613912345678"))
        other = self.own_lead.with_user(self.marketer).search_read(
            [("id", "=", self.own_lead.id)], fields
        )[0]
        self.assertEqual((other["phone"], other["mobile"]), ("138****5678", "+86 139****5678"))
        free = self.free_lead.with_user(self.salesman).web_read({"phone": {}})[0]
        self.assertEqual(free["phone"], "137****1111")
        full = self.free_lead.with_user(self.manager).read(["phone"])[0]
        self.assertEqual(full["phone"], "13700001111")
        # the salesperson finds the lead by the full number
        Lead = self.env["crm.lead"].with_user(self.salesman)
        self.assertEqual(Lead.search([("phone", "=", "13700001111")]), self.free_lead)

    def test_masked_phone_written_back_keeps_the_number(self):
        lead = self.free_lead.with_user(self.salesman)
        lead.write({"phone": "137****1111", "name": "展会名片（已联系）"})
        self.assertEqual(self.free_lead.phone, "13700001111")

    def test_tracking_of_phone_is_masked(self):
        self.env.cr.precommit.run()
        lead = self.free_lead.with_context(tracking_disable=False, mail_notrack=False)
        lead.phone = "13600002222"
        self.env.flush_all()
        self.env.cr.precommit.run()
        trackings = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "crm.lead"),
                ("mail_message_id.res_id", "=", self.free_lead.id),
                ("field_id.name", "=", "phone"),
            ]
        )
        self.assertTrue(trackings)
        shown = trackings.with_user(self.salesman).sudo()._tracking_value_format()
        self.assertEqual(shown[0]["newValue"]["value"], "136****2222")
        self.assertEqual(shown[0]["oldValue"]["value"], "137****1111")
        full = trackings.with_user(self.manager).sudo()._tracking_value_format()
        self.assertEqual(full[0]["newValue"]["value"], "13600002222")

    def test_export_of_lead_phone_needs_the_right(self):
        self.salesman.groups_id += self.env.ref("base.group_allow_export")
        lead = self.own_lead.with_user(self.salesman)
        with self.assertRaises(AccessError):
            lead.export_data(["name", "phone"])
        with self.assertRaises(AccessError):
            lead.export_data(["name", "partner_id/email"])
        self.assertEqual(lead.export_data(["name"])["datas"], [["数控机床采购"]])
