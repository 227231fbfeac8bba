# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools import churn

LEVELS = [("high", "High"), ("medium", "Medium"), ("low", "Low"), ("none", "Not Scored")]
BACKTEST_DAYS = 120


class CrmZzChurnRisk(models.Model):
    """The churn risk of each customer that ordered, refreshed from the orders,
    invoices, complaints and satisfaction answers in one batch (weekly, or on
    demand). The rule is ``tools/churn.py``; each refresh also replays it four
    months back and keeps how often it was right (precision) and how many of the
    customers that left it caught (recall) next to the scores."""

    _name = "crm.zz.churn.risk"
    _description = "Customer Churn Risk"
    _order = "score desc, id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        related="partner_id.user_id", string="Salesperson", store=True, index=True
    )
    company_id = fields.Many2one(related="partner_id.company_id", store=True, index=True)
    zz_district_id = fields.Many2one(related="partner_id.zz_district_id", store=True)
    is_scored = fields.Boolean(string="Scored", readonly=True)
    score = fields.Integer(string="Churn Risk", aggregator="avg", readonly=True)
    level = fields.Selection(LEVELS, string="Risk", readonly=True, index=True)
    reason_data = fields.Json(readonly=True)
    reasons = fields.Text(compute="_compute_reasons")
    order_count = fields.Integer(string="Orders", readonly=True)
    last_order_date = fields.Date(string="Last Order", readonly=True)
    usual_interval_days = fields.Integer(string="Usual Interval (days)", readonly=True)
    days_since_last_order = fields.Integer(readonly=True)
    date = fields.Date(string="Scored on", readonly=True)
    backtest_flagged = fields.Integer(
        string="Flagged 4 Months Ago",
        readonly=True,
        help="Customers the rule, replayed on what was known four months ago, flagged then.",
    )
    backtest_churned = fields.Integer(
        string="Stopped Ordering Since",
        readonly=True,
        help="Customers scorable four months ago that have not ordered since.",
    )
    backtest_caught = fields.Integer(
        string="Flagged and Stopped",
        readonly=True,
        help="Customers flagged four months ago that did stop ordering.",
    )
    backtest_precision = fields.Float(
        string="Precision (%)",
        aggregator="avg",
        digits=(16, 1),
        readonly=True,
        help="Of the customers the rule flagged four months ago, the share that then "
        "stopped ordering.",
    )
    backtest_recall = fields.Float(
        string="Recall (%)",
        aggregator="avg",
        digits=(16, 1),
        readonly=True,
        help="Of the customers that stopped ordering in the last four months, the share "
        "the rule had flagged beforehand.",
    )

    @api.depends("reason_data", "is_scored")
    def _compute_reasons(self):
        for risk in self:
            if not risk.is_scored:
                risk.reasons = self.env._(
                    "Only one order so far: no usual interval to compare with, no score."
                )
                continue
            risk.reasons = "\n".join(
                self._reason_text(code, points, values)
                for code, points, values in risk.reason_data or []
            )

    def _reason_text(self, code, points, values):
        texts = {
            churn.SILENCE: self.env._(
                "No order for %(days)s days, usually one every %(usual)s days",
                days=values.get("days"),
                usual=values.get("usual"),
            ),
            churn.SLOWING: self.env._(
                "Orders slowing down: %(recent)s days between the last ones, %(before)s before",
                recent=values.get("recent"),
                before=values.get("before"),
            ),
            churn.SMALLER: self.env._("Recent orders %(drop)s%% smaller", drop=values.get("drop")),
            churn.OVERDUE: self.env._("Overdue invoices: %(amount)s", amount=values.get("amount")),
            churn.COMPLAINTS: self.env._("Open complaints: %(count)s", count=values.get("count")),
            churn.SATISFACTION: self.env._(
                "Satisfaction falling, latest %(latest)s of 5", latest=values.get("latest")
            ),
        }
        return self.env._("%(reason)s (+%(points)s)", reason=texts.get(code, code), points=points)

    # ------------------------------------------------------------------
    # Refresh
    # ------------------------------------------------------------------
    def _fetch_histories(self, today):
        """Every ordering customer's history, in four set-based queries."""
        for model in ("sale.order", "account.move", "helpdesk.ticket", "res.partner"):
            self.env[model].flush_model()
        cr = self.env.cr
        orders = {}
        cr.execute(
            SQL(
                """
                SELECT p.commercial_partner_id, so.date_order::date,
                       so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0)
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale'
                """
            )
        )
        for partner_id, day, amount in cr.fetchall():
            orders.setdefault(partner_id, []).append((day, float(amount or 0.0)))
        cr.execute(
            SQL(
                """
                SELECT p.commercial_partner_id, SUM(am.amount_residual_signed)
                  FROM account_move am
                  JOIN res_partner p ON p.id = am.partner_id
                 WHERE am.state = 'posted' AND am.move_type = 'out_invoice'
                       AND am.payment_state IN ('not_paid', 'partial')
                       AND am.invoice_date_due < %s
              GROUP BY p.commercial_partner_id
                """,
                today,
            )
        )
        overdue = dict(cr.fetchall())
        cr.execute(
            SQL(
                """
                SELECT p.commercial_partner_id, COUNT(*)
                  FROM helpdesk_ticket t
                  JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
                  JOIN res_partner p ON p.id = t.partner_id
                 WHERE t.active AND NOT COALESCE(st.closed, FALSE)
                       AND t.zz_request_type = 'complaint'
              GROUP BY p.commercial_partner_id
                """
            )
        )
        complaints = dict(cr.fetchall())
        satisfaction = {}
        # sudo: scores of every customer feed the risk; rows are filtered when read
        Satisfaction = self.env["crm.zz.service.satisfaction.report"].sudo()
        for partner, day, csat in Satisfaction._read_group(
            [("commercial_partner_id", "in", list(orders)), ("csat", "!=", False)],
            ["commercial_partner_id", "date:day"],
            ["csat:avg"],
        ):
            satisfaction.setdefault(partner.id, []).append((fields.Date.to_date(day), csat))
        return {
            partner_id: churn.CustomerHistory(
                orders=tuple(partner_orders),
                overdue_amount=float(overdue.get(partner_id) or 0.0),
                open_complaints=complaints.get(partner_id, 0),
                satisfaction=tuple(satisfaction.get(partner_id, ())),
            )
            for partner_id, partner_orders in orders.items()
        }

    @api.model
    def _refresh(self):
        today = fields.Date.context_today(self)
        histories = self._fetch_histories(today)
        test = churn.backtest(
            histories.values(),
            today - timedelta(days=BACKTEST_DAYS),
            horizon_days=BACKTEST_DAYS,
        )
        vals_list = []
        for partner_id, history in histories.items():
            result = churn.score(history, today)
            vals = {
                "partner_id": partner_id,
                "date": today,
                "order_count": len(history.orders),
                "last_order_date": max(o[0] for o in history.orders),
                "backtest_flagged": test.flagged,
                "backtest_churned": test.churned,
                "backtest_caught": test.caught,
                "backtest_precision": test.precision or 0.0,
                "backtest_recall": test.recall or 0.0,
                "is_scored": result is not None,
                "level": "none",
            }
            if result is not None:
                vals.update(
                    score=result.score,
                    level=result.level,
                    usual_interval_days=round(result.usual_interval),
                    days_since_last_order=result.days_since_last,
                    reason_data=[[r.code, r.points, r.values] for r in result.reasons],
                )
            vals_list.append(vals)
        # sudo: the risk of every customer is recomputed; record rules filter it when read
        risks = self.sudo()
        risks.search([("date", "<=", today)]).unlink()
        return risks.create(vals_list)

    def action_refresh(self):
        # the refresh rewrites every customer's figures: managers only, whoever calls
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only sales managers can recompute the analysis."))
        self._refresh()
        return {"type": "ir.actions.client", "tag": "reload"}

    def action_schedule_retention(self):
        """Give each customer's owner a retention activity, in one create(); a
        customer that already has an open one is left alone."""
        activity_type = self.env.ref("crm_zz_reports.mail_activity_type_retention")
        partners = self.partner_id
        busy = {
            partner
            for [partner] in self.env["mail.activity"]._read_group(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", partners.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
        }
        model_id = self.env["ir.model"]._get_id("res.partner")
        deadline = fields.Date.context_today(self) + timedelta(days=3)
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": risk.partner_id.id,
                "activity_type_id": activity_type.id,
                "user_id": (risk.partner_id.user_id or self.env.user).id,
                "date_deadline": deadline,
                "summary": self.env._("Retention: churn risk %(score)s", score=risk.score),
                "note": risk.reasons,
            }
            for risk in self
            if risk.is_scored and risk.partner_id.id not in busy
        ]
        activities = self.env["mail.activity"].create(vals_list)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s retention activities scheduled.", count=len(activities)
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _cron_refresh(self):
        self._refresh()
