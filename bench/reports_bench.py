#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time each analysis as a user opens it against a raw SQL GROUP BY of the same figures.

Usage (a database filled by bench/generate_data.py):

    python3 bench/reports_bench.py -d zz_reports_bench [--login admin] [--runs 3]
                                   [--refresh] [--nightly]

For each analysis, two groupings: the one its pivot opens with (the action's
default filters, row and column groups and measures) and one by month or by
salesperson. Per grouping, the best of --runs of

- ``open``: every ``read_group`` the pivot issues to open (totals, rows, columns,
  cells), through the ORM, record rules included, as --login with his language
  and time zone in the context (as the web client sends them);
- ``ORM``: the finest of these (rows x columns), the one the ratio is about;
- ``SQL``: a hand-written GROUP BY computing the same figures from the source
  tables (for the funnel, the funnel's own query grouped: computing it is what
  the materialised view saves), months of datetimes in the user's time zone;

and the ratio ORM / SQL. The goal is open <= 1 s and ORM <= 1.5x SQL.

``--refresh`` first times the refresh job of the materialised analyses (what the
hourly scheduled action runs). ``--nightly`` times the nightly jobs: the customer
value analysis (RFM, crm_zz_customer's job, which the clusters read), churn risk,
products bought together and customer clusters; the goal is <= 5 min each.
These write: the refresh and nightly jobs are committed, nothing else is.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from customer_import_bench import open_env

from odoo.tools import SQL

LEAD_STATE = """CASE WHEN s.is_won THEN 'won'
                     WHEN NOT l.active AND l.probability = 0 THEN 'lost'
                     ELSE 'open' END"""

PIPELINE_SQL = f"""
    SELECT {{group}}, COUNT(*), SUM(COALESCE(l.expected_revenue, 0)),
           SUM(CASE WHEN {LEAD_STATE} = 'open' THEN COALESCE(l.prorated_revenue, 0) END),
           AVG(CASE {LEAD_STATE} WHEN 'won' THEN 100.0 WHEN 'lost' THEN 0.0 END)
      FROM crm_lead l LEFT JOIN crm_stage s ON s.id = l.stage_id
     WHERE (l.active OR l.probability = 0) AND l.type = 'opportunity'
  GROUP BY {{group}}"""

FORECAST_SQL = """
    SELECT {group}, SUM(forecast), SUM(weighted), SUM(won) FROM (
        SELECT date_trunc('month', l.date_deadline) AS month, l.user_id,
               COALESCE(l.expected_revenue, 0) AS forecast,
               CASE WHEN l.active AND NOT COALESCE(s.is_won, FALSE)
                    THEN COALESCE(l.prorated_revenue, 0) ELSE 0 END AS weighted, 0 AS won
          FROM crm_lead l LEFT JOIN crm_stage s ON s.id = l.stage_id
         WHERE l.type = 'opportunity' AND (l.active OR l.probability = 0)
               AND l.date_deadline IS NOT NULL
        UNION ALL
        SELECT date_trunc('month', l.date_closed), l.user_id, 0, 0,
               COALESCE(l.expected_revenue, 0)
          FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id
         WHERE l.type = 'opportunity' AND (l.active OR l.probability = 0)
               AND s.is_won AND l.date_closed IS NOT NULL
    ) f GROUP BY {group}"""

CUSTOMER_SQL = """
    SELECT {group}, SUM(c), SUM(o), SUM(r), SUM(t) FROM (
        SELECT p.zz_district_id, p.user_id, 1 AS c, 0 AS o, 0 AS r, 0 AS t
          FROM res_partner p WHERE p.active AND p.is_company AND p.parent_id IS NULL
        UNION ALL
        SELECT p.zz_district_id, l.user_id, 0, 1, COALESCE(l.expected_revenue, 0), 0
          FROM crm_lead l JOIN res_partner p ON p.id = l.partner_id
     LEFT JOIN crm_stage s ON s.id = l.stage_id
         WHERE l.active AND l.type = 'opportunity' AND NOT COALESCE(s.is_won, FALSE)
               AND p.active AND p.is_company
        UNION ALL
        SELECT p.zz_district_id, t.user_id, 0, 0, 0, 1
          FROM helpdesk_ticket t JOIN res_partner p ON p.id = t.partner_id
          JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
         WHERE t.active AND NOT COALESCE(st.closed, FALSE) AND p.active AND p.is_company
    ) x GROUP BY {group}"""

VALUE_SQL = """
    SELECT {group}, COUNT(*), SUM(p.zz_rfm_monetary),
           AVG(p.zz_rfm_recency_days), SUM(p.zz_rfm_frequency),
           SUM(CASE WHEN p.zz_is_pareto THEN p.zz_rfm_monetary ELSE 0 END)
      FROM res_partner p
     WHERE p.active AND p.is_company AND p.parent_id IS NULL AND p.zz_rfm_frequency > 0
  GROUP BY {group}"""

CAMPAIGN_SQL = """
    SELECT {group}, SUM(n), SUM(won), SUM(won_revenue), SUM(ordered), SUM(invoiced),
           SUM(paid) FROM (
        SELECT l.campaign_id, date_trunc('month', l.create_date) AS month, 1 AS n,
               COALESCE(s.is_won, FALSE)::int AS won,
               CASE WHEN s.is_won THEN l.expected_revenue ELSE 0 END AS won_revenue,
               0 AS ordered, 0 AS invoiced, 0 AS paid
          FROM crm_lead l LEFT JOIN crm_stage s ON s.id = l.stage_id
         WHERE l.campaign_id IS NOT NULL AND (l.active OR l.probability = 0)
        UNION ALL
        SELECT so.campaign_id, date_trunc('month', so.date_order), 0, 0, 0,
               so.amount_untaxed, 0, 0
          FROM sale_order so WHERE so.campaign_id IS NOT NULL AND so.state = 'sale'
        UNION ALL
        SELECT am.campaign_id, date_trunc('month', am.invoice_date), 0, 0, 0, 0,
               am.amount_untaxed_signed, am.amount_total_signed - am.amount_residual_signed
          FROM account_move am
         WHERE am.campaign_id IS NOT NULL AND am.state = 'posted'
               AND am.move_type IN ('out_invoice', 'out_refund')
    ) x GROUP BY {group}"""

TICKET_SQL = """
    SELECT {group}, COUNT(*), SUM((NOT COALESCE(st.closed, FALSE))::int),
           AVG(CASE WHEN t.zz_first_response_deadline IS NULL THEN NULL
                    WHEN t.zz_first_response_date <= t.zz_first_response_deadline
                    THEN 100.0 ELSE 0.0 END),
           AVG(CASE WHEN t.zz_resolution_deadline IS NULL THEN NULL
                    WHEN t.zz_resolved_date <= t.zz_resolution_deadline
                    THEN 100.0 ELSE 0.0 END)
      FROM helpdesk_ticket t JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
     WHERE t.active
  GROUP BY {group}"""

# the backtest's monthly totals and the error of each (month, ...) group; the
# forecast of a month kept at its start (crm.zz.forecast.snapshot) replaces today's
BACKTEST_SQL = """
    SELECT {group}, SUM(forecast), SUM(won), ABS(SUM(forecast) - SUM(won)),
           CASE WHEN SUM(won) > 0 THEN ABS(SUM(forecast) - SUM(won)) / SUM(won) * 100 END,
           CASE WHEN SUM(won) > 0 THEN ABS(SUM(forecast) - SUM(won)) / SUM(won) * 100 END
      FROM (
        SELECT date_trunc('month', l.date_deadline)::date AS month, l.user_id,
               COALESCE(l.prorated_revenue, 0) AS forecast, 0 AS won
          FROM crm_lead l
         WHERE l.type = 'opportunity' AND (l.active OR l.probability = 0)
               AND l.date_deadline IS NOT NULL
               AND date_trunc('month', l.date_deadline)::date
                   NOT IN (SELECT month FROM crm_zz_forecast_snapshot)
        UNION ALL
        SELECT month, user_id, COALESCE(forecast_revenue, 0), 0
          FROM crm_zz_forecast_snapshot
        UNION ALL
        SELECT date_trunc('month', l.date_closed)::date, l.user_id, 0,
               COALESCE(l.expected_revenue, 0)
          FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id
         WHERE l.type = 'opportunity' AND (l.active OR l.probability = 0)
               AND s.is_won AND l.date_closed IS NOT NULL
    ) f
     WHERE month < date_trunc('month', NOW() AT TIME ZONE 'UTC')::date
  GROUP BY {group}"""

LIFECYCLE_SQL = """
    SELECT {group}, COUNT(*)
      FROM crm_zz_partner_lifecycle_history h JOIN res_partner p ON p.id = h.partner_id
  GROUP BY {group}"""

# model, default domain, row groups, column groups, measures, raw SQL, its groups
CASES = [
    (
        "crm.zz.pipeline.report",
        [("type", "=", "opportunity")],
        ["zz_district_id"],
        ["state"],
        ["lead_count:sum", "expected_revenue:sum", "prorated_revenue:sum", "win_rate:avg"],
        PIPELINE_SQL,
        f"l.zz_district_id, {LEAD_STATE}",
    ),
    (
        "crm.zz.pipeline.report",
        [("type", "=", "opportunity")],
        ["create_date:month"],
        ["user_id"],
        ["lead_count:sum", "expected_revenue:sum", "prorated_revenue:sum", "win_rate:avg"],
        PIPELINE_SQL,
        "date_trunc('month', timezone(%(tz)s, timezone('UTC', l.create_date))), l.user_id",
    ),
    (
        "crm.zz.forecast.report",
        [],
        ["date:month"],
        [],
        ["forecast_revenue:sum", "weighted_revenue:sum", "won_revenue:sum"],
        FORECAST_SQL,
        "month",
    ),
    (
        "crm.zz.forecast.report",
        [],
        ["date:month"],
        ["user_id"],
        ["forecast_revenue:sum", "weighted_revenue:sum", "won_revenue:sum"],
        FORECAST_SQL,
        "month, user_id",
    ),
    (
        "crm.zz.funnel.report",
        [],
        ["stage_id"],
        [],
        ["lead_count:sum", "next_count:sum", "conversion_rate:avg", "days_in_stage:avg"],
        None,
        "stage_id",
    ),
    (
        "crm.zz.funnel.report",
        [],
        ["stage_id"],
        ["user_id"],
        ["lead_count:sum", "next_count:sum", "conversion_rate:avg", "days_in_stage:avg"],
        None,
        "stage_id, user_id",
    ),
    (
        "crm.zz.customer.report",
        [],
        ["zz_district_id"],
        [],
        [
            "customer_count:sum",
            "open_opportunity_count:sum",
            "open_revenue:sum",
            "open_ticket_count:sum",
        ],
        CUSTOMER_SQL,
        "zz_district_id",
    ),
    (
        "crm.zz.customer.report",
        [],
        ["user_id"],
        [],
        [
            "customer_count:sum",
            "open_opportunity_count:sum",
            "open_revenue:sum",
            "open_ticket_count:sum",
        ],
        CUSTOMER_SQL,
        "user_id",
    ),
    (
        "crm.zz.customer.value.report",
        [("frequency", ">", 0)],
        ["rfm_segment"],
        [],
        [
            "customer_count:sum",
            "monetary:sum",
            "recency_days:avg",
            "frequency:sum",
            "pareto_revenue:sum",
        ],
        VALUE_SQL,
        "p.zz_rfm_segment",
    ),
    (
        "crm.zz.customer.value.report",
        [("frequency", ">", 0)],
        ["user_id"],
        [],
        [
            "customer_count:sum",
            "monetary:sum",
            "recency_days:avg",
            "frequency:sum",
            "pareto_revenue:sum",
        ],
        VALUE_SQL,
        "p.user_id",
    ),
    (
        "crm.zz.campaign.report",
        [],
        ["campaign_id"],
        [],
        [
            "lead_count:sum",
            "won_count:sum",
            "won_revenue:sum",
            "order_amount:sum",
            "invoiced_amount:sum",
            "paid_amount:sum",
        ],
        CAMPAIGN_SQL,
        "campaign_id",
    ),
    (
        "crm.zz.campaign.report",
        [],
        ["date:month"],
        [],
        [
            "lead_count:sum",
            "won_count:sum",
            "won_revenue:sum",
            "order_amount:sum",
            "invoiced_amount:sum",
            "paid_amount:sum",
        ],
        CAMPAIGN_SQL,
        "month",
    ),
    (
        "crm.zz.forecast.backtest.report",
        [],
        ["date:month"],
        [],
        [
            "forecast_revenue:sum",
            "won_revenue:sum",
            "abs_error:sum",
            "pct_error:avg",
            "mape:avg",
        ],
        BACKTEST_SQL,
        "month",
    ),
    (
        "crm.zz.forecast.backtest.report",
        [],
        ["date:month"],
        ["user_id"],
        [
            "forecast_revenue:sum",
            "won_revenue:sum",
            "abs_error:sum",
            "pct_error:avg",
            "mape:avg",
        ],
        BACKTEST_SQL,
        "month, user_id",
    ),
    (
        "crm.zz.lifecycle.report",
        [],
        ["date:month", "stage_from"],
        ["stage_to"],
        ["transition_count:sum"],
        LIFECYCLE_SQL,
        "date_trunc('month', h.date), h.stage_from, h.stage_to",
    ),
    (
        "crm.zz.lifecycle.report",
        [],
        ["date:month"],
        ["user_id"],
        ["transition_count:sum"],
        LIFECYCLE_SQL,
        "date_trunc('month', h.date), h.user_id",
    ),
    (
        "crm.zz.ticket.report",
        [],
        ["team_id"],
        [],
        [
            "ticket_count:sum",
            "backlog_count:sum",
            "response_on_time:avg",
            "resolution_on_time:avg",
            "csat:avg",
        ],
        TICKET_SQL,
        "t.team_id",
    ),
    (
        "crm.zz.ticket.report",
        [],
        ["create_date:month"],
        ["user_id"],
        [
            "ticket_count:sum",
            "backlog_count:sum",
            "response_on_time:avg",
            "resolution_on_time:avg",
            "csat:avg",
        ],
        TICKET_SQL,
        "date_trunc('month', timezone(%(tz)s, timezone('UTC', t.create_date))), t.user_id",
    ),
]


def best(function, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def pivot_groupings(rows, cols):
    """The groupings the pivot reads to open: totals, rows, columns, cells."""
    groupings = [[]]
    if rows:
        groupings.append(rows)
    if cols:
        groupings.append(cols)
    if rows and cols:
        groupings.append(rows + cols)
    return groupings


def funnel_sql(env, group):
    """The funnel's own query over the source tables, grouped."""
    query = SQL(
        "SELECT %(group)s, SUM(lead_count), SUM(next_count), AVG(conversion_rate),"
        " AVG(days_in_stage) FROM (%(query)s) f GROUP BY %(group)s",
        group=SQL(group),
        query=env["crm.zz.funnel.report"]._query(),
    )
    return query.code, query.params


def bench_views(env, cr, runs, only=()):
    print(
        f"{'analysis':30} {'grouped by':28} {'open (s)':>8} {'ORM (s)':>8} {'SQL (s)':>8}"
        f" {'ratio':>6}"
    )
    results = []
    for model_name, domain, rows, cols, measures, raw, raw_group in CASES:
        if only and model_name not in only:
            continue
        model = env[model_name]
        fields = measures

        def open_pivot(model=model, domain=domain, rows=rows, cols=cols, fields=fields):
            for groupby in pivot_groupings(rows, cols):
                model.read_group(domain, fields, groupby, lazy=False)

        def finest(model=model, domain=domain, rows=rows, cols=cols, fields=fields):
            model.read_group(domain, fields, rows + cols, lazy=False)

        if raw is None:
            raw_query, raw_params = funnel_sql(env, raw_group)
        else:
            # months in the user's time zone, as the ORM groups datetimes
            raw_query = raw.format(group=raw_group)
            raw_params = {"tz": env.context.get("tz") or "UTC"} if "%(tz)s" in raw_group else ()

        def sql(raw_query=raw_query, raw_params=raw_params):
            cr.execute(raw_query, raw_params)
            cr.fetchall()

        opened = best(open_pivot, runs)
        orm = best(finest, runs)
        raw_time = best(sql, runs)
        ratio = orm / raw_time if raw_time else float("inf")
        flag = "" if opened <= 1 and ratio <= 1.5 else "  <- over budget"
        label = ", ".join(rows + cols)
        if model._zz_materialized:
            label += " (mat.)"
        print(
            f"{model_name:30} {label:28} {opened:8.3f} {orm:8.3f} {raw_time:8.3f}"
            f" {ratio:6.2f}{flag}",
            flush=True,
        )
        results.append((model_name, label, opened, orm, raw_time, ratio))
    return results


def timed(label, function):
    started = time.perf_counter()
    function()
    elapsed = time.perf_counter() - started
    flag = "" if elapsed <= 300 else "  <- over budget"
    print(f"{label:44} {elapsed:8.1f} s{flag}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument("--nightly", action="store_true")
    parser.add_argument("--skip-rfm", action="store_true", help="with --nightly: not the RFM")
    parser.add_argument("--only", nargs="*", default=(), help="analyses (model names) to time")
    args = parser.parse_args()
    odoo, registry = open_env(args.database)
    if args.refresh or args.nightly:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            if args.nightly:
                if not args.skip_rfm:
                    timed("customer value (RFM, crm_zz_customer)", env["res.partner"]._cron_zz_rfm)
                timed("churn risk", env["crm.zz.churn.risk"]._refresh)
                timed("products bought together", env["crm.zz.product.affinity"]._refresh)
                timed("customer clusters", env["crm.zz.customer.cluster"]._refresh)
            if args.refresh:
                for name in sorted(
                    env.registry.descendants(["crm.zz.report.abstract"], "_inherit")
                ):
                    if env[name]._zz_materialized and not env[name]._abstract:
                        timed(f"refresh {name}", env[name]._zz_refresh)
            cr.commit()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        user = env["res.users"].search([("login", "=", args.login)])
        counts = {
            "leads": "SELECT COUNT(*) FROM crm_lead",
            "order lines": "SELECT COUNT(*) FROM sale_order_line",
            "customers": "SELECT COUNT(*) FROM res_partner WHERE is_company",
            "tickets": "SELECT COUNT(*) FROM helpdesk_ticket",
        }
        sizes = []
        for label, query in counts.items():
            cr.execute(query)
            sizes.append(f"{cr.fetchone()[0]:,} {label}")
        print(
            f"{', '.join(sizes)}; as {args.login} (time zone {user.tz or 'UTC'}),"
            f" best of {args.runs}"
        )
        # the user's language and time zone, as the web client sends them
        context = user.with_user(user).context_get()
        bench_views(env(user=user.id, context=context), cr, args.runs, args.only)
        cr.rollback()


if __name__ == "__main__":
    main()
