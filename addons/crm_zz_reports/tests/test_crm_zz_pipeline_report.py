# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestPipelineReport(CrmZzReportsCommon):
    """Win/loss by reason and competitor, and the forecast against what was won,
    as the manager and as each salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.price = cls.env["crm.lost.reason"].create({"name": "价格太高"})
        cls.rival = cls.env["crm.zz.sales.competitor"].create({"name": "宇通竞品"})
        cls.won_a = cls._opportunity(
            "赢-甲", cls.customer_a, cls.user_a, 80000, date_deadline="2026-03-15"
        )
        cls.lost_a = cls._opportunity(
            "输-甲", cls.customer_a, cls.user_a, 40000, date_deadline="2026-03-20"
        )
        cls.lost_b = cls._opportunity(
            "输-乙", cls.customer_b, cls.user_b, 60000, date_deadline="2026-04-01"
        )
        cls.open_b = cls._opportunity(
            "开-乙", cls.customer_b, cls.user_b, 10000, date_deadline="2026-04-10", probability=50
        )
        cls.won_a.stage_id = cls.won_stage
        (cls.lost_a | cls.lost_b).write(
            {"lost_reason_id": cls.price.id, "zz_lost_competitor_id": cls.rival.id}
        )
        (cls.lost_a | cls.lost_b).action_set_lost()
        cls.leads = cls.won_a | cls.lost_a | cls.lost_b | cls.open_b
        cls._refresh_analyses()

    def _win_loss(self):
        return self.env["crm.zz.pipeline.report"]._read_group(
            [("lead_id", "in", self.leads.ids)],
            ["state"],
            ["lead_count:sum", "expected_revenue:sum", "win_rate:avg"],
            order="state",
        )

    @users("crm_zz_reports-manager")
    def test_win_loss_by_reason_and_competitor(self):
        self.assertEqual(
            self._win_loss(),
            [("lost", 2, 100000.0, 0.0), ("open", 1, 10000.0, False), ("won", 1, 80000.0, 100.0)],
        )
        lost = self.env["crm.zz.pipeline.report"]._read_group(
            [("lead_id", "in", self.leads.ids), ("state", "=", "lost")],
            ["lost_reason_id", "lost_competitor_id"],
            ["lost_revenue:sum"],
        )
        self.assertEqual(lost, [(self.price, self.rival, 100000.0)])
        rate = self.env["crm.zz.pipeline.report"]._read_group(
            [("lead_id", "in", self.leads.ids)], [], ["win_rate:avg"]
        )
        self.assertAlmostEqual(rate[0][0], 100 / 3, places=2)

    @users("crm_zz_reports-a")
    def test_salesperson_win_loss(self):
        self.assertEqual(self._win_loss(), [("lost", 1, 40000.0, 0.0), ("won", 1, 80000.0, 100.0)])

    @users("crm_zz_reports-manager")
    def test_groups_in_their_usual_order(self):
        """Sorted once grouped, the groups come as Odoo orders them in SQL: by
        the salesperson's name, then the status."""
        Report = self.env["crm.zz.pipeline.report"]
        domain = [("lead_id", "in", self.leads.ids)]
        groups = Report.read_group(domain, ["lead_count:sum"], ["user_id", "state"], lazy=False)
        in_sql = Report._read_group(
            domain, ["user_id", "state"], ["lead_count:sum"], order="user_id ASC, state ASC"
        )
        self.assertEqual(
            [(g["user_id"][0], g["state"], g["lead_count"]) for g in groups],
            [(user.id, state, count) for user, state, count in in_sql],
        )
        self.assertEqual(len(groups), 4)

    def test_forecast_against_won(self):
        rows = self.env["crm.zz.forecast.report"]._read_group(
            [("lead_id", "in", self.leads.ids), ("kind", "=", "forecast")],
            ["date:month"],
            ["forecast_revenue:sum", "weighted_revenue:sum"],
        )
        self.assertEqual(
            [(str(d), f, w) for d, f, w in rows],
            [("2026-03-01", 120000.0, 0.0), ("2026-04-01", 70000.0, 5000.0)],
        )
        won = self.env["crm.zz.forecast.report"]._read_group(
            [("lead_id", "in", self.leads.ids)], [], ["won_revenue:sum"]
        )
        self.assertEqual(won, [(80000.0,)])

    @users("crm_zz_reports-b")
    def test_salesperson_forecast(self):
        rows = self.env["crm.zz.forecast.report"]._read_group(
            [("lead_id", "in", self.leads.ids)], [], ["forecast_revenue:sum", "won_revenue:sum"]
        )
        self.assertEqual(rows, [(70000.0, 0.0)])


@tagged("post_install", "-at_install")
class TestMonthlyReport(CrmZzReportsCommon):
    """The monthly management report (PDF) holds the month's figures the user
    may see: a salesperson's copy leaves his colleague's opportunities out."""

    def _values(self, user):
        wizard = (
            self.env["crm.zz.monthly.report"]
            .with_user(user)
            .create({"month": fields.Date.context_today(self.env.user)})
        )
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "crm_zz_reports.monthly_management")
        report = self.env["report.crm_zz_reports.monthly_management"].with_user(user)
        return wizard, action["data"], report._get_report_values(wizard.ids, action["data"])

    def test_monthly_report_figures(self):
        self._opportunity("月报-甲", self.customer_a, self.user_a, 12000)
        self._opportunity("月报-乙", self.customer_b, self.user_b, 5000)
        self._refresh_analyses()
        _wizard, _data, mine = self._values(self.user_a)
        visible = (
            self.env["crm.zz.pipeline.report"]
            .with_user(self.user_a)
            ._read_group(
                [
                    ("type", "=", "opportunity"),
                    ("create_date", ">=", fields.Date.context_today(self.env.user).replace(day=1)),
                ],
                [],
                ["lead_count:sum", "expected_revenue:sum"],
            )
        )
        self.assertEqual([(mine["new_count"], mine["new_revenue"])], visible)
        _wizard, _data, everyone = self._values(self.manager)
        self.assertEqual(everyone["new_revenue"] - mine["new_revenue"] >= 5000, True)
        wizard, data, _values = self._values(self.user_a)
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_a)
            ._render_qweb_html("crm_zz_reports.crm_zz_monthly_report_action_pdf", wizard.ids, data)
        )
        self.assertIn(b"Management Report", html)
