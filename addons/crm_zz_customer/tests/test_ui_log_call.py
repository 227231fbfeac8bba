# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUiLogCall(HttpCase):
    """In the browser, logging a call from the customer form takes one dialog."""

    def test_log_call_in_one_dialog(self):
        user = new_test_user(
            self.env,
            login="crm_zz_customer-tour",
            name="王磊",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
        )
        customer = self.env["res.partner"].create(
            {"name": "郑州浏览器测试有限公司", "is_company": True, "user_id": user.id}
        )
        self.start_tour(
            f"/odoo/contacts/{customer.id}", "crm_zz_customer_log_call", login=user.login
        )
        interaction = self.env["crm.zz.interaction"].search(
            [("commercial_partner_id", "=", customer.id)]
        )
        self.assertEqual(interaction.name, "询问新设备报价")
        self.assertEqual(interaction.kind, "call")
        self.assertEqual(interaction.user_id, user)
        self.assertEqual(interaction.next_step, "发送报价单")
