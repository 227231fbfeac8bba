# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

MIN_PAIR_ORDERS = 2
SUGGESTIONS = 5


class CrmZzProductAffinity(models.Model):
    """Products bought together, from the lines of confirmed sale orders of each
    company: for each ordered pair (A, B), how many orders hold both (support, as
    a share of all orders), how often an order with A also holds B (confidence)
    and how much more often than chance (lift = confidence / share of orders
    with B). Rebuilt in one set-based statement; pairs seen in fewer than two
    orders are left out."""

    _name = "crm.zz.product.affinity"
    _description = "Products Bought Together"
    _order = "lift desc, pair_count desc, id"
    _rec_name = "product_id"

    product_id = fields.Many2one(
        "product.product", string="Bought", required=True, index=True, ondelete="cascade"
    )
    other_product_id = fields.Many2one(
        "product.product", string="Also Bought", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True, ondelete="cascade")
    pair_count = fields.Integer(string="Orders with Both", readonly=True)
    product_count = fields.Integer(string="Orders with Product", readonly=True)
    other_count = fields.Integer(string="Orders with Other", readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True)
    support = fields.Float(string="Support (%)", digits=(16, 2), readonly=True)
    confidence = fields.Float(string="Confidence (%)", digits=(16, 2), readonly=True)
    lift = fields.Float(digits=(16, 3), readonly=True)

    @api.model
    def _refresh(self):
        for model in ("sale.order", "sale.order.line"):
            self.env[model].flush_model()
        self.flush_model()
        # a rebuild of this model's own table: nothing stored depends on it, and its
        # cache is invalidated below
        self.env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """
                WITH basket AS (
                    SELECT DISTINCT so.company_id, line.order_id, line.product_id
                      FROM sale_order_line line
                      JOIN sale_order so ON so.id = line.order_id
                     WHERE so.state = 'sale' AND line.product_id IS NOT NULL
                           AND line.display_type IS NULL
                ), total AS (
                    SELECT company_id, COUNT(DISTINCT order_id) AS n
                      FROM basket GROUP BY company_id
                ), single AS (
                    SELECT company_id, product_id, COUNT(*) AS n
                      FROM basket GROUP BY company_id, product_id
                ), pair AS (
                    SELECT a.company_id, a.product_id AS p1, b.product_id AS p2, COUNT(*) AS n
                      FROM basket a
                      JOIN basket b ON b.order_id = a.order_id AND b.product_id != a.product_id
                  GROUP BY a.company_id, a.product_id, b.product_id
                    HAVING COUNT(*) >= %(min_pair)s
                )
                INSERT INTO crm_zz_product_affinity (
                    product_id, other_product_id, company_id, pair_count, product_count,
                    other_count, order_count, support, confidence, lift,
                    create_uid, create_date, write_uid, write_date)
                SELECT pair.p1, pair.p2, pair.company_id, pair.n, s1.n, s2.n, total.n,
                       100.0 * pair.n / total.n,
                       100.0 * pair.n / s1.n,
                       pair.n::float * total.n / (s1.n * s2.n),
                       %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC'
                  FROM pair
                  JOIN total ON total.company_id = pair.company_id
                  JOIN single s1 ON s1.company_id = pair.company_id AND s1.product_id = pair.p1
                  JOIN single s2 ON s2.company_id = pair.company_id AND s2.product_id = pair.p2
                """,
                min_pair=MIN_PAIR_ORDERS,
                uid=self.env.uid,
            )
        )
        self.invalidate_model()

    @api.model
    def _bought_by_customer(self, partners):
        """{commercial partner id: ids of the products of its confirmed orders the
        user may read}, in one query."""
        commercial = partners.commercial_partner_id
        bought = {partner.id: set() for partner in commercial}
        if not commercial:
            return bought
        for partner, product in self.env["sale.order.line"]._read_group(
            [
                ("order_partner_id", "child_of", commercial.ids),
                ("state", "=", "sale"),
                ("product_id", "!=", False),
            ],
            ["order_partner_id", "product_id"],
        ):
            bought.setdefault(partner.commercial_partner_id.id, set()).add(product.id)
        return bought

    @api.model
    def _suggest(self, bought_by_key):
        """For each key (a customer, an opportunity, a quotation) and the products
        it holds, the products most bought with them that it does not hold yet,
        best lift first. One search for all keys."""
        all_products = set().union(*bought_by_key.values()) if bought_by_key else set()
        if not all_products:
            return {key: self.env["product.product"] for key in bought_by_key}
        pairs = self.search_fetch(
            [("product_id", "in", list(all_products)), ("lift", ">", 1.0)],
            ["product_id", "other_product_id", "lift"],
        )
        by_product = {}
        for pair in pairs:
            by_product.setdefault(pair.product_id.id, []).append(pair)
        result = {}
        for key, bought in bought_by_key.items():
            best = {}
            for product_id in bought:
                for pair in by_product.get(product_id, ()):
                    other = pair.other_product_id.id
                    if other not in bought and pair.lift > best.get(other, 0.0):
                        best[other] = pair.lift
            ranked = sorted(best, key=lambda p: (-best[p], p))[:SUGGESTIONS]
            result[key] = self.env["product.product"].browse(ranked)
        return result

    def action_refresh(self):
        # the refresh rewrites every customer's figures: managers only, whoever calls
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only sales managers can recompute the analysis."))
        self._refresh()
        return {"type": "ir.actions.client", "tag": "reload"}

    @api.model
    def _cron_refresh(self):
        self._refresh()
