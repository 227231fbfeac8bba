# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged


@tagged("at_install", "-post_install")
class TestCampaignGoal(TransactionCase):
    """A marketer sets a campaign's budget and goals; nonsense is refused."""

    def test_budget_and_goals_are_kept_in_company_currency(self):
        with Form(self.env["utm.campaign"]) as form:
            form.title = "郑州国际车展"
            form.zz_budget = 50000
            form.zz_goal_revenue = 900000
            form.zz_goal_lead_count = 40
        campaign = form.record
        self.assertEqual(campaign.zz_currency_id, self.env.company.currency_id)
        self.assertEqual(campaign.zz_budget, 50000)

    def test_negative_budget_is_refused_with_the_campaign_named(self):
        campaign = self.env["utm.campaign"].create({"title": "春季促销"})
        with self.assertRaisesRegex(ValidationError, "春季促销"):
            campaign.zz_budget = -1
            campaign.flush_recordset()
