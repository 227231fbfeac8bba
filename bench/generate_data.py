#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fill a bench database with years of CRM data for the analyses, in set-based SQL.

Usage (a throwaway database with crm_zz_reports installed, with demo data for the
products, users, stages and campaigns; the rows are committed):

    createdb -T zz_reports_dev zz_reports_bench
    python3 bench/generate_data.py -d zz_reports_bench --leads 1000000 --lines 500000

Seeded (``--seed``): the same arguments on the same database give the same data.
Inserts, all marked ``BENCH`` (customers' ``ref``, orders' and invoices' names):

- customers (``--customers``, default 50,000): companies with Chinese names spread
  over Zhengzhou's districts, parks, industries, grades and salespeople;
- leads (``--leads``): opportunities over three years across the global stages,
  salespeople and their teams and campaigns; most stop early, a tenth is lost,
  the won stage is reached by a few; with their stage history (one tracked stage
  change per stage passed, in the chatter) that the funnel reads;
- confirmed sale orders of 5 lines each (``--lines``), ordered by customers at
  their own pace (a few big, many small), with baskets of related products for
  the cross-selling; one posted customer invoice per order older than a month
  (a tenth unpaid, some of those overdue) for churn, RFM and clusters;
- helpdesk tickets (``--tickets``) of those customers, a fifth still open;
- other data: 1 to 3 lifecycle stage changes per customer (crm_zz_customer's
  history, which the lifecycle analysis reads).

ORM-free on purpose (bench only): invoices are headers without journal items,
which is all the analyses read. Run the value analysis of crm_zz_customer
afterwards (``reports_bench.py --nightly`` does) to score the customers' RFM.
"""

import argparse
import time

import psycopg2

STEPS = []


def step(function):
    STEPS.append(function)
    return function


@step
def reference(cr, args):
    """Numbered lists of what the generated rows pick from."""
    cr.execute(
        """
        CREATE TEMP TABLE bench_user AS
        SELECT row_number() OVER (ORDER BY u.id) AS n, u.id,
               COALESCE((SELECT MIN(m.crm_team_id) FROM crm_team_member m
                          WHERE m.user_id = u.id AND m.active IS NOT FALSE),
                        (SELECT MIN(id) FROM crm_team)) AS team_id
          FROM res_users u WHERE u.share IS NOT TRUE AND u.active;
        CREATE TEMP TABLE bench_district AS
        SELECT row_number() OVER (ORDER BY id) AS n, id
          FROM crm_zz_district WHERE kind != 'zone';
        CREATE TEMP TABLE bench_stage AS
        SELECT row_number() OVER (ORDER BY sequence, id) AS n, id, is_won
          FROM crm_stage WHERE team_id IS NULL;
        CREATE TEMP TABLE bench_product AS
        SELECT row_number() OVER (ORDER BY pp.id) AS n, pp.id, pt.uom_id,
               COALESCE(NULLIF(pt.list_price, 0), 100) AS price
          FROM product_product pp JOIN product_template pt ON pt.id = pp.product_tmpl_id
         WHERE pp.active AND pt.sale_ok AND pt.type != 'combo';
        """
    )


@step
def customers(cr, args):
    cr.execute(
        """
        CREATE TEMP TABLE bench_partner (n integer PRIMARY KEY, id integer,
                                         user_id integer, team_id integer);
        WITH pick AS (
            SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                   1 + floor(random() * (SELECT count(*) FROM bench_user))::int AS un,
                   1 + floor(random() * (SELECT count(*) FROM bench_district))::int AS dn,
                   1 + floor(random() * (SELECT count(*) FROM crm_zz_park))::int AS pn,
                   1 + floor(random() * (SELECT count(*) FROM res_partner_industry))::int
                       AS inn,
                   1 + floor(random() * 7)::int AS gn
              FROM generate_series(1, %(customers)s) g
        ), new AS (
            SELECT g,
                   (ARRAY['郑州', '中原', '河南', '豫', '金水', '二七', '管城', '惠济',
                          '郑东', '航空港', '高新', '经开'])[1 + floor(r1 * 12)::int]
                   || (ARRAY['宏达', '恒信', '华盛', '鑫源', '瑞丰', '天成', '正弘', '汇通',
                             '博远', '永安', '嘉禾', '新亚', '众诚', '金石', '安泰', '国立'])
                          [1 + floor(r2 * 16)::int]
                   || (ARRAY['', '', '伟业', '兴达', '长青', '宇航', '泰和', '盛世'])
                          [1 + floor(r3 * 8)::int]
                   || (ARRAY['科技', '贸易', '机械', '食品', '物流', '建材', '电子', '医药',
                             '纺织', '汽车配件', '环保', '信息技术'])[1 + floor(r4 * 12)::int]
                   || '有限公司' AS name,
                   u.id AS user_id, u.team_id, d.id AS district_id,
                   CASE WHEN zone.kind = 'zone' THEN zone.id END AS zone_id,
                   park.id AS park_id,
                   (SELECT array_agg(id ORDER BY id) FROM res_partner_industry)[inn]
                       AS industry_id,
                   (ARRAY['a', 'b', 'b', 'c', 'c', 'c', 'd'])[gn] AS grade
              FROM pick
              JOIN bench_user u ON u.n = pick.un
              JOIN bench_district d ON d.n = pick.dn
              JOIN (SELECT row_number() OVER (ORDER BY id) AS n, id, district_id
                      FROM crm_zz_park) park ON park.n = pick.pn
         LEFT JOIN crm_zz_district zone ON zone.id = park.district_id
        ), ins AS (
            INSERT INTO res_partner (name, complete_name, ref, is_company, active, type,
                                     user_id, company_id, zz_district_id, zz_zone_id,
                                     zz_park_id, industry_id, zz_grade, autopost_bills,
                                     create_date, write_date)
            SELECT name, name, 'BENCH-' || g, TRUE, TRUE, 'contact', user_id, NULL,
                   district_id, zone_id, park_id, industry_id, grade, 'ask', NOW(), NOW()
              FROM new
         RETURNING id, ref, user_id
        )
        INSERT INTO bench_partner
        SELECT substr(ins.ref, 7)::int, ins.id, ins.user_id, u.team_id
          FROM ins JOIN bench_user u ON u.id = ins.user_id;
        UPDATE res_partner p SET commercial_partner_id = p.id
          FROM bench_partner b WHERE b.id = p.id;
        ANALYZE bench_partner;
        """,
        {"customers": args.customers},
    )


@step
def leads(cr, args):
    cr.execute(
        """
        CREATE TEMP TABLE bench_lead AS
        SELECT g AS n, nextval('crm_lead_id_seq')::int AS id,
               p.id AS partner_id, p.user_id, p.team_id,
               -- most leads stop early: rank 1 for half, the won stage for a few
               LEAST((SELECT count(*) FROM bench_stage),
                     1 + floor((SELECT count(*) FROM bench_stage) * random() ^ 1.6))::int
                   AS rank,
               random() < 0.1 AS lost,
               round((1000 + random() ^ 2 * 500000)::numeric, 2) AS revenue,
               date_trunc('second', NOW() AT TIME ZONE 'UTC'
                                    - random() * interval '3 years') AS created,
               CASE WHEN random() < 0.3 THEN
                   (SELECT array_agg(id ORDER BY id) FROM utm_campaign)
                       [1 + floor(random() * (SELECT count(*) FROM utm_campaign))::int]
               END AS campaign_id,
               (ARRAY['设备采购', '系统升级', '年度框架协议', '备件补货', '技术改造',
                      '软件订阅', '物流外包', '办公用品集采'])[1 + floor(random() * 8)::int]
                   AS need
          FROM (SELECT g, 1 + floor(random() * (SELECT count(*) FROM bench_partner))::int AS pn
                  FROM generate_series(1, %(leads)s) g) x
          JOIN bench_partner p ON p.n = x.pn;
        ALTER TABLE bench_lead ADD PRIMARY KEY (id);
        UPDATE bench_lead SET lost = FALSE
         WHERE rank = (SELECT MAX(n) FROM bench_stage);
        ANALYZE bench_lead;
        INSERT INTO crm_lead (id, name, type, active, user_id, team_id, company_id, stage_id,
                              partner_id, zz_district_id, zz_zone_id, zz_park_id,
                              zz_industry_id, campaign_id, expected_revenue, probability,
                              prorated_revenue, create_date, write_date, date_deadline,
                              date_closed, date_last_stage_update, date_open)
        SELECT l.id, p.name || ' - ' || l.need, 'opportunity', NOT l.lost, l.user_id,
               l.team_id, 1, s.id, p.id, p.zz_district_id, p.zz_zone_id, p.zz_park_id,
               p.industry_id, l.campaign_id, l.revenue,
               CASE WHEN l.lost THEN 0 WHEN s.is_won THEN 100 ELSE 10 + 20 * l.rank END,
               CASE WHEN l.lost THEN 0 WHEN s.is_won THEN l.revenue
                    ELSE l.revenue * (10 + 20 * l.rank) / 100 END,
               l.created, l.created, (l.created + interval '60 days')::date,
               CASE WHEN l.lost OR s.is_won THEN l.created + l.rank * interval '9 days' END,
               l.created + (l.rank - 1) * interval '7 days', l.created
          FROM bench_lead l
          JOIN res_partner p ON p.id = l.partner_id
          JOIN bench_stage s ON s.n = l.rank;
        """,
        {"leads": args.leads},
    )


@step
def stage_history(cr, args):
    """One tracked stage change per stage passed, as the chatter records it."""
    cr.execute(
        """
        CREATE TEMP TABLE bench_move AS
        SELECT nextval('mail_message_id_seq')::int AS message_id, l.id AS lead_id,
               prev.id AS old_stage, s.id AS new_stage,
               l.created + (s.n - 1) * interval '7 days'
                         - floor(random() * 3) * interval '1 day' AS date
          FROM bench_lead l
          JOIN bench_stage s ON s.n BETWEEN 2 AND l.rank
          JOIN bench_stage prev ON prev.n = s.n - 1;
        INSERT INTO mail_message (id, model, res_id, message_type, subtype_id, date,
                                  create_date, write_date, body)
        SELECT m.message_id, 'crm.lead', m.lead_id, 'notification',
               (SELECT res_id FROM ir_model_data
                 WHERE module = 'crm' AND name = 'mt_lead_stage'),
               m.date, m.date, m.date, ''
          FROM bench_move m;
        INSERT INTO mail_tracking_value (field_id, mail_message_id, old_value_integer,
                                         new_value_integer, old_value_char, new_value_char,
                                         create_date, write_date)
        SELECT (SELECT id FROM ir_model_fields WHERE model = 'crm.lead' AND name = 'stage_id'),
               m.message_id, m.old_stage, m.new_stage, os.name->>'en_US', ns.name->>'en_US',
               m.date, m.date
          FROM bench_move m
          JOIN crm_stage os ON os.id = m.old_stage
          JOIN crm_stage ns ON ns.id = m.new_stage;
        """
    )


@step
def sale_orders(cr, args):
    cr.execute(
        """
        CREATE TEMP TABLE bench_order AS
        SELECT g AS n, nextval('sale_order_id_seq')::int AS id, p.id AS partner_id,
               p.user_id, p.team_id,
               date_trunc('second', NOW() AT TIME ZONE 'UTC'
                                    - random() * interval '3 years') AS date_order,
               CASE WHEN random() < 0.3 THEN
                   (SELECT array_agg(id ORDER BY id) FROM utm_campaign)
                       [1 + floor(random() * (SELECT count(*) FROM utm_campaign))::int]
               END AS campaign_id,
               g %% 4 AS basket
          -- a few customers order often, most seldom
          FROM (SELECT g,
                       1 + floor((SELECT count(*) FROM bench_partner) * random() ^ 2)::int AS pn
                  FROM generate_series(1, %(orders)s) g) x
          JOIN bench_partner p ON p.n = x.pn;
        ALTER TABLE bench_order ADD PRIMARY KEY (n);
        INSERT INTO sale_order (id, name, company_id, partner_id, partner_invoice_id,
                                partner_shipping_id, date_order, picking_policy, state,
                                user_id, team_id, campaign_id, currency_id, amount_untaxed,
                                amount_tax, amount_total, currency_rate, create_date,
                                write_date)
        SELECT o.id, 'BENCH/' || o.n, 1, o.partner_id, o.partner_id, o.partner_id,
               o.date_order, 'direct', 'sale', o.user_id, o.team_id, o.campaign_id,
               (SELECT currency_id FROM res_company WHERE id = 1), 0, 0, 0, 1,
               o.date_order, o.date_order
          FROM bench_order o;
        -- five lines an order, from a basket of related products
        INSERT INTO sale_order_line (order_id, sequence, name, product_id, product_uom,
                                     product_uom_qty, price_unit, price_subtotal, price_tax,
                                     price_total, customer_lead, state, company_id,
                                     currency_id, order_partner_id, salesman_id,
                                     create_date, write_date)
        SELECT o.id, g, '基准产品', pr.id, pr.uom_id, qty, pr.price, pr.price * qty, 0,
               pr.price * qty, 0, 'sale', 1,
               (SELECT currency_id FROM res_company WHERE id = 1), o.partner_id, o.user_id,
               o.date_order, o.date_order
          FROM (SELECT g, 1 + (g - 1) %% %(orders)s AS order_n,
                       1 + floor(random() * 5) AS qty, random() AS pick
                  FROM generate_series(1, %(lines)s) g) line
          JOIN bench_order o ON o.n = line.order_n
          JOIN bench_product pr
            ON pr.n = 1 + (o.basket * 4 + floor(line.pick ^ 2 * 8)::int)
                          %% (SELECT count(*) FROM bench_product);
        UPDATE sale_order so SET amount_untaxed = t.total, amount_total = t.total
          FROM (SELECT line.order_id, SUM(line.price_subtotal) AS total
                  FROM sale_order_line line JOIN bench_order o ON o.id = line.order_id
                 GROUP BY line.order_id) t
         WHERE t.order_id = so.id;
        """,
        {"orders": max(1, args.lines // 5), "lines": args.lines},
    )


@step
def invoices(cr, args):
    """One posted invoice per order older than a month: most paid, a tenth not."""
    cr.execute(
        """
        INSERT INTO account_move (name, journal_id, company_id, currency_id, state,
                                  move_type, auto_post, date, invoice_date,
                                  invoice_date_due, partner_id, commercial_partner_id,
                                  invoice_user_id, team_id, campaign_id, invoice_origin,
                                  amount_untaxed, amount_total, amount_residual,
                                  amount_untaxed_signed, amount_total_signed,
                                  amount_residual_signed, payment_state, create_date,
                                  write_date)
        SELECT 'INV/BENCH/' || o.n,
               (SELECT MIN(id) FROM account_journal WHERE type = 'sale' AND company_id = 1),
               1, (SELECT currency_id FROM res_company WHERE id = 1), 'posted',
               'out_invoice', 'no', day, day, day + 30, o.partner_id, o.partner_id,
               o.user_id, o.team_id, o.campaign_id, 'BENCH/' || o.n,
               so.amount_untaxed, so.amount_total, CASE WHEN unpaid THEN so.amount_total ELSE 0 END,
               so.amount_untaxed, so.amount_total,
               CASE WHEN unpaid THEN so.amount_total ELSE 0 END,
               CASE WHEN unpaid THEN 'not_paid' ELSE 'paid' END, NOW(), NOW()
          FROM (SELECT o.*, (o.date_order + interval '7 days')::date AS day,
                       random() < 0.1 AS unpaid
                  FROM bench_order o
                 WHERE o.date_order < NOW() AT TIME ZONE 'UTC' - interval '30 days') o
          JOIN sale_order so ON so.id = o.id
        """
    )


@step
def lifecycle_history(cr, args):
    """1 to 3 lifecycle stage changes per customer (potential, active, dormant, then
    lost or active again), what the lifecycle analysis reads."""
    cr.execute(
        """
        WITH customer AS (
            SELECT b.id, b.user_id, 1 + floor(random() * 3)::int AS changes,
                   (NOW() AT TIME ZONE 'UTC' - random() * interval '3 years')::date AS start
              FROM bench_partner b
        ), change AS (
            SELECT c.id, c.user_id, k,
                   c.start + (k - 1) * (30 + floor(random() * 240)::int) AS date,
                   random() < 0.05 AS manual, random() < 0.5 AS comes_back
              FROM customer c CROSS JOIN LATERAL generate_series(1, c.changes) k
        )
        INSERT INTO crm_zz_partner_lifecycle_history (partner_id, company_id, user_id, date,
                                                      stage_from, stage_to, is_manual,
                                                      create_date, write_date)
        SELECT id, NULL, user_id, LEAST(date, (NOW() AT TIME ZONE 'UTC')::date),
               (ARRAY['potential', 'active', 'dormant'])[k],
               CASE k WHEN 1 THEN 'active' WHEN 2 THEN 'dormant'
                      ELSE CASE WHEN comes_back THEN 'active' ELSE 'lost' END END,
               manual, NOW(), NOW()
          FROM change
        """
    )


@step
def tickets(cr, args):
    cr.execute(
        """
        INSERT INTO helpdesk_ticket (number, name, description, partner_id,
                                     commercial_partner_id, company_id, team_id, user_id,
                                     stage_id, priority, active, zz_request_type,
                                     create_date, write_date, last_stage_update, closed_date)
        SELECT 'BENCH-' || g, t.topic, t.topic, p.id, p.id, 1,
               (SELECT MIN(id) FROM helpdesk_ticket_team), NULL,
               CASE WHEN t.open
                    THEN (SELECT MIN(id) FROM helpdesk_ticket_stage WHERE NOT closed)
                    ELSE (SELECT MIN(id) FROM helpdesk_ticket_stage WHERE closed) END,
               (ARRAY['0', '1', '1', '2', '3'])[1 + floor(random() * 5)::int], TRUE,
               (ARRAY['service', 'consultation', 'repair', 'complaint'])
                   [1 + floor(random() * 4)::int],
               t.created, t.created, t.created,
               CASE WHEN NOT t.open THEN t.created + random() * interval '5 days' END
          FROM (SELECT g, random() < 0.2 AS open,
                       date_trunc('second', NOW() AT TIME ZONE 'UTC'
                                            - random() * interval '2 years') AS created,
                       (ARRAY['设备故障报修', '发票开具咨询', '交货延迟投诉', '安装调试预约',
                              '配件更换申请'])[1 + floor(random() * 5)::int] AS topic,
                       1 + floor(random() * (SELECT count(*) FROM bench_partner))::int AS pn
                  FROM generate_series(1, %(tickets)s) g) t
          JOIN bench_partner p ON p.n = t.pn
        """,
        {"tickets": args.tickets},
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--customers", type=int, default=50000)
    parser.add_argument("--leads", type=int, default=1000000)
    parser.add_argument("--lines", type=int, default=500000)
    parser.add_argument("--tickets", type=int, default=50000)
    parser.add_argument("--seed", type=float, default=0.2026)
    args = parser.parse_args()
    connection = psycopg2.connect(dbname=args.database)
    with connection, connection.cursor() as cr:
        cr.execute("SELECT setseed(%s)", (args.seed,))
        for function in STEPS:
            started = time.perf_counter()
            function(cr, args)
            print(f"{function.__name__}: {time.perf_counter() - started:.1f} s", flush=True)
    connection.autocommit = True
    with connection.cursor() as cr:
        cr.execute("VACUUM ANALYZE")
    connection.close()


if __name__ == "__main__":
    main()
