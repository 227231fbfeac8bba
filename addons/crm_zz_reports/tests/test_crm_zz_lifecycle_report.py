# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestLifecycleReport(CrmZzReportsCommon):
    """Customer lifecycle transitions per month, from stage to stage, counted by
    hand on five changes of three customers; a salesperson counts his customers'
    changes only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zhongyuan = cls.env.ref("crm_zz_customer.district_410102")
        cls.customer_c = cls.env["res.partner"].create(
            {
                "name": "中原丙公司",
                "is_company": True,
                "zz_district_id": cls.zhongyuan.id,
                "user_id": cls.user_b.id,
            }
        )
        cls.all_customers = cls.customers | cls.customer_c
        # the history as the stage job writes it
        cls.env["crm.zz.partner.lifecycle.history"].sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": partner.company_id.id,
                    "user_id": partner.user_id.id,
                    "date": day,
                    "stage_from": stage_from,
                    "stage_to": stage_to,
                }
                for partner, day, stage_from, stage_to in (
                    (cls.customer_a, "2025-01-05", "potential", "active"),
                    (cls.customer_a, "2025-04-10", "active", "dormant"),
                    (cls.customer_b, "2025-01-20", "potential", "active"),
                    (cls.customer_b, "2025-02-03", "active", "dormant"),
                    (cls.customer_c, "2025-01-31", "potential", "active"),
                )
            ]
        )
        cls.env.flush_all()

    def _transitions(self, domain=()):
        rows = self.env["crm.zz.lifecycle.report"]._read_group(
            [("partner_id", "in", self.all_customers.ids), *domain],
            ["date:month", "stage_from", "stage_to"],
            ["transition_count:sum"],
        )
        return {(f"{month:%Y-%m}", a, b): count for month, a, b, count in rows}

    @users("crm_zz_reports-manager")
    def test_transitions_per_month(self):
        self.assertEqual(
            self._transitions(),
            {
                ("2025-01", "potential", "active"): 3,
                ("2025-02", "active", "dormant"): 1,
                ("2025-04", "active", "dormant"): 1,
            },
        )

    @users("crm_zz_reports-manager")
    def test_filters_period_salesperson_district(self):
        self.assertEqual(
            self._transitions([("date", ">=", "2025-02-01"), ("date", "<", "2025-05-01")]),
            {("2025-02", "active", "dormant"): 1, ("2025-04", "active", "dormant"): 1},
        )
        self.assertEqual(
            self._transitions([("user_id", "=", self.user_b.id)]),
            {("2025-01", "potential", "active"): 2, ("2025-02", "active", "dormant"): 1},
        )
        self.assertEqual(
            self._transitions([("zz_district_id", "=", self.zhongyuan.id)]),
            {("2025-01", "potential", "active"): 1},
        )

    @users("crm_zz_reports-a")
    def test_salesperson_counts_his_customers_only(self):
        self.assertEqual(
            self._transitions(),
            {("2025-01", "potential", "active"): 1, ("2025-04", "active", "dormant"): 1},
        )
        self.assertFalse(
            self.env["crm.zz.lifecycle.report"].search([("partner_id", "=", self.customer_b.id)])
        )

    @users("crm_zz_reports-manager")
    def test_excel_export(self):
        rows = self.env["crm.zz.lifecycle.report"].search(
            [("partner_id", "in", self.all_customers.ids)]
        )
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            "crm_zz_reports.crm_zz_lifecycle_report_xlsx", rows.ids, None
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content), data_only=True).active
        headers = [c.value for c in sheet[1]]
        self.assertEqual(headers[:4], ["Date", "Customer", "From Stage", "To Stage"])
        count = headers.index("Transitions") + 1
        self.assertEqual(sheet.cell(7, 1).value, "Total")
        self.assertEqual(sheet.cell(7, count).value, 5)
