# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import clusters

DEFAULT_K = 5


class CrmZzCustomerCluster(models.Model):
    """Groups of customers alike in value (RFM), industry, district and what
    they order, found by k-means (``tools/clusters.py``) and named by the traits
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
        _ = self.env._
        labels = {
            clusters.HIGH_VALUE: _("High value"),
            clusters.LOW_VALUE: _("Low value"),
            clusters.FREQUENT: _("Frequent buyers"),
            clusters.RARE: _("Occasional buyers"),
            clusters.RECENT: _("Bought recently"),
            clusters.DORMANT: _("Dormant"),
        }
        if code in labels:
            return labels[code]
        return value

    def _name_of(self, traits):
        labels = [self._trait_label(code, value) for code, value in traits]
        return " · ".join(labels[:4]) if labels else self.env._("Mixed customers")

    def _fetch_facts(self, partners):
        self.env["sale.order.line"].flush_model()
        partners.flush_recordset()
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
        categories = {}
        for partner_id, categ_id, amount in self.env.cr.fetchall():
            mix.setdefault(partner_id, {})[categ_id] = float(amount or 0.0)
            categories[categ_id] = True
        names = dict(
            (categ.id, categ.complete_name)
            for categ in self.env["product.category"].browse(list(categories))
        )
        facts = []
        for partner in partners:
            amounts = mix.get(partner.id, {})
            total = sum(amounts.values())
            facts.append(
                clusters.CustomerFacts(
                    key=partner.id,
                    recency_days=partner.zz_rfm_recency_days or 0.0,
                    frequency=partner.zz_rfm_frequency or 0.0,
                    monetary=partner.zz_rfm_monetary or 0.0,
                    industry=partner.industry_id.display_name or "",
                    district=partner.zz_district_id.display_name or "",
                    order_mix={names[c]: a / total for c, a in amounts.items()} if total else {},
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
                [("is_company", "=", True), ("parent_id", "=", False), ("zz_rfm_frequency", ">", 0)]
            )
            self.search([]).unlink()
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
        for lang, _label in self.env["res.lang"].get_installed():
            for record, group in zip(records.with_context(lang=lang), found, strict=True):
                record.name = record._name_of(group.traits)
        for record, group in zip(records, found, strict=True):
            Partner.browse(group.keys).with_context(tracking_disable=True).write(
                {"zz_cluster_id": record.id}
            )
        return records

    def action_refresh(self):
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
