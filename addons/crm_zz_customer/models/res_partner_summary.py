# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    """The 360° view: every figure of a customer, computed in batch.

    Figures are kept on the commercial partner (the company); its contacts show
    the company's figures. Other modules add their own figures the same way,
    and their view xpaths into the ``zz_summary`` group.
    """

    _inherit = "res.partner"

    # Interactions
    zz_interaction_ids = fields.One2many(
        "crm.zz.interaction", "commercial_partner_id", string="Interactions"
    )
    zz_interaction_count = fields.Integer(
        string="Interaction Count", compute="_compute_zz_interaction_count"
    )
    zz_last_contact_date = fields.Datetime(
        string="Last Contact",
        compute="_compute_zz_last_contact_date",
        store=True,
        help="Date of the last logged interaction with the customer.",
    )

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

    def action_zz_view_interactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_customer.crm_zz_interaction_action"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
