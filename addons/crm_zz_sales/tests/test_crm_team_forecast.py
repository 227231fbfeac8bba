# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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

    def test_no_history_no_forecast(self):
        self.assertEqual(self.team.zz_forecast_method, "none")
        self.assertEqual(self.team.zz_forecast_next_month, 0)
