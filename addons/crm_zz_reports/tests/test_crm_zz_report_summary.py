# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.tests import tagged, users
from odoo.tools import SQL

from .common import CrmZzReportsCommon

PIPELINE_MEASURES = ["__count", "lead_count:sum", "expected_revenue:sum", "win_rate:avg"]


@tagged("at_install", "-post_install")
class TestReportSummary(CrmZzReportsCommon):
    """The pivots of the pipeline, forecast and funnel read a summary of the
    analysis when what they ask fits in it, and show the same figures as the
    rows: per salesperson's own records, by month in Zhengzhou's time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jan_a = cls._opportunity("一月-甲", cls.customer_a, cls.user_a, 30000, probability=40)
        cls.feb_a = cls._opportunity("二月-甲", cls.customer_a, cls.user_a, 50000)
        cls.feb_b = cls._opportunity(
            "二月-乙", cls.customer_b, cls.user_b, 20000, date_deadline="2026-02-20"
        )
        cls.feb_a.stage_id = cls.won_stage
        cls.feb_b.action_set_lost()
        # 31 January 17:00 UTC is 1 February 01:00 in Zhengzhou
        created = {
            cls.jan_a: datetime(2026, 1, 10, 3),
            cls.feb_a: datetime(2026, 1, 31, 17),
            cls.feb_b: datetime(2026, 2, 5, 2),
        }
        for lead, date in created.items():
            cls.env.cr.execute(
                SQL("UPDATE crm_lead SET create_date = %s WHERE id = %s", date, lead.id)
            )
        cls.leads = cls.jan_a | cls.feb_a | cls.feb_b
        cls.leads.invalidate_recordset(["create_date"])
        cls._refresh_analyses()

    def _both(self, model, domain, groupby, aggregates):
        """What the summary gives and what the rows give."""
        Report = self.env[model].with_context(tz="Asia/Shanghai")
        self.assertTrue(Report._zz_summary_fits(domain, groupby, aggregates, ()))
        return (
            Report._read_group(domain, groupby, aggregates),
            Report._zz_read_group_ordered(domain, groupby, aggregates),
        )

    @users("crm_zz_reports-manager")
    def test_pipeline_by_month_and_salesperson(self):
        domain = [("team_id", "=", self.team.id)]
        summary, rows = self._both(
            "crm.zz.pipeline.report", domain, ["create_date:month", "user_id"], PIPELINE_MEASURES
        )
        self.assertEqual(summary, rows)
        # the groups' records read the analysis's rows, not its summary
        self.assertFalse(summary[0][1].env.context.get("zz_summary"))
        self.assertEqual(
            [(str(month), user, count, revenue) for month, user, count, __, revenue, __ in summary],
            [
                ("2026-01-01 00:00:00", self.user_a, 1, 30000.0),
                ("2026-02-01 00:00:00", self.user_a, 1, 50000.0),
                ("2026-02-01 00:00:00", self.user_b, 1, 20000.0),
            ],
        )
        summary, rows = self._both(
            "crm.zz.pipeline.report",
            domain + [("type", "=", "opportunity")],
            ["zz_district_id", "state"],
            PIPELINE_MEASURES,
        )
        self.assertEqual(summary, rows)
        self.assertEqual([row[-1] for row in summary], [0.0, False, 100.0])

    @users("crm_zz_reports-manager")
    def test_month_filters(self):
        """The search's period filters (February in Zhengzhou, in UTC) fit."""
        february = [
            ("team_id", "=", self.team.id),
            ("create_date", ">=", "2026-01-31 16:00:00"),
            ("create_date", "<=", "2026-02-28 15:59:59"),
        ]
        summary, rows = self._both("crm.zz.pipeline.report", february, ["user_id"], ["__count"])
        self.assertEqual(summary, rows)
        self.assertEqual(summary, [(self.user_a, 1), (self.user_b, 1)])
        summary, rows = self._both(
            "crm.zz.forecast.report",
            [
                ("team_id", "=", self.team.id),
                ("date", ">=", "2026-02-01"),
                ("date", "<", "2026-03-01"),
            ],
            ["kind"],
            ["forecast_revenue:sum"],
        )
        self.assertEqual(summary, rows)
        self.assertEqual(summary, [("forecast", 20000.0)])

    @users("crm_zz_reports-a")
    def test_salesperson_sees_his_own_figures(self):
        domain = [("team_id", "=", self.team.id)]
        summary, rows = self._both("crm.zz.pipeline.report", domain, ["state"], PIPELINE_MEASURES)
        self.assertEqual(summary, rows)
        self.assertEqual(
            [(state, count) for state, count, *__ in summary], [("open", 1), ("won", 1)]
        )
        summary, rows = self._both(
            "crm.zz.funnel.report",
            domain,
            ["stage_id"],
            ["lead_count:sum", "next_count:sum", "conversion_rate:avg", "days_in_stage:avg"],
        )
        self.assertEqual(summary, rows)
        summary, rows = self._both(
            "crm.zz.forecast.report",
            domain,
            ["date:month", "user_id"],
            ["forecast_revenue:sum", "won_revenue:sum"],
        )
        self.assertEqual(summary, rows)
        self.assertEqual({user for __, user, *__ in summary}, {self.user_a})

    def test_what_does_not_fit_reads_the_rows(self):
        Report = self.env["crm.zz.pipeline.report"].with_context(tz="Asia/Shanghai")
        fits = Report._zz_summary_fits
        self.assertFalse(fits([("lead_id", "in", self.leads.ids)], ["state"], ["__count"], ()))
        self.assertFalse(fits([], ["create_date:day"], ["__count"], ()))
        self.assertFalse(fits([("create_date", ">=", "2026-01-15")], [], ["__count"], ()))
        self.assertFalse(fits([("create_date", "<=", "2026-01-31")], [], ["__count"], ()))
        self.assertFalse(fits([("create_date", "=", "2026-02-01")], [], ["__count"], ()))
        self.assertFalse(fits([], ["partner_id"], ["__count"], ()))
        self.assertFalse(fits([], ["state"], ["expected_revenue:max"], ()))
        self.assertFalse(
            Report.with_context(tz="Europe/Paris")._zz_summary_fits(
                [], ["create_date:month"], ["__count"], ()
            )
        )
        # a filter the summary cannot answer gives the rows' figures
        rows = Report._read_group(
            [("lead_id", "in", self.leads.ids)], ["state"], ["expected_revenue:sum"]
        )
        self.assertEqual(rows, [("lost", 20000.0), ("open", 30000.0), ("won", 50000.0)])
