#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SLA refresh of many open tickets and Chinese knowledge-base search at scale.

Usage (a database with crm_zz_service installed; everything is generated in one
transaction that is rolled back at the end):

    python3 bench/service_sla_kb_bench.py -d zz_service_dev --tickets 5000 --articles 20000

Prints the time of the escalation cron over the open tickets (one calendar query
per working calendar, then the pure clock per ticket), and the time of a Chinese
search through the bigram GIN index against a plain ILIKE scan of the content.
"""

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from customer_import_bench import open_env  # noqa: E402

WORDS = (
    "空调 制冷 滤网 压缩机 传感器 标定 发票 红冲 上门 维修 "
    "回访 液压 漏油 报警 温控 固件 升级 阀门 叉车 电池"
).split()


def sentence(rng, n=12):
    return "，".join("".join(rng.sample(WORDS, 3)) for _ in range(n))


def timed(label, func):
    started = time.perf_counter()
    result = func()
    print(f"{label:<48} {time.perf_counter() - started:8.2f} s")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--tickets", type=int, default=5000)
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()
    odoo, registry = open_env(args.database)
    rng = random.Random(5)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        team = env["helpdesk.ticket.team"].create({"name": "bench"})
        now = datetime.now()
        vals = [
            {
                "name": f"bench {i} {sentence(rng, 1)}",
                "description": "<p>bench</p>",
                "team_id": team.id,
                "zz_request_type": rng.choice(["service", "complaint", "repair"]),
                "zz_sla_start": now - timedelta(hours=rng.randint(0, 24 * 10)),
            }
            for i in range(args.tickets)
        ]
        timed(f"create {args.tickets} tickets", lambda: env["helpdesk.ticket"].create(vals))
        env.flush_all()
        timed("escalation cron (refresh + escalate)", env["helpdesk.ticket"]._cron_zz_escalate_sla)
        Article = env["crm.zz.service.article"]
        timed(
            f"create {args.articles} articles",
            lambda: Article.create(
                [
                    {
                        "name": sentence(rng, 1),
                        "body": f"<p>{sentence(rng)}</p>",
                        "is_published": True,
                    }
                    for _ in range(args.articles)
                ]
            ),
        )
        env.flush_all()
        cr.execute("ANALYZE crm_zz_service_article")
        hits = timed("bigram GIN search '压缩机漏油'", lambda: Article._zz_search_ids("压缩机漏油"))
        print(f"{'':<48} {len(hits)} hits")
        cr.execute("SET LOCAL enable_bitmapscan = off")
        cr.execute("SET LOCAL enable_indexscan = off")
        timed(
            "ILIKE scan of title and content",
            lambda: cr.execute(
                "SELECT id FROM crm_zz_service_article WHERE name ILIKE %s OR body ILIKE %s",
                ["%压缩机漏油%", "%压缩机漏油%"],
            ),
        )
        cr.rollback()


if __name__ == "__main__":
    main()
