# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestTicketCustomer(CrmZzServiceCommon):
    """An agent records the channel (WeChat, walk-in...) and the type of a request and
    sees the customer's district on the ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.erqi = cls.env.ref("crm_zz_customer.district_410103")
        cls.customer.zz_district_id = cls.erqi

    def test_ticket_from_a_contact_shows_the_company_district(self):
        with Form(self.env["helpdesk.ticket"]) as form:
            form.name = "设备异响"
            form.description = "<p>二号机异响</p>"
            form.partner_id = self.contact
            form.channel_id = self.env.ref("crm_zz_service.helpdesk_ticket_channel_wechat")
            form.zz_request_type = "repair"
        ticket = form.record
        self.assertEqual(ticket.zz_district_id, self.erqi)
        self.assertEqual(ticket.channel_id.name, "WeChat")
        self.assertEqual(ticket.zz_request_type, "repair")
        self.assertIn(
            ticket, self.env["helpdesk.ticket"].search([("zz_district_id", "=", self.erqi.id)])
        )

    def test_request_type_defaults_to_service_request(self):
        ticket = self._ticket()
        self.assertEqual(ticket.zz_request_type, "service")
        walk_in = self.env.ref("crm_zz_service.helpdesk_ticket_channel_walk_in")
        self.assertTrue(walk_in.active)

    def test_ticket_from_an_email_gets_channel_sla_and_agent(self):
        """helpdesk_mgmt's mail gateway creates the ticket; the rest follows."""
        self.team.zz_auto_assign = True
        ticket = (
            self.env["helpdesk.ticket"]
            .with_context(fetchmail_cron_running=True)
            .message_new(
                {
                    "subject": "设备报修：空压机异响",
                    "body": "<p>您好，空压机运行时异响。</p>",
                    "author_id": self.contact.id,
                    "email_from": self.contact.email,
                },
                custom_values={"team_id": self.team.id},
            )
        )
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        )
        self.assertEqual(ticket.zz_district_id, self.erqi)
        self.assertEqual(ticket.zz_sla_policy_id, self.policy_standard)
        self.assertTrue(ticket.zz_resolution_deadline)
        self.assertIn(ticket.user_id, self.agent_a | self.agent_b)

    def test_grade_follows_the_nightly_value_analysis(self):
        """The ticket's stored grade is the customer's after the nightly RFM job
        (crm_zz_customer's SQL update, followed by modified() on the grade)."""
        ticket = self._ticket()
        self.assertFalse(ticket.zz_grade)
        product = self.env["product.product"].create({"name": "年度维保服务", "type": "service"})
        self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 50_000_000.0, "tax_ids": []}
                    )
                ],
            }
        ).action_post()
        self.env["res.partner"]._cron_zz_rfm()
        grade = self.customer.zz_grade
        self.assertTrue(grade, "the biggest customer gets a grade")
        self.env.flush_all()
        self.env.cr.execute(SQL("SELECT zz_grade FROM helpdesk_ticket WHERE id = %s", ticket.id))
        self.assertEqual(self.env.cr.fetchone()[0], grade, "stored on the ticket")
        self.assertEqual(
            self.env["helpdesk.ticket"].search([("id", "=", ticket.id), ("zz_grade", "=", grade)]),
            ticket,
        )
