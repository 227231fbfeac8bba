# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, new_test_user, tagged

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestSaleOrderOpenTickets(CrmZzServiceCommon):
    """Whoever quotes sees on the order how many service tickets of the customer
    (its contacts' included) are still open, even without helpdesk rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_zz_service-salesman",
            groups="sales_team.group_sale_salesman_all_leads",
        )

    def test_open_tickets_of_the_customer_on_the_order(self):
        self._ticket()
        self._ticket(partner_id=self.customer.id)
        closed = self._ticket()
        closed.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        other = self.env["res.partner"].create({"name": "郑州无工单公司", "is_company": True})
        with Form(self.env["sale.order"].with_user(self.salesman)) as form:
            form.partner_id = self.contact
            self.assertEqual(form.zz_open_ticket_count, 2)
        order = form.record
        quiet = self.env["sale.order"].create({"partner_id": other.id})
        self.assertEqual((order | quiet).mapped("zz_open_ticket_count"), [2, 0])
        action = order.action_zz_view_open_tickets()
        self.assertEqual(len(self.env["helpdesk.ticket"].search(action["domain"])), 2)

    def test_ticket_button_only_for_helpdesk_users(self):
        arch = self.env["sale.order"].with_user(self.salesman).get_views([(False, "form")])
        self.assertNotIn("action_zz_view_open_tickets", arch["views"]["form"]["arch"])
        self.assertIn('name="zz_open_ticket_count"', arch["views"]["form"]["arch"])
