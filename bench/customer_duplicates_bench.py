#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Find planted duplicates among many customers: ZZ CRM's search vs Odoo's merge wizard.

Usage (a database with crm_zz_customer installed; the data is generated in one
transaction that is rolled back at the end, nothing is kept):

    python3 bench/customer_duplicates_bench.py -d zz_customer_dev --partners 100000

Plants --planted duplicates (a third typos in the name, a third the same
mobile written differently, a third the same credit code), then prints for
both paths the time and the recall per kind, the number of groups that hold
no planted pair, and the time of the as-you-type warning query.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from customer_import_bench import common_chars, credit_code, open_env  # noqa: E402

INDUSTRIES = [
    "科技",
    "信息技术",
    "电子科技",
    "商贸",
    "建筑工程",
    "机械设备",
    "食品",
    "医药",
    "物流",
    "文化传媒",
    "环保科技",
    "新材料",
    "网络科技",
    "实业",
    "置业",
    "餐饮管理",
    "农业开发",
    "汽车销售",
]
SUFFIXES = ["有限公司", "有限责任公司", "股份有限公司"]


def make_customers(count, planted, seed=11):
    """(customers, duplicates): dicts with name, mobile, code; duplicates name their original."""
    rng = random.Random(seed)
    pool = common_chars()
    customers = []
    for index in range(count - planted):
        brand = "".join(rng.choice(pool) for _ in range(rng.choice((2, 3, 3, 4))))
        customers.append(
            {
                "name": f"{rng.choice(['郑州', '河南', ''])}{brand}{rng.choice(INDUSTRIES)}"
                f"{rng.choice(SUFFIXES)}",
                "brand": brand,
                "mobile": f"1{rng.choice('3589')}{index:09d}"[:11],
                "code": credit_code(rng) if rng.random() < 0.6 else None,
            }
        )
    duplicates = []
    for index in range(planted):
        original = rng.randrange(len(customers))
        source = customers[original]
        kind = ("typo", "phone", "credit_code")[index % 3]
        if kind == "credit_code" and not source["code"]:
            source["code"] = credit_code(rng)
        duplicate = {"original": original, "kind": kind, "mobile": None, "code": None}
        if kind == "typo":
            duplicate["name"] = typo(rng, source, pool)
        elif kind == "phone":
            mobile = source["mobile"]
            duplicate["name"] = f"{source['brand']}（{rng.choice(['总部', '销售部', '王总'])}）"
            duplicate["mobile"] = f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}"
        else:
            duplicate["name"] = f"{source['brand']}{rng.choice(['分公司', '（郑州）', '集团'])}"
            duplicate["code"] = source["code"].lower()
        duplicates.append(duplicate)
    return customers, duplicates


def typo(rng, source, pool):
    """What people really mistype: one character of the brand, the city, the legal form."""
    brand, name = source["brand"], source["name"]
    position = rng.randrange(len(brand))
    choice = rng.random()
    if choice < 0.4:  # a wrong character (homophone)
        wrong = brand[:position] + rng.choice(pool) + brand[position + 1 :]
    elif choice < 0.55:  # a character too many
        wrong = brand[:position] + rng.choice(pool) + brand[position:]
    elif choice < 0.7 and len(brand) > 2:  # a character missing
        wrong = brand[:position] + brand[position + 1 :]
    else:
        wrong = brand
    name = name.replace(brand, wrong, 1)
    if choice >= 0.7:  # same name, other city prefix, legal form or brackets
        prefix = rng.choice(["河南省", "郑州市", "（郑州）"])
        name = prefix + name.replace("有限公司", "有限责任公司")
    return name


def insert_partners(env, customers, duplicates):
    """Plain INSERTs with the keys the ORM would compute (generation is not measured)."""
    from odoo.addons.crm_zz_customer.tools import normalize

    cr = env.cr
    rows = []
    for customer in customers:
        rows.append((customer["name"], customer["mobile"], customer["code"]))
    for duplicate in duplicates:
        rows.append((duplicate["name"], duplicate["mobile"], duplicate["code"]))
    ids = []
    chunk = 5000
    for start in range(0, len(rows), chunk):
        values = []
        for name, mobile, code in rows[start : start + chunk]:
            mobile_key = f"+86{mobile.replace('+86', '').replace(' ', '')}" if mobile else None
            # vat keeps the code as typed (Odoo's wizard compares it as is);
            # zz_credit_code is stored normalised, as res.partner.create does
            values.append(
                (
                    name,
                    name,
                    mobile,
                    mobile_key,
                    code,
                    code and code.upper(),
                    normalize.name_key(name),
                )
            )
        cr.execute(
            "INSERT INTO res_partner (name, complete_name, mobile, zz_mobile_key, vat,"
            " zz_credit_code, zz_name_key, active, is_company, type, autopost_bills)"
            " SELECT v.name, v.complete_name, v.mobile, v.mobile_key, v.vat, v.code,"
            "        v.name_key, true, true, 'contact', 'ask'"
            "   FROM unnest(%s::varchar[], %s::varchar[], %s::varchar[], %s::varchar[],"
            "               %s::varchar[], %s::varchar[], %s::varchar[])"
            "     AS v(name, complete_name, mobile, mobile_key, vat, code, name_key)"
            " RETURNING id",
            [list(column) for column in zip(*values, strict=True)],
        )
        ids += [row[0] for row in cr.fetchall()]
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", [ids])
    cr.execute("ANALYZE res_partner")
    # check the shortcut above against the real normaliser
    sample = duplicates[1]
    expected = "+86" + customers[sample["original"]]["mobile"]
    assert normalize.normalize_phone(sample["mobile"]) == expected
    return ids[: len(customers)], ids[len(customers) :]


def recall(groups, pairs):
    """{kind: (found, planted)} for [(kind, original id, duplicate id)]."""
    group_of = {}
    for number, ids in enumerate(groups):
        for partner_id in ids:
            group_of.setdefault(partner_id, set()).add(number)
    result = {}
    for kind, original, duplicate in pairs:
        found, total = result.get(kind, (0, 0))
        hit = bool(group_of.get(original, set()) & group_of.get(duplicate, set()))
        result[kind] = (found + hit, total + 1)
    return result


def print_recall(label, seconds, groups, pairs):
    by_kind = recall(groups, pairs)
    planted_ids = {i for _k, a, b in pairs for i in (a, b)}
    extra = sum(1 for ids in groups if not planted_ids & set(ids))
    found = sum(f for f, _t in by_kind.values())
    total = sum(t for _f, t in by_kind.values())
    detail = ", ".join(f"{kind} {f}/{t}" for kind, (f, t) in sorted(by_kind.items()))
    print(
        f"{label:28s} {seconds:8.2f} s  recall {found}/{total} = {found / total:6.1%}"
        f"  ({detail})  groups {len(groups)}, without a planted pair {extra}",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--partners", type=int, default=100_000)
    parser.add_argument("--planted", type=int, default=1_000)
    parser.add_argument("--warning-samples", type=int, default=60)
    parser.add_argument(
        "--edit-min-length",
        type=int,
        help="crm_zz_customer.duplicate_edit_min_length for this run (default: the setting)",
    )
    args = parser.parse_args()

    print(f"generating {args.partners} customers, {args.planted} planted duplicates", flush=True)
    customers, duplicates = make_customers(args.partners, args.planted)
    odoo, registry = open_env(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, 2, {"lang": "zh_CN"})
        started = time.perf_counter()
        original_ids, duplicate_ids = insert_partners(env, customers, duplicates)
        print(f"inserted in {time.perf_counter() - started:.1f} s", flush=True)
        pairs = [
            (dup["kind"], original_ids[dup["original"]], dup_id)
            for dup, dup_id in zip(duplicates, duplicate_ids, strict=True)
        ]

        # Odoo's merge wizard: exact groups by name, and by VAT (the credit code)
        wizard = env["base.partner.merge.automatic.wizard"]
        base_groups = []
        started = time.perf_counter()
        for criteria in (["name"], ["vat"]):
            cr.execute(wizard._generate_query(criteria, maximum_group=0))
            base_groups += [ids for _min_id, ids in cr.fetchall()]
        print_recall("odoo merge wizard (exact)", time.perf_counter() - started, base_groups, pairs)

        # ZZ CRM: exact keys, then trigram names within rare-trigram blocks
        Partner = env["res.partner"]
        if args.edit_min_length:
            env["ir.config_parameter"].set_param(
                "crm_zz_customer.duplicate_edit_min_length", args.edit_min_length
            )
        started = time.perf_counter()
        zz_groups = Partner._zz_find_duplicate_groups()
        print_recall("zz_crm find duplicates", time.perf_counter() - started, zz_groups, pairs)

        # the warning while a user types a new customer: one query per keystroke
        from odoo.addons.crm_zz_customer.tools import normalize

        rng = random.Random(5)
        samples = rng.sample(range(len(duplicates)), min(args.warning_samples, len(duplicates)))
        timings, hits = [], 0
        for index in samples:
            duplicate = duplicates[index]
            row = (  # as if the duplicate were being typed: it is not its own match
                0,
                duplicate_ids[index],
                0,
                Partner._zz_credit_code_key(duplicate["code"]),
                None,
                Partner._zz_phone_key(duplicate["mobile"]),
                normalize.name_key(duplicate["name"]),
            )
            started = time.perf_counter()
            found = Partner._zz_find_similar([row])
            timings.append((time.perf_counter() - started) * 1000)
            hits += bool(found) and found[0][1][0] == original_ids[duplicate["original"]]
        timings.sort()
        print(
            f"as-you-type warning query: median {statistics.median(timings):.1f} ms, "
            f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms, max {timings[-1]:.1f} ms; "
            f"pointed to the original for {hits}/{len(samples)} planted duplicates",
            flush=True,
        )
        cr.rollback()


if __name__ == "__main__":
    main()
