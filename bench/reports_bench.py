#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time each analysis as a user opens it against a raw SQL GROUP BY of the same figures.

Usage (a database filled by bench/generate_data.py):

    python3 bench/reports_bench.py -d zz_reports_bench [--login admin] [--runs 3]

For each analysis: the best of --runs of the pivot's first query (``_read_group``
through the ORM, record rules included, as --login) and of a hand-written GROUP BY
on the source tables; the goal is <= 1 s and <= 1.5x the raw query. Nothing is
written.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from customer_import_bench import open_env

CASES = [
    (
        "crm.zz.pipeline.report",
        ["zz_district_id", "state"],
        ["lead_count:sum", "expected_revenue:sum", "win_rate:avg"],
        """SELECT l.zz_district_id, COUNT(*), SUM(l.expected_revenue)
             FROM crm_lead l WHERE l.active OR l.probability = 0
         GROUP BY l.zz_district_id""",
    ),
    (
        "crm.zz.forecast.report",
        ["date:month"],
        ["forecast_revenue:sum", "won_revenue:sum"],
        """SELECT date_trunc('month', l.date_deadline), SUM(l.expected_revenue)
             FROM crm_lead l WHERE l.type = 'opportunity' GROUP BY 1""",
    ),
    (
        "crm.zz.funnel.report",
        ["stage_id"],
        ["lead_count:sum", "conversion_rate:avg"],
        """SELECT l.stage_id, COUNT(*) FROM crm_lead l GROUP BY l.stage_id""",
    ),
    (
        "crm.zz.customer.report",
        ["zz_district_id"],
        ["customer_count:sum", "open_opportunity_count:sum", "open_revenue:sum"],
        """SELECT p.zz_district_id, COUNT(*) FROM res_partner p
             LEFT JOIN crm_lead l ON l.partner_id = p.id AND l.active
            WHERE p.is_company GROUP BY p.zz_district_id""",
    ),
    (
        "crm.zz.campaign.report",
        ["campaign_id"],
        ["lead_count:sum", "order_amount:sum"],
        """SELECT l.campaign_id, COUNT(*) FROM crm_lead l
            WHERE l.campaign_id IS NOT NULL GROUP BY l.campaign_id""",
    ),
]


def best(function, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    odoo, registry = open_env(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        user = env["res.users"].search([("login", "=", args.login)])
        env = env(user=user.id)
        print(f"{'analysis':32} {'ORM (s)':>8} {'SQL (s)':>8} {'ratio':>6}")
        for model, groupby, aggregates, raw in CASES:
            orm = best(
                lambda m=env[model], g=groupby, a=aggregates: m._read_group([], g, a), args.runs
            )
            sql = best(lambda raw=raw: cr.execute(raw) or cr.fetchall(), args.runs)
            ratio = orm / sql if sql else float("inf")
            flag = "" if orm <= 1 and ratio <= 1.5 else "  <- over budget"
            print(f"{model:32} {orm:8.3f} {sql:8.3f} {ratio:6.1f}{flag}")
        cr.rollback()


if __name__ == "__main__":
    main()
