#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import the same .xlsx of companies with ZZ CRM's importer and with Odoo's base_import.

Usage (a database with crm_zz_customer installed; nothing is kept, every run
rolls back):

    python3 bench/customer_import_bench.py -d zz_customer_dev --rows 10000

Prints rows/s of both paths and the ratio, for the dry run (the preview here,
base_import's "Test" button there) and for the import itself. No Odoo HTTP
server is started. Before each run the customer table is vacuumed, so that
neither path pays for the dead rows the other one's rollback left (a real
import is committed, not rolled back); ``--repeat N`` runs each path N times,
alternating, and compares the medians.
"""

import argparse
import base64
import io
import random
import statistics
import sys
import time
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parents[1]
HEADERS = ["客户名称", "统一社会信用代码", "电话", "手机", "所属区县", "地址"]
BASE_FIELDS = ["name", "zz_credit_code", "phone", "mobile", "zz_district_id", "street"]
DISTRICTS = ["中原区", "二七区", "管城回族区", "金水区", "上街区", "惠济区", "中牟县", "新郑市"]
TARGET_RATIO = 10
INDUSTRIES = ["科技", "商贸", "建筑工程", "机械设备", "食品", "物流", "电子科技", "新材料"]


def common_chars():
    """The 3,755 level-1 GB2312 characters: a realistic pool for brand names."""
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def credit_code(rng):
    from stdnum.cn import uscc

    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    while True:
        body = "914101" + "".join(rng.choice(alphabet) for _ in range(11))
        code = body + uscc.calc_check_digit(body)
        try:
            return uscc.validate(code)
        except ValueError:  # the organisation code part has its own check digit
            continue


def make_rows(count, seed=7):
    rng = random.Random(seed)
    pool = common_chars()
    rows = []
    for index in range(count):
        brand = "".join(rng.choice(pool) for _ in range(rng.choice((2, 3, 4))))
        rows.append(
            [
                f"郑州{brand}{rng.choice(INDUSTRIES)}有限公司",
                credit_code(rng),
                f"0371-6{index % 10_000_000:07d}",
                f"13{rng.randrange(5, 9)}{index:08d}",
                rng.choice(DISTRICTS),
                f"郑州市{rng.choice(DISTRICTS)}测试路{index}号",
            ]
        )
    return rows


def make_xlsx(rows):
    """Shared strings, as Excel writes them (base_import's xlrd reads no inline strings)."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, HEADERS)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, row)
    workbook.close()
    return output.getvalue()


def open_env(db):
    sys.argv = [sys.argv[0]]
    import odoo
    from odoo.tools import config

    config.parse_config(
        ["-c", str(ROOT / "odoo.conf"), f"--addons-path={ROOT / 'addons'}", "-d", db]
    )
    registry = odoo.modules.registry.Registry(db)
    return odoo, registry


def vacuum(odoo, db):
    """VACUUM ANALYZE res_partner, outside any transaction."""
    connection = odoo.sql_db.db_connect(db)
    with connection.cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM ANALYZE res_partner")


def run_zz(env, content, dryrun=False):
    wizard = env["crm.zz.partner.import"].create(
        {"file": base64.b64encode(content), "filename": "bench.xlsx", "mode": "valid"}
    )
    started = time.perf_counter()
    if dryrun:
        wizard.action_preview()
    else:
        wizard.action_import()
    if wizard.job_id:
        # a large file: the background job, run step by step as the cron
        # worker does (each step is one chunk; here nothing is committed)
        job = wizard.job_id
        while job.state in ("queued", "running"):
            job._zz_run_step()
        env.flush_all()
        seconds = time.perf_counter() - started
        return seconds, job.create_count, job.error_count
    env.flush_all()
    seconds = time.perf_counter() - started
    return seconds, wizard.create_count, wizard.error_count


def run_base(env, content, dryrun=False):
    importer = env["base_import.import"].create(
        {
            "res_model": "res.partner",
            "file": content,
            "file_name": "bench.xlsx",
            "file_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    )
    options = {
        "has_headers": True,
        "quoting": '"',
        "separator": ",",
        "date_format": "",
        "datetime_format": "",
        "float_thousand_separator": ",",
        "float_decimal_separator": ".",
        "import_skip_records": [],
        "import_set_empty_fields": [],
        "fallback_values": {},
        "name_create_enabled_fields": {},
        "skip": 0,
    }
    started = time.perf_counter()
    result = importer.execute_import(BASE_FIELDS, HEADERS, options, dryrun=dryrun)
    env.flush_all()
    seconds = time.perf_counter() - started
    errors = [m for m in result.get("messages", []) if m.get("type") == "error"]
    return seconds, len(result.get("ids") or []), len(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--skip-base", action="store_true", help="only the ZZ CRM path")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each path (median)")
    args = parser.parse_args()

    print(f"generating {args.rows} rows ...", flush=True)
    content = make_xlsx(make_rows(args.rows))
    print(f".xlsx: {len(content) / 1e6:.1f} MB", flush=True)
    odoo, registry = open_env(args.database)
    results = {}
    for dryrun in (True, False):
        stage = "test (dry run)" if dryrun else "import"
        paths = [("zz_crm", run_zz)] + ([] if args.skip_base else [("base_import", run_base)])
        timings = {label: [] for label, _run in paths}
        for _repeat in range(args.repeat):
            for label, run in paths:
                vacuum(odoo, args.database)
                with registry.cursor() as cr:
                    env = odoo.api.Environment(cr, 2, {"lang": "zh_CN", "tz": "Asia/Shanghai"})
                    seconds, created, errors = run(env, content, dryrun=dryrun)
                    cr.rollback()  # keep nothing: the other path starts from the same data
                timings[label].append(seconds)
                print(
                    f"{stage:15s} {label:12s} {seconds:8.2f} s  {args.rows / seconds:9.0f} rows/s"
                    f"  {'to create' if dryrun else 'created'} {created}  errors {errors}",
                    flush=True,
                )
        for label, seconds in timings.items():
            results[stage, label] = args.rows / statistics.median(seconds)
        if (stage, "base_import") in results:
            ratio = results[stage, "zz_crm"] / results[stage, "base_import"]
            verdict = "meets" if ratio >= TARGET_RATIO else "below"
            print(
                f"{stage:15s} ratio zz_crm / base_import: {ratio:.1f}x "
                f"({verdict} the {TARGET_RATIO}x target of the issue)",
                flush=True,
            )
    if ("test (dry run)", "zz_crm") in results and ("import", "zz_crm") in results:
        # the import reads and matches the file as the dry run does, then writes
        reading = args.rows / results["test (dry run)", "zz_crm"]
        write = args.rows / results["import", "zz_crm"] - reading
        print(
            f"zz_crm: reading and matching {reading:.2f} s, "
            f"writing {write:.2f} s ({args.rows / write:.0f} rows/s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
