# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models


class ResPartner(models.Model):
    """The 360° view: every figure of a customer, computed in batch.

    Figures are kept on the commercial partner (the company); its contacts show
    the company's figures. Other modules add their own figures the same way,
    and their view xpaths into the ``zz_summary`` group.
    """

    _inherit = "res.partner"

    # Interactions
    # interactions are sales business: other employees read customers without them
    zz_interaction_ids = fields.One2many(
        "crm.zz.interaction",
        "commercial_partner_id",
        string="Interactions",
        groups="sales_team.group_sale_salesman",
    )
    zz_interaction_count = fields.Integer(
        string="Interaction Count",
        compute="_compute_zz_interaction_count",
        groups="sales_team.group_sale_salesman",
    )
    zz_last_contact_date = fields.Datetime(
        string="Last Contact",
        compute="_compute_zz_last_contact_date",
        store=True,
        index=True,
        help="Date of the last logged interaction with the customer.",
    )

    # Sales
    zz_quotation_count = fields.Integer(
        string="Open Quotations", compute="_compute_zz_sale_figures"
    )
    zz_order_count = fields.Integer(string="Confirmed Orders", compute="_compute_zz_sale_figures")
    zz_order_amount = fields.Monetary(
        string="Ordered Amount",
        compute="_compute_zz_sale_figures",
        currency_field="currency_id",
        help="Total of confirmed sale orders, taxes excluded.",
    )

    # Invoicing
    zz_invoiced_amount = fields.Monetary(
        string="Invoiced",
        compute="_compute_zz_invoice_figures",
        currency_field="currency_id",
        help="Posted customer invoices minus credit notes, in the company currency.",
    )
    zz_paid_amount = fields.Monetary(
        string="Paid", compute="_compute_zz_invoice_figures", currency_field="currency_id"
    )
    zz_due_amount = fields.Monetary(
        string="Open Balance", compute="_compute_zz_invoice_figures", currency_field="currency_id"
    )
    zz_overdue_amount = fields.Monetary(
        string="Overdue", compute="_compute_zz_invoice_figures", currency_field="currency_id"
    )

    def _compute_zz_sale_figures(self):
        """One query for the counts and amounts of quotations and orders."""
        partners = self.commercial_partner_id
        figures = defaultdict(lambda: {"draft": 0, "sale": 0, "amount": 0.0})
        SaleOrder = self.env["sale.order"]
        if partners and SaleOrder.has_access("read"):
            groups = SaleOrder._read_group(
                [
                    ("partner_id.commercial_partner_id", "in", partners.ids),
                    ("state", "in", ("draft", "sent", "sale")),
                ],
                ["partner_id", "state"],
                ["__count", "amount_untaxed:sum"],
            )
            for partner, state, count, amount in groups:
                figure = figures[partner.commercial_partner_id.id]
                if state == "sale":
                    figure["sale"] += count
                    figure["amount"] += amount
                else:
                    figure["draft"] += count
        for partner in self:
            figure = figures[partner.commercial_partner_id.id]
            partner.zz_quotation_count = figure["draft"]
            partner.zz_order_count = figure["sale"]
            partner.zz_order_amount = figure["amount"]

    def _compute_zz_invoice_figures(self):
        """Two queries: invoiced and open balance, then what is past due."""
        partners = self.commercial_partner_id
        totals, overdue = {}, {}
        Move = self.env["account.move"]
        if partners and Move.has_access("read"):
            domain = [
                ("commercial_partner_id", "in", partners.ids),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
            ]
            totals = {
                partner: (total, residual)
                for partner, total, residual in Move._read_group(
                    domain,
                    ["commercial_partner_id"],
                    ["amount_total_signed:sum", "amount_residual_signed:sum"],
                )
            }
            overdue = dict(
                Move._read_group(
                    domain
                    + [
                        ("invoice_date_due", "<", fields.Date.context_today(self)),
                        ("payment_state", "in", ("not_paid", "partial")),
                    ],
                    ["commercial_partner_id"],
                    ["amount_residual_signed:sum"],
                )
            )
        for partner in self:
            total, residual = totals.get(partner.commercial_partner_id, (0.0, 0.0))
            partner.zz_invoiced_amount = total
            partner.zz_due_amount = residual
            partner.zz_paid_amount = total - residual
            partner.zz_overdue_amount = overdue.get(partner.commercial_partner_id, 0.0)

    def _compute_zz_interaction_count(self):
        partners = self.commercial_partner_id
        counts = dict(
            self.env["crm.zz.interaction"]._read_group(
                [("commercial_partner_id", "in", partners.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.zz_interaction_count = counts.get(partner.commercial_partner_id, 0)

    @api.depends("zz_interaction_ids.date")
    def _compute_zz_last_contact_date(self):
        last = dict(
            self.env["crm.zz.interaction"]
            .sudo()  # sudo: the date is a fact about the customer, whoever logged it
            ._read_group(
                [("commercial_partner_id", "in", self.ids)],
                ["commercial_partner_id"],
                ["date:max"],
            )
        )
        for partner in self:
            partner.zz_last_contact_date = last.get(partner, False)

    def action_zz_log_interaction(self):
        """Open the one-dialog quick form to log a call or a visit."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_customer.crm_zz_interaction_action_quick"
        )
        action["context"] = {
            "default_partner_id": self.commercial_partner_id.id,
            "default_contact_id": self.id if not self.is_company else False,
            "default_kind": self.env.context.get("zz_interaction_kind", "call"),
        }
        return action

    def action_zz_view_quotations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action["domain"] = [
            ("partner_id", "child_of", self.commercial_partner_id.id),
            ("state", "in", ("draft", "sent")),
        ]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    def action_zz_view_interactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_customer.crm_zz_interaction_action"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
