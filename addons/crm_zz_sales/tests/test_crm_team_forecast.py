# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CrmZzSalesCommon


@tagged("at_install", "-post_install")
class TestTeamForecast(CrmZzSalesCommon):
    """A team's won revenue forecast comes from its monthly history, with the error
    of the same method on the last six months (MAPE)."""

    def test_forecast_from_twelve_months_of_won_deals(self):
        # 10, 12, ..., 30, 36 (thousand yuan) won from January to December 2025:
        # the series checked by hand in tests/unit/test_sales_forecast.py
        series = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 36]
        ready = {"zz_budget_amount": 1, "zz_decision_maker": "刘总"}
        for month, amount in enumerate(series, start=1):
            with freeze_time(datetime(2025, month, 15, 10, 0)):
                self._create_opportunity(
                    name=f"2025-{month}", expected_revenue=amount * 1000, **ready
                ).action_set_won()
        with freeze_time(datetime(2026, 1, 10, 10, 0)):
            self.team.invalidate_recordset()
            self.assertEqual(self.team.zz_forecast_months, 12)
            self.assertEqual(self.team.zz_forecast_method, "trend")
            self.assertAlmostEqual(self.team.zz_forecast_next_month, 1378 / 39 * 1000, places=0)
            self.assertAlmostEqual(self.team.zz_forecast_mape, 1.85, places=2)

    def test_two_years_of_history_add_seasonality(self):
        pattern = [80, 70, 90, 100, 100, 110, 100, 90, 100, 110, 120, 130]
        ready = {"zz_budget_amount": 1, "zz_decision_maker": "刘总"}
        for index, amount in enumerate(pattern * 2):
            year, month = 2024 + index // 12, index % 12 + 1
            with freeze_time(datetime(year, month, 10, 10, 0)):
                self._create_opportunity(
                    name=f"{year}-{month}", expected_revenue=amount * 1000, **ready
                ).action_set_won()
        with freeze_time(datetime(2026, 1, 5, 10, 0)):
            self.team.invalidate_recordset()
            self.assertEqual(self.team.zz_forecast_months, 24)
            self.assertEqual(self.team.zz_forecast_method, "seasonal")
            # January is a low month: the seasonal forecast is below the yearly mean
            self.assertLess(self.team.zz_forecast_next_month, 100000)
            self.assertGreater(self.team.zz_forecast_mape, 0)

    def test_no_history_no_forecast(self):
        self.assertEqual(self.team.zz_forecast_method, "none")
        self.assertEqual(self.team.zz_forecast_next_month, 0)

    def test_weighted_pipeline_by_expected_closing_month(self):
        ready = {"zz_budget_amount": 1, "zz_decision_maker": "刘总"}
        self._create_opportunity(
            expected_revenue=100000, probability=40, date_deadline="2026-07-10"
        )
        self._create_opportunity(expected_revenue=50000, probability=20, date_deadline="2026-07-25")
        self._create_opportunity(
            expected_revenue=80000, probability=50, date_deadline="2026-08-05", **ready
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_sales.crm_lead_action_weighted_pipeline"
        )
        groups = self.env["crm.lead"]._read_group(
            [*literal_eval(action["domain"]), ("team_id", "=", self.team.id)],
            ["date_deadline:month"],
            ["prorated_revenue:sum"],
        )
        by_month = {month.strftime("%Y-%m"): amount for month, amount in groups}
        self.assertEqual(by_month, {"2026-07": 50000, "2026-08": 40000})
