# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CrmZzSalesCommon


@tagged("at_install", "-post_install")
class TestWinLoss(CrmZzSalesCommon):
    """Marking lost requires a reason and may name the competitor who won;
    competitors show how often we win and lose against them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rival = cls.env["crm.zz.sales.competitor"].create({"name": "洛阳重工设备公司"})
        cls.reason = cls.env["crm.lost.reason"].create({"name": "价格过高"})

    def _lost_wizard(self, lead):
        return Form(
            self.env["crm.lead.lost"].with_context(
                active_model="crm.lead", active_ids=lead.ids, default_lead_ids=lead.ids
            )
        )

    def test_lost_reason_is_required(self):
        lead = self._create_opportunity()
        wizard = self.env["crm.lead.lost"].create({"lead_ids": lead.ids})
        with self.assertRaises(UserError):
            wizard.action_lost_reason_apply()
        self.assertTrue(lead.active)

    def test_lost_to_competitor_counts_in_win_loss(self):
        lost = self._create_opportunity(zz_competitor_ids=[self.rival.id])
        won = self._create_opportunity(
            name="二期", zz_competitor_ids=[self.rival.id], expected_revenue=100000
        )
        with self._lost_wizard(lost) as form:
            form.lost_reason_id = self.reason
            form.zz_competitor_id = self.rival
        form.record.action_lost_reason_apply()
        self.assertFalse(lost.active)
        self.assertEqual(lost.lost_reason_id, self.reason)
        self.assertEqual(lost.zz_lost_competitor_id, self.rival)
        won.action_set_won()
        self.rival.invalidate_recordset()
        self.assertEqual(
            (self.rival.opportunity_count, self.rival.won_count, self.rival.lost_count),
            (2, 1, 1),
        )
        self.assertEqual(self.rival.win_rate, 50.0)
        action = self.rival.action_view_opportunities()
        found = self.env["crm.lead"].with_context(active_test=False).search(action["domain"])
        self.assertEqual(found, lost | won)
