# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmLead(models.Model):
    """From opportunity to order, delivery and paid invoice."""

    _inherit = "crm.lead"

    # Road to cash (company currency). Computed as superuser: whoever may read the
    # opportunity sees the totals of its orders and invoices, even those an accountant
    # or a colleague holds, which record rules would otherwise hide or refuse.
    zz_order_amount = fields.Monetary(
        string="Ordered",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
        currency_field="company_currency",
        help="Confirmed orders of the opportunity, taxes excluded, as on the customer.",
    )
    zz_delivery_status = fields.Selection(
        [("pending", "Not Delivered"), ("partial", "Partially Delivered"), ("full", "Delivered")],
        string="Delivery",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
    )
    zz_invoiced_amount = fields.Monetary(
        string="Invoiced",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
        currency_field="company_currency",
    )
    zz_paid_amount = fields.Monetary(
        string="Paid",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
        currency_field="company_currency",
    )
    zz_overdue_amount = fields.Monetary(
        string="Overdue",
        compute="_compute_zz_road_to_cash",
        compute_sudo=True,
        currency_field="company_currency",
    )

    @api.depends("order_ids.state", "order_ids.amount_untaxed")
    def _compute_zz_road_to_cash(self):
        zero = dict.fromkeys(
            ("zz_order_amount", "zz_invoiced_amount", "zz_paid_amount", "zz_overdue_amount"), 0.0
        )
        figures = {lead.id: dict(zero, statuses=set()) for lead in self}
        orders = self.env["sale.order"].search_fetch(
            [("opportunity_id", "in", self.ids), ("state", "=", "sale")],
            ["opportunity_id", "amount_untaxed", "currency_id", "company_id", "date_order"],
        )
        today = fields.Date.context_today(self)
        for order in orders:
            lead_figures = figures[order.opportunity_id.id]
            lead_figures["zz_order_amount"] += order.currency_id._convert(
                order.amount_untaxed,
                order.company_id.currency_id,
                order.company_id,
                order.date_order,
            )
            lead_figures["statuses"].add(order.delivery_status or "pending")
            lead_figures.setdefault("invoices", self.env["account.move"])
            lead_figures["invoices"] |= order.invoice_ids.filtered(
                lambda move: move.state == "posted"
            )
        for lead in self:
            lead_figures = figures[lead.id]
            for move in lead_figures.pop("invoices", []):
                lead_figures["zz_invoiced_amount"] += move.amount_total_signed
                lead_figures["zz_paid_amount"] += (
                    move.amount_total_signed - move.amount_residual_signed
                )
                if move.invoice_date_due and move.invoice_date_due < today:
                    lead_figures["zz_overdue_amount"] += move.amount_residual_signed
            statuses = lead_figures.pop("statuses")
            if not statuses:
                status = False
            elif statuses == {"full"}:
                status = "full"
            elif statuses == {"pending"}:
                status = "pending"
            else:
                status = "partial"
            lead.update(dict(lead_figures, zz_delivery_status=status))
