# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestPartnerService360(CrmZzServiceCommon):
    """The customer's 360° view shows its tickets (open / total), its complaints and
    its latest satisfaction, its contacts' tickets included, computed in one query."""

    def test_counts_on_the_company_and_the_contact(self):
        self._ticket()
        self._ticket(zz_request_type="complaint")
        closed = self._ticket(partner_id=self.customer.id)
        closed.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        partners = self.customer | self.contact
        partners.invalidate_recordset()
        with self.assertQueryCount(__system__=5):
            self.assertEqual(self.customer.helpdesk_ticket_count_string, "2 / 3")
            self.assertEqual(self.customer.zz_complaint_count, 1)
            self.assertEqual(self.contact.helpdesk_ticket_count, 2)
        self.assertEqual(self.contact.helpdesk_ticket_active_count, 2)
        self.assertEqual(self.customer.zz_last_csat, 0)
        action = self.customer.action_zz_view_complaints()
        complaints = self.env["helpdesk.ticket"].search(action["domain"])
        self.assertEqual(complaints.zz_request_type, "complaint")

    def test_service_figures_on_the_customer_360_page(self):
        agent = self.agent_a.with_context(lang="en_US")
        arch = (
            self.env["res.partner"]
            .with_user(agent)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="zz_summary_service"', arch)
        self.assertIn('name="zz_complaint_count"', arch)
        self.assertIn('name="action_zz_view_complaints"', arch)
