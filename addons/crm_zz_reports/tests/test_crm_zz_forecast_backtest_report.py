# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestForecastBacktest(CrmZzReportsCommon):
    """The forecast's own error on past months, computed by hand:

    ====== ======== ===== ============ ======
    month  forecast won   |error|      error
    ====== ======== ===== ============ ======
    2025-01  13,000 8,000        5,000 62.5 %
    2025-02   4,000 6,000        2,000 33.3 %
    2025-03   2,000     0        2,000   --
    ====== ======== ===== ============ ======

    absolute error 9,000, against 14,000 won: 64.29 %; MAPE over the two months
    with revenue won: (62.5 + 33.33) / 2 = 47.92 %."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        a, b = cls.user_a, cls.user_b
        # open, 50 % of 10,000 expected in January
        cls._opportunity(
            "一月-开放", cls.customer_a, a, 10000, probability=50, date_deadline="2025-01-15"
        )
        won = (
            # expected and won in January
            cls._opportunity("一月-赢单", cls.customer_a, a, 8000, date_deadline="2025-01-20")
            # expected and won in February
            | cls._opportunity("二月-赢单", cls.customer_b, b, 4000, date_deadline="2025-02-10")
            # expected in March, won early in February
            | cls._opportunity("三月-提前", cls.customer_a, a, 2000, date_deadline="2025-03-10")
        )
        won.stage_id = cls.won_stage
        for lead, closed in zip(won, ("2025-01-25", "2025-02-05", "2025-02-20"), strict=True):
            lead.date_closed = closed
        # expected in February, lost: forecasts nothing any more
        lost = cls._opportunity("二月-输单", cls.customer_b, b, 6000, date_deadline="2025-02-15")
        lost.action_set_lost()
        cls.env.flush_all()
        # the backtest is materialised: take in the opportunities, as the hourly job
        cls._refresh_analyses()

    def _backtest(self, groupby=()):
        return self.env["crm.zz.forecast.backtest.report"]._read_group(
            [("team_id", "=", self.team.id)],
            list(groupby),
            [
                "forecast_revenue:sum",
                "won_revenue:sum",
                "abs_error:sum",
                "pct_error:avg",
                "mape:avg",
            ],
        )

    def _rounded(self, rows):
        return [tuple(round(v, 2) if isinstance(v, float) else v for v in row) for row in rows]

    @users("crm_zz_reports-manager")
    def test_error_per_month_and_mape(self):
        months = self._rounded(self._backtest(["date:month"]))
        self.assertEqual(
            [(f"{m:%Y-%m}", *rest) for m, *rest in months],
            [
                ("2025-01", 13000.0, 8000.0, 5000.0, 62.5, 62.5),
                ("2025-02", 4000.0, 6000.0, 2000.0, 33.33, 33.33),
                ("2025-03", 2000.0, 0.0, 2000.0, None, None),
            ],
        )
        self.assertEqual(
            self._rounded(self._backtest()), [(19000.0, 14000.0, 9000.0, 64.29, 47.92)]
        )

    @users("crm_zz_reports-manager")
    def test_error_per_salesperson_from_his_own_months(self):
        by_user = {row[0]: row[1:] for row in self._rounded(self._backtest(["user_id"]))}
        # a: Jan 13,000 / 8,000; Feb 0 / 2,000; Mar 2,000 / 0 -> 9,000 off 10,000 won;
        # MAPE (62.5 + 100) / 2
        self.assertEqual(by_user[self.user_a], (15000.0, 10000.0, 9000.0, 90.0, 81.25))
        # b: Feb 4,000 / 4,000 (the lost one forecasts 0)
        self.assertEqual(by_user[self.user_b], (4000.0, 4000.0, 0.0, 0.0, 0.0))

    @users("crm_zz_reports-b")
    def test_salesperson_sees_his_own_error(self):
        self.assertEqual(self._rounded(self._backtest()), [(4000.0, 4000.0, 0.0, 0.0, 0.0)])

    @users("crm_zz_reports-manager")
    def test_pivot_measures(self):
        groups = self.env["crm.zz.forecast.backtest.report"].read_group(
            [("team_id", "=", self.team.id)], ["won_revenue", "mape"], ["date:year"]
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["won_revenue"], 14000.0)
        self.assertAlmostEqual(groups[0]["mape"], 47.9167, places=3)
