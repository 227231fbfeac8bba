# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestLeadToOrderTour(HttpCase):
    """In the browser, a salesperson creates an opportunity, is stopped at the
    方案报价 gate, fills in budget and decision maker, wins the deal and confirms
    its quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_zz_sales-tour",
            name="赵销售",
            groups="sales_team.group_sale_salesman,base.group_user",
            tour_enabled=False,
        )
        template = cls.env.ref("crm_zz_sales.pipeline_template_general_b2b")
        cls.team = cls.env["crm.team"].create(
            {
                "name": "郑州工业设备部",
                "zz_pipeline_template_id": template.id,
                "crm_team_member_ids": [(0, 0, {"user_id": cls.salesman.id})],
            }
        )
        cls.team.action_zz_apply_pipeline_template()
        # crm's stages shared by all teams stay: the team's template hides them
        cls.customer = cls.env["res.partner"].create(
            {"name": "郑州金水精密机械有限公司", "is_company": True}
        )
        cls.env["product.product"].create(
            {"name": "数控车床 CK6150", "type": "consu", "list_price": 200000.0, "taxes_id": False}
        )

    @mute_logger("odoo.http")  # the gate's UserError, expected, is logged as a warning
    def test_lead_through_gate_to_won_and_confirmed_quotation(self):
        self.start_tour(
            "/odoo/action-crm.crm_lead_action_pipeline/new",
            "crm_zz_sales_lead_to_order",
            login="crm_zz_sales-tour",
        )
        lead = self.env["crm.lead"].search([("name", "=", "郑州数控机床项目")])
        self.assertEqual(lead.user_id, self.salesman)
        self.assertEqual(lead.stage_id.name, "赢单")
        self.assertEqual(lead.zz_decision_maker, "刘总")
        self.assertEqual(lead.order_ids.state, "sale")
        self.assertEqual(lead.zz_order_amount, 200000)
