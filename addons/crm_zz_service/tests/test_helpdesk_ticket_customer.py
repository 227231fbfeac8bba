# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, TransactionCase, tagged


@tagged("at_install", "-post_install")
class TestTicketCustomer(TransactionCase):
    """An agent sees the customer's district and the WeChat channel on a ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.erqi = cls.env.ref("crm_zz_customer.district_410103")
        cls.company = cls.env["res.partner"].create(
            {"name": "郑州二七机电有限公司", "is_company": True, "zz_district_id": cls.erqi.id}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "王经理", "parent_id": cls.company.id, "email": "wang@example.com"}
        )

    def test_ticket_from_a_contact_shows_the_company_district(self):
        with Form(self.env["helpdesk.ticket"]) as form:
            form.name = "设备异响"
            form.description = "<p>二号机异响</p>"
            form.partner_id = self.contact
            form.channel_id = self.env.ref("crm_zz_service.helpdesk_ticket_channel_wechat")
        ticket = form.record
        self.assertEqual(ticket.zz_district_id, self.erqi)
        self.assertEqual(ticket.channel_id.name, "WeChat")
        self.assertIn(
            ticket, self.env["helpdesk.ticket"].search([("zz_district_id", "=", self.erqi.id)])
        )
