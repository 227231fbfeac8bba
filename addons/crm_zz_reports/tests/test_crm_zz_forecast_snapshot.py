# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestForecastSnapshot(CrmZzReportsCommon):
    """At the start of a month the job keeps the month's forecast; the backtest
    then measures that forecast, not today's, against what was won:

    On 2025-05-01 two opportunities expect to close in May: 10,000 at 50 % (a)
    and 6,000 at 50 % (b): forecast 8,000. In May a's is won for 12,000 and b's is
    lost. The backtest of May: forecast 8,000, won 12,000, error 4,000, 33.33 %
    (today's forecast would say 12,000 and no error)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead_a = cls._opportunity(
            "五月-甲", cls.customer_a, cls.user_a, 10000, probability=50, date_deadline="2025-05-20"
        )
        cls.lead_b = cls._opportunity(
            "五月-乙", cls.customer_b, cls.user_b, 6000, probability=50, date_deadline="2025-05-25"
        )
        cls.Snapshot = cls.env["crm.zz.forecast.snapshot"]

    def _take_snapshot_then_close(self):
        with freeze_time("2025-05-01 01:00:00"):
            taken = self.Snapshot._cron_take_snapshot()
            # a second run in the month keeps the first snapshot
            self.assertFalse(self.Snapshot._cron_take_snapshot())
        self.lead_a.write({"expected_revenue": 12000, "stage_id": self.won_stage.id})
        self.lead_a.date_closed = "2025-05-28 10:00:00"
        self.lead_b.action_set_lost()
        self.env.flush_all()
        # the backtest is materialised: take in the snapshot and the closings
        self._refresh_analyses()
        return taken.filtered(lambda s: s.team_id == self.team)

    def test_snapshot_keeps_the_month_start_forecast(self):
        taken = self._take_snapshot_then_close()
        self.assertEqual(
            sorted((s.lead_id.name, s.forecast_revenue) for s in taken),
            [("五月-乙", 3000.0), ("五月-甲", 5000.0)],
        )
        [(forecast, won, error, pct, snapshot)] = self.env[
            "crm.zz.forecast.backtest.report"
        ]._read_group(
            [("team_id", "=", self.team.id)],
            [],
            [
                "forecast_revenue:sum",
                "won_revenue:sum",
                "abs_error:sum",
                "pct_error:avg",
                "from_snapshot:bool_and",
            ],
        )
        self.assertEqual((forecast, won, error, round(pct, 2)), (8000.0, 12000.0, 4000.0, 33.33))
        self.assertTrue(snapshot)

    def test_salesperson_reads_his_snapshot_rows_only(self):
        taken = self._take_snapshot_then_close()
        mine = self.Snapshot.with_user(self.user_a).search([("id", "in", taken.ids)])
        self.assertEqual(mine.lead_id, self.lead_a)
        other = taken.filtered(lambda s: s.user_id == self.user_b)
        with self.assertRaises(AccessError):
            other.with_user(self.user_a).read(["forecast_revenue"])
        with self.assertRaises(AccessError):
            mine.write({"forecast_revenue": 0.0})

    @users("crm_zz_reports-manager")
    def test_manager_reads_all(self):
        taken = self._take_snapshot_then_close()
        self.assertEqual(
            len(self.env["crm.zz.forecast.snapshot"].search([("id", "in", taken.ids)])), 2
        )
