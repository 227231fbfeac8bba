#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fill a bench database with years of CRM data for the analyses, in set-based SQL.

Usage (a throwaway database with crm_zz_reports installed; the rows are committed):

    createdb -T zz_reports_dev zz_reports_bench
    python3 bench/generate_data.py -d zz_reports_bench --leads 1000000 --lines 500000

Seeded (``--seed``): the same arguments give the same data. Inserts customers
spread over Zhengzhou's districts and parks, leads over three years across the
existing stages, users, teams and campaigns (a tenth lost, a fifth won), their
stage history as chatter tracking values, confirmed sale orders of 5 lines on
average, and tickets. ORM-free on purpose (bench only): no computed field of
another model depends on what it writes that the analyses read, and the
ORM caches of a running server are not involved.
"""

import argparse
import time

import psycopg2

STEPS = []


def step(function):
    STEPS.append(function)
    return function


@step
def customers(cr, args):
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, is_company, active, type,
                                 commercial_partner_id, user_id, company_id,
                                 zz_district_id, zz_park_id, industry_id, zz_grade,
                                 autopost_bills, create_date, write_date)
        SELECT '郑州基准客户' || g || '有限公司', '郑州基准客户' || g || '有限公司', TRUE, TRUE,
               'contact', NULL,
               (SELECT array_agg(id) FROM res_users WHERE share IS NOT TRUE AND active)
                   [1 + floor(random() * (SELECT count(*) FROM res_users
                                           WHERE share IS NOT TRUE AND active))::int],
               NULL,
               (SELECT array_agg(id) FROM crm_zz_district WHERE kind != 'zone')
                   [1 + floor(random() * (SELECT count(*) FROM crm_zz_district
                                           WHERE kind != 'zone'))::int],
               (SELECT array_agg(id) FROM crm_zz_park)
                   [1 + floor(random() * (SELECT count(*) FROM crm_zz_park))::int],
               (SELECT array_agg(id) FROM res_partner_industry)
                   [1 + floor(random() * (SELECT count(*) FROM res_partner_industry))::int],
               (ARRAY['a', 'b', 'c', 'd'])[1 + floor(random() * 4)::int],
               'ask', NOW(), NOW()
          FROM generate_series(1, %s) g
        """,
        (args.customers,),
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id"
        " WHERE commercial_partner_id IS NULL AND name LIKE '郑州基准客户%%'"
    )


@step
def leads(cr, args):
    cr.execute(
        """
        CREATE TEMP TABLE bench_partner AS
        SELECT row_number() OVER (ORDER BY id) AS n, id, zz_district_id, zz_park_id,
               industry_id, user_id
          FROM res_partner WHERE name LIKE '郑州基准客户%%'
        """
    )
    cr.execute(
        """
        CREATE TEMP TABLE bench_stage AS
        SELECT row_number() OVER (ORDER BY sequence, id) AS n, id, is_won
          FROM crm_stage WHERE team_id IS NULL
        """
    )
    cr.execute(
        """
        INSERT INTO crm_lead (name, type, active, user_id, team_id, company_id, stage_id,
                              partner_id, zz_district_id, zz_park_id, zz_industry_id,
                              campaign_id, expected_revenue, probability, prorated_revenue,
                              create_date, write_date, date_deadline, date_closed,
                              date_last_stage_update, date_open)
        SELECT '基准商机 ' || g, 'opportunity', NOT lost, p.user_id,
               (SELECT min(id) FROM crm_team), 1, s.id, p.id, p.zz_district_id,
               p.zz_park_id, p.industry_id,
               CASE WHEN random() < 0.3 THEN (SELECT array_agg(id) FROM utm_campaign)
                   [1 + floor(random() * (SELECT count(*) FROM utm_campaign))::int] END,
               revenue, CASE WHEN lost THEN 0 WHEN s.is_won THEN 100 ELSE 30 END,
               CASE WHEN lost THEN 0 WHEN s.is_won THEN revenue ELSE revenue * 0.3 END,
               created, created, (created + interval '60 days')::date,
               CASE WHEN lost OR s.is_won THEN created + interval '45 days' END,
               created + interval '10 days', created
          FROM (
            SELECT g, random() < 0.1 AS lost,
                   round((random() * 500000)::numeric, 2) AS revenue,
                   NOW() - random() * interval '3 years' AS created,
                   1 + floor(random() * (SELECT count(*) FROM bench_partner))::int AS pn,
                   1 + floor(random() * (SELECT count(*) FROM bench_stage))::int AS sn
              FROM generate_series(1, %s) g
          ) x
          JOIN bench_partner p ON p.n = x.pn
          JOIN bench_stage s ON s.n = x.sn
        """,
        (args.leads,),
    )


@step
def stage_history(cr, args):
    """One tracked stage change per lead that left the first stage."""
    cr.execute(
        """
        WITH moved AS (
            SELECT l.id, l.stage_id, l.create_date
              FROM crm_lead l
             WHERE l.name LIKE '基准商机 %%'
               AND l.stage_id != (SELECT id FROM bench_stage WHERE n = 1)
        ), msg AS (
            INSERT INTO mail_message (model, res_id, message_type, date, create_date,
                                      write_date, body)
            SELECT 'crm.lead', id, 'notification', create_date + interval '5 days',
                   NOW(), NOW(), ''
              FROM moved
            RETURNING id, res_id
        )
        INSERT INTO mail_tracking_value (field_id, mail_message_id, old_value_integer,
                                         new_value_integer, create_date, write_date)
        SELECT (SELECT id FROM ir_model_fields WHERE model = 'crm.lead' AND name = 'stage_id'),
               msg.id, (SELECT id FROM bench_stage WHERE n = 1), moved.stage_id, NOW(), NOW()
          FROM msg JOIN moved ON moved.id = msg.res_id
        """
    )


@step
def sale_orders(cr, args):
    orders = max(1, args.lines // 5)
    cr.execute(
        """
        INSERT INTO sale_order (name, company_id, partner_id, partner_invoice_id,
                                partner_shipping_id, date_order, picking_policy, state,
                                user_id, amount_untaxed, amount_total, currency_rate,
                                create_date, write_date)
        SELECT 'BENCH/' || g, 1, p.id, p.id, p.id, NOW() - random() * interval '3 years',
               'direct', 'sale', p.user_id, 0, 0, 1, NOW(), NOW()
          FROM generate_series(1, %s) g
          JOIN bench_partner p ON p.n = 1 + (g %% (SELECT count(*) FROM bench_partner))
        """,
        (orders,),
    )
    cr.execute(
        """
        INSERT INTO sale_order_line (order_id, name, product_id, product_uom_qty, price_unit,
                                     price_subtotal, customer_lead, state, company_id,
                                     order_partner_id, salesman_id, create_date, write_date)
        SELECT o.id, '基准产品', pr.id, 1 + floor(random() * 5), 100, 100, 0, 'sale', 1,
               o.partner_id, o.user_id, NOW(), NOW()
          FROM generate_series(1, %s) g
          JOIN LATERAL (SELECT id, partner_id, user_id FROM sale_order
                         WHERE name = 'BENCH/' || (1 + g %% %s)) o ON TRUE
          JOIN LATERAL (SELECT id FROM product_product WHERE active
                         ORDER BY id OFFSET floor(random() * 20) LIMIT 1) pr ON TRUE
        """,
        (args.lines, orders),
    )
    cr.execute(
        """
        UPDATE sale_order so SET amount_untaxed = t.total, amount_total = t.total
          FROM (SELECT order_id, SUM(price_subtotal) AS total FROM sale_order_line
                 GROUP BY order_id) t
         WHERE t.order_id = so.id AND so.name LIKE 'BENCH/%%'
        """
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--customers", type=int, default=50000)
    parser.add_argument("--leads", type=int, default=1000000)
    parser.add_argument("--lines", type=int, default=500000)
    parser.add_argument("--seed", type=float, default=0.2026)
    args = parser.parse_args()
    connection = psycopg2.connect(dbname=args.database)
    with connection, connection.cursor() as cr:
        cr.execute("SELECT setseed(%s)", (args.seed,))
        for function in STEPS:
            started = time.perf_counter()
            function(cr, args)
            print(f"{function.__name__}: {time.perf_counter() - started:.1f} s")
    connection.autocommit = True
    with connection.cursor() as cr:
        cr.execute("VACUUM ANALYZE")
    connection.close()


if __name__ == "__main__":
    main()
