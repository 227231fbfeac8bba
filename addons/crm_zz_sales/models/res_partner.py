# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Deals and the road to cash on the customer's 360° view (company currency)
    zz_open_opportunity_count = fields.Integer(
        string="Open Deals", compute="_compute_zz_opportunity_counts"
    )
    zz_won_opportunity_count = fields.Integer(
        string="Won Deals", compute="_compute_zz_opportunity_counts"
    )
    zz_cash_order_amount = fields.Monetary(
        string="Ordered Amount", compute="_compute_zz_road_to_cash", currency_field="zz_currency_id"
    )
    zz_cash_invoiced_amount = fields.Monetary(
        string="Invoiced Amount",
        compute="_compute_zz_road_to_cash",
        currency_field="zz_currency_id",
    )
    zz_cash_paid_amount = fields.Monetary(
        string="Paid Amount", compute="_compute_zz_road_to_cash", currency_field="zz_currency_id"
    )
    zz_cash_overdue_amount = fields.Monetary(
        string="Overdue Amount", compute="_compute_zz_road_to_cash", currency_field="zz_currency_id"
    )
    zz_currency_id = fields.Many2one(
        "res.currency", compute="_compute_zz_road_to_cash", string="Company Currency"
    )

    def _compute_zz_opportunity_counts(self):
        Lead = self.env["crm.lead"]
        groups = Lead._read_group(
            [
                ("partner_id", "child_of", self.commercial_partner_id.ids),
                ("type", "=", "opportunity"),
            ],
            ["partner_id", "stage_id"],
            ["__count"],
        )
        open_counts, won_counts = {}, {}
        for partner, stage, count in groups:
            counts = won_counts if stage.is_won else open_counts
            key = partner.commercial_partner_id.id
            counts[key] = counts.get(key, 0) + count
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.zz_open_opportunity_count = open_counts.get(key, 0)
            partner.zz_won_opportunity_count = won_counts.get(key, 0)

    def _compute_zz_road_to_cash(self):
        commercial = self.commercial_partner_id
        orders = self.env["sale.order"]._read_group(
            [("partner_id", "child_of", commercial.ids), ("state", "=", "sale")],
            ["partner_id"],
            ["amount_total:sum"],  # amount in the order currency: see ROADMAP
        )
        ordered = {}
        for partner, amount in orders:
            key = partner.commercial_partner_id.id
            ordered[key] = ordered.get(key, 0.0) + amount
        moves_domain = [
            ("commercial_partner_id", "in", commercial.ids),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("state", "=", "posted"),
        ]
        Move = self.env["account.move"]
        invoiced = {
            partner.id: (total, residual)
            for partner, total, residual in Move._read_group(
                moves_domain,
                ["commercial_partner_id"],
                ["amount_total_signed:sum", "amount_residual_signed:sum"],
            )
        }
        overdue = dict(
            Move._read_group(
                [*moves_domain, ("invoice_date_due", "<", fields.Date.context_today(self))],
                ["commercial_partner_id"],
                ["amount_residual_signed:sum"],
            )
        )
        overdue = {partner.id: amount for partner, amount in overdue.items()}
        for partner in self:
            key = partner.commercial_partner_id.id
            total, residual = invoiced.get(key, (0.0, 0.0))
            partner.zz_currency_id = self.env.company.currency_id
            partner.zz_cash_order_amount = ordered.get(key, 0.0)
            partner.zz_cash_invoiced_amount = total
            partner.zz_cash_paid_amount = total - residual
            partner.zz_cash_overdue_amount = overdue.get(key, 0.0)

    def action_zz_view_opportunities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_opportunities")
        action["domain"] = [
            ("partner_id", "child_of", self.commercial_partner_id.id),
            ("type", "=", "opportunity"),
        ]
        action["context"] = {"default_partner_id": self.id, "default_type": "opportunity"}
        return action
