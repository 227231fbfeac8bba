# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CrmZzSalesCommon


@tagged("at_install", "-post_install")
class TestBantScoring(CrmZzSalesCommon):
    """BANT gives a 0-100 score explained factor by factor, next to the predictive
    probability; a blended score sorts the pipeline; managers set the weights."""

    def test_score_and_explanation_on_the_form(self):
        lead = self._create_opportunity()
        with Form(lead) as form:
            form.zz_bant_budget = "high"
            form.zz_bant_authority = "medium"
            form.zz_bant_need = "high"
            form.zz_bant_timeline = "low"
        self.assertEqual(lead.zz_bant_score, 68)
        lines = lead.zz_bant_explanation.splitlines()
        self.assertEqual(len(lines), 5)
        self.assertIn("Budget: High, 25.0 of 25.0 points", lines[0])
        self.assertIn("Purchase Intent: None, 0.0 of 15.0 points", lines[4])
        expected = round((68 + lead.automated_probability) / 2, 2)
        self.assertAlmostEqual(lead.zz_blended_score, expected, places=1)

    def test_blended_score_sorts_the_pipeline(self):
        low = self._create_opportunity(name="低分", zz_bant_need="low")
        high = self._create_opportunity(
            name="高分", zz_bant_budget="high", zz_bant_need="high", zz_bant_intent="high"
        )
        leads = self.env["crm.lead"].search(
            [("id", "in", (low | high).ids)], order="zz_blended_score desc"
        )
        self.assertEqual(leads.mapped("name"), ["高分", "低分"])

    def test_weights_from_settings_rescore_leads(self):
        lead = self._create_opportunity(zz_bant_budget="high")
        self.assertEqual(lead.zz_bant_score, 25)
        settings = self.env["res.config.settings"].create(
            {
                "zz_bant_weight_budget": 50,
                "zz_bant_weight_authority": 0,
                "zz_bant_weight_need": 50,
                "zz_bant_weight_timeline": 0,
                "zz_bant_weight_intent": 0,
            }
        )
        settings.execute()
        lead.invalidate_recordset()
        self.assertEqual(lead.zz_bant_score, 50)

    def test_all_zero_weights_are_refused(self):
        settings = self.env["res.config.settings"].create(
            {
                "zz_bant_weight_budget": 0,
                "zz_bant_weight_authority": 0,
                "zz_bant_weight_need": 0,
                "zz_bant_weight_timeline": 0,
                "zz_bant_weight_intent": 0,
            }
        )
        with self.assertRaises(UserError):
            settings.execute()

    def test_pipeline_views_sort_by_blended_score(self):
        for view_type in ("kanban", "list"):
            arch = self.env["crm.lead"].get_views([(False, view_type)])["views"][view_type]["arch"]
            self.assertIn('default_order="zz_blended_score desc', arch)
