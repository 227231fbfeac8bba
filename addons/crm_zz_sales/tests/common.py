# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class CrmZzSalesCommon(BaseCommon):
    """Two salespeople and a manager, a team with the general B2B pipeline, a customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_zz_sales-salesman",
            name="王销售",
            groups="sales_team.group_sale_salesman",
            notification_type="inbox",
        )
        cls.salesman_2 = new_test_user(
            cls.env,
            login="crm_zz_sales-salesman2",
            name="李销售",
            groups="sales_team.group_sale_salesman",
            notification_type="inbox",
        )
        cls.manager = new_test_user(
            cls.env,
            login="crm_zz_sales-manager",
            name="张经理",
            groups="sales_team.group_sale_manager",
        )
        cls.jinshui = cls.env.ref("crm_zz_customer.district_410105")
        cls.erqi = cls.env.ref("crm_zz_customer.district_410103")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "郑州金水精密机械有限公司",
                "is_company": True,
                "zz_district_id": cls.jinshui.id,
            }
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "郑州大客户部",
                "use_opportunities": True,
                "use_leads": True,
                "zz_pipeline_template_id": cls.env.ref(
                    "crm_zz_sales.pipeline_template_general_b2b"
                ).id,
            }
        )
        cls.team.action_zz_apply_pipeline_template()
        cls.stages = {
            stage.name: stage
            for stage in cls.env["crm.stage"].search([("team_id", "=", cls.team.id)])
        }

    @classmethod
    def _create_opportunity(cls, **values):
        vals = {
            "name": "数控机床采购",
            "type": "opportunity",
            "team_id": cls.team.id,
            "user_id": cls.salesman.id,
            "partner_id": cls.customer.id,
            "stage_id": cls.stages["线索"].id,
        }
        vals.update(values)
        return cls.env["crm.lead"].create(vals)
