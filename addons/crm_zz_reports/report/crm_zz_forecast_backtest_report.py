# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import backtest

# measures computed per group from the monthly totals, not summed from rows
ERROR_FIELDS = ("abs_error", "pct_error", "mape")
MONTH = "date:month"


class CrmZzForecastBacktestReport(models.Model):
    """The forecast's own backtest error, per past month.

    For each month before the current one: what the forecast said (the weighted
    revenue, expected revenue x probability, of the opportunities whose expected
    closing date falls in that month) against what was won in that month, per
    salesperson, team and company. For a month whose forecast was kept at its
    start (crm.zz.forecast.snapshot) the forecast is that one; for earlier
    months the probability of an opportunity is not kept in its history, so the
    forecast is the one of today: closed opportunities count at their final
    probability (won 100 %, lost 0 %).

    The absolute error, the percentage error and the mean absolute percentage
    error (MAPE) of any group (a team, a year, everything shown) are computed
    from the group's monthly totals (see tools/backtest.py), never summed or
    averaged from the rows.

    Materialised: the figures are those of the last refresh (hourly, or Refresh
    now)."""

    _name = "crm.zz.forecast.backtest.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Forecast Backtest"
    _auto = False
    _rec_name = "date"
    _order = "date desc"
    _zz_source_models = ("crm.lead", "crm.stage", "res.partner", "crm.zz.forecast.snapshot")
    # computed from every opportunity (3.5 s at a million leads): kept by the
    # refresh job, a few thousand rows (month x salesperson x team x company)
    _zz_materialized = True

    date = fields.Date(string="Month", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    forecast_revenue = fields.Float(string="Forecast", readonly=True)
    won_revenue = fields.Float(string="Won", readonly=True)
    from_snapshot = fields.Boolean(
        string="Forecast Kept at Month Start",
        readonly=True,
        help="The forecast is the one kept on the first day of the month; otherwise "
        "it is today's forecast of the opportunities expected to close that month.",
    )
    abs_error = fields.Float(
        string="Absolute Error",
        readonly=True,
        help="Sum over the months of the gap between forecast and won revenue.",
    )
    pct_error = fields.Float(
        string="Error (%)",
        readonly=True,
        aggregator="avg",
        help="Absolute error against the won revenue; empty when nothing was won.",
    )
    mape = fields.Float(
        string="MAPE (%)",
        readonly=True,
        aggregator="avg",
        help="Mean absolute percentage error: the average over the months with revenue "
        "won of each month's error against that month's won revenue.",
    )

    def _query(self):
        return SQL(
            """
            WITH lead AS (
                SELECT l.user_id, l.team_id, l.company_id, l.date_deadline, l.date_closed,
                       COALESCE(l.expected_revenue, 0.0) AS expected_revenue,
                       COALESCE(l.prorated_revenue, 0.0) AS prorated_revenue,
                       COALESCE(stage.is_won, FALSE) AS is_won
                  FROM crm_lead l
             LEFT JOIN crm_stage stage ON stage.id = l.stage_id
                 WHERE l.type = 'opportunity' AND (l.active OR l.probability = 0)
            ),
            kept AS (
                SELECT DISTINCT month FROM crm_zz_forecast_snapshot
            ),
            figures AS (
                SELECT date_trunc('month', date_deadline)::date AS month,
                       user_id, team_id, company_id,
                       prorated_revenue AS forecast, 0.0 AS won
                  FROM lead
                 WHERE date_deadline IS NOT NULL
                       AND date_trunc('month', date_deadline)::date NOT IN (SELECT month FROM kept)
                UNION ALL
                SELECT month, user_id, team_id, company_id,
                       COALESCE(forecast_revenue, 0.0), 0.0
                  FROM crm_zz_forecast_snapshot
                UNION ALL
                SELECT date_trunc('month', date_closed)::date,
                       user_id, team_id, company_id,
                       0.0, expected_revenue
                  FROM lead
                 WHERE is_won AND date_closed IS NOT NULL
            ),
            monthly AS (
                SELECT month, user_id, team_id, company_id,
                       SUM(forecast) AS forecast, SUM(won) AS won
                  FROM figures
                 WHERE month < date_trunc('month', now() AT TIME ZONE 'UTC')::date
              GROUP BY month, user_id, team_id, company_id
            )
            SELECT row_number() OVER (
                       ORDER BY month, user_id NULLS FIRST, team_id NULLS FIRST,
                                company_id NULLS FIRST) AS id,
                   month AS date, user_id, team_id, company_id,
                   forecast AS forecast_revenue, won AS won_revenue,
                   month IN (SELECT month FROM kept) AS from_snapshot,
                   ABS(forecast - won) AS abs_error,
                   CASE WHEN won > 0 THEN ABS(forecast - won) / won * 100.0 END AS pct_error,
                   CASE WHEN won > 0 THEN ABS(forecast - won) / won * 100.0 END AS mape
              FROM monthly
            """
        )

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        groupby, aggregates = tuple(groupby), tuple(aggregates)
        if not any(spec.split(":")[0] in ERROR_FIELDS for spec in aggregates):
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        plain = tuple(spec for spec in aggregates if spec.split(":")[0] not in ERROR_FIELDS)
        if order:
            order = ",".join(
                term
                for term in order.split(",")
                if term.strip().split(" ")[0].split(":")[0] not in ERROR_FIELDS
            )
        rows = super()._read_group(domain, groupby, plain, having, offset, limit, order or None)
        # the monthly totals of every group, in one more query
        detail = super()._read_group(
            domain,
            groupby + (() if MONTH in groupby else (MONTH,)),
            ("forecast_revenue:sum", "won_revenue:sum"),
        )
        size = len(groupby)
        months = defaultdict(list)
        for row in detail:
            months[tuple(row[:size])].append(row[-2:])
        result = []
        for row in rows:
            errors = backtest.backtest_error(months.get(tuple(row[:size]), ()))
            values = iter(row[size:])
            result.append(
                tuple(row[:size])
                + tuple(
                    getattr(errors, spec.split(":")[0])
                    if spec.split(":")[0] in ERROR_FIELDS
                    else next(values)
                    for spec in aggregates
                )
            )
        return result
