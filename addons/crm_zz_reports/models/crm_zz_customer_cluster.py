# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools import clusters

DEFAULT_K = 5


class CrmZzCustomerCluster(models.Model):
    """Groups of customers alike in value (RFM of the value analysis, or of
    their confirmed orders when they have no invoice yet), industry, district
    and what they order, found by k-means (``tools/clusters.py``) and named by the traits
    that set them apart. A customer's cluster is on the customer
    (``zz_cluster_id``), so that a marketing segment can filter on it."""

    _name = "crm.zz.customer.cluster"
    _description = "Customer Cluster"
    _order = "size desc, id"

    name = fields.Char(required=True, translate=True)
    size = fields.Integer(string="Customers", readonly=True)
    partner_ids = fields.One2many("res.partner", "zz_cluster_id", string="Customers in Cluster")
    mean_monetary = fields.Float(string="Average Invoiced Revenue", readonly=True)
    mean_frequency = fields.Float(string="Average Invoices", digits=(16, 1), readonly=True)
    mean_recency = fields.Float(
        string="Average Days Since Last Invoice", digits=(16, 0), readonly=True
    )
    traits = fields.Json(readonly=True)

    def _trait_label(self, code, value):
        labels = {
            clusters.HIGH_VALUE: self.env._("High value"),
            clusters.LOW_VALUE: self.env._("Low value"),
            clusters.FREQUENT: self.env._("Frequent buyers"),
            clusters.RARE: self.env._("Occasional buyers"),
            clusters.RECENT: self.env._("Bought recently"),
            clusters.DORMANT: self.env._("Dormant"),
        }
        if code in labels:
            return labels[code]
        # industry, district and product category traits hold the record's id,
        # named in the language asked for
        model = {
            "industry": "res.partner.industry",
            "district": "crm.zz.district",
            "category": "product.category",
        }.get(code)
        if model and str(value).isdigit():
            record = self.env[model].browse(int(value)).exists()
            # name, not display_name: display_name is cached whatever the language
            field = "complete_name" if model == "product.category" else "name"
            return record[field] if record else ""
        return value

    def _name_of(self, traits):
        labels = [self._trait_label(code, value) for code, value in traits]
        return " · ".join(labels[:4]) if labels else self.env._("Mixed customers")

    def _fetch_orders(self, partner_ids=None):
        """{customer id: (orders, last order date, ordered amount)} of confirmed orders."""
        self.env["sale.order"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT p.commercial_partner_id, COUNT(*), MAX(so.date_order)::date,
                       SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0))
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale' %s
              GROUP BY p.commercial_partner_id
                """,
                SQL("AND p.commercial_partner_id = ANY(%s)", partner_ids)
                if partner_ids is not None
                else SQL(),
            )
        )
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    def _fetch_facts(self, partners):
        self.env["sale.order.line"].flush_model()
        partners.flush_recordset()
        orders = self._fetch_orders(partners.ids)
        today = fields.Date.context_today(self)
        mix = {}
        self.env.cr.execute(
            SQL(
                """
                SELECT p.commercial_partner_id, categ.id, SUM(line.price_subtotal)
                  FROM sale_order_line line
                  JOIN sale_order so ON so.id = line.order_id
                  JOIN res_partner p ON p.id = so.partner_id
                  JOIN product_product pp ON pp.id = line.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN product_category categ ON categ.id = pt.categ_id
                 WHERE so.state = 'sale' AND p.commercial_partner_id = ANY(%s)
              GROUP BY p.commercial_partner_id, categ.id
                """,
                partners.ids,
            )
        )
        for partner_id, categ_id, amount in self.env.cr.fetchall():
            mix.setdefault(partner_id, {})[categ_id] = float(amount or 0.0)
        facts = []
        for partner in partners:
            amounts = mix.get(partner.id, {})
            total = sum(amounts.values())
            # the value analysis's RFM (invoices) when it has one, else the orders'
            if partner.zz_rfm_frequency:
                recency = partner.zz_rfm_recency_days
                frequency = partner.zz_rfm_frequency
                monetary = partner.zz_rfm_monetary
            else:
                count, last, ordered = orders.get(partner.id, (0, today, 0.0))
                recency, frequency, monetary = (today - last).days, count, float(ordered or 0.0)
            facts.append(
                clusters.CustomerFacts(
                    key=partner.id,
                    recency_days=recency or 0.0,
                    frequency=frequency or 0.0,
                    monetary=monetary or 0.0,
                    industry=str(partner.industry_id.id or ""),
                    district=str(partner.zz_district_id.id or ""),
                    order_mix={str(c): a / total for c, a in amounts.items()} if total else {},
                )
            )
        return facts

    @api.model
    def _refresh(self, partners=None, k=DEFAULT_K):
        """Cluster ``partners`` (by default every invoiced customer, replacing the
        clusters found before)."""
        Partner = self.env["res.partner"]
        if partners is None:
            partners = Partner.search(
                [
                    ("is_company", "=", True),
                    ("parent_id", "=", False),
                    "|",
                    ("zz_rfm_frequency", ">", 0),
                    ("id", "in", list(self._fetch_orders())),
                ]
            )
            # the clusters found before, replaced by these
            self.with_context(active_test=False).search([("size", ">=", 0)]).unlink()
        found = clusters.cluster(self._fetch_facts(partners), k)
        records = self.create(
            [
                {
                    "name": self._name_of(group.traits),
                    "size": group.size,
                    "mean_monetary": group.mean_monetary,
                    "mean_frequency": group.mean_frequency,
                    "mean_recency": group.mean_recency,
                    "traits": [list(t) for t in group.traits],
                }
                for group in found
            ]
        )
        # the name in every installed language
        # English is the source value even when not an active language
        langs = {"en_US"} | {code for code, _label in self.env["res.lang"].get_installed()}
        for record, group in zip(records, found, strict=True):
            record.update_field_translations(
                "name",
                {lang: record.with_context(lang=lang)._name_of(group.traits) for lang in langs},
            )
        for record, group in zip(records, found, strict=True):
            Partner.browse(group.keys).with_context(tracking_disable=True).write(
                {"zz_cluster_id": record.id}
            )
        return records

    def action_refresh(self):
        # the refresh rewrites every customer's figures: managers only, whoever calls
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only sales managers can recompute the analysis."))
        # sudo: the clusters are recomputed over every customer, not only the manager's
        self.sudo()._refresh()
        return {"type": "ir.actions.client", "tag": "reload"}

    def action_view_customers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("base.action_partner_form")
        action["domain"] = [("zz_cluster_id", "=", self.id)]
        action["context"] = {"default_is_company": True}
        return action

    @api.model
    def _cron_refresh(self):
        self._refresh()
