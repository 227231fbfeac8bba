# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class CrmZzPartnerTransfer(models.TransientModel):
    """Move customers from one salesperson to another, with a reason in their history.

    ``_zz_transfer_related`` is the hook other modules extend to move more than
    activities (crm_zz_sales: the customer's open leads).
    """

    _name = "crm.zz.partner.transfer"
    _description = "Transfer Customers"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain="[('parent_id', '=', False)]",
    )
    user_from_id = fields.Many2one(
        "res.users",
        string="From Salesperson",
        domain="[('share', '=', False)]",
        help="Pick a salesperson to transfer all of his customers.",
    )
    user_to_id = fields.Many2one(
        "res.users",
        string="To Salesperson",
        required=True,
        domain="[('share', '=', False)]",
    )
    reason = fields.Text(required=True)
    include_activities = fields.Boolean(
        string="Move Open Activities",
        default=True,
        help="Reassign the open activities the previous salesperson has on these customers.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "res.partner" and "partner_ids" in fields_list:
            partners = self.env["res.partner"].browse(self.env.context.get("active_ids", []))
            values["partner_ids"] = [Command.set(partners.commercial_partner_id.ids)]
        return values

    @api.onchange("user_from_id")
    def _onchange_user_from_id(self):
        if self.user_from_id:
            self.partner_ids = self.env["res.partner"].search(
                [("user_id", "=", self.user_from_id.id), ("parent_id", "=", False)]
            )

    def action_transfer(self):
        self.ensure_one()
        partners = self.partner_ids.commercial_partner_id
        if not partners:
            raise UserError(self.env._("Choose the customers to transfer."))
        others = partners._zz_not_owned()
        if others:
            raise UserError(
                self.env._(
                    "You can only transfer your own customers: %(names)s.",
                    names=", ".join(others.mapped("name")),
                )
            )
        moving = partners.filtered(lambda p: p.user_id != self.user_to_id)
        # the cap of the new owner is checked by the write (_zz_check_owner_cap)
        previous_owners = moving.user_id
        contacts = moving.child_ids.filtered(lambda c: c.user_id in previous_owners)
        # sudo: a salesman transfers his own customers to someone he may not see afterwards
        (moving | contacts).sudo().with_context(
            zz_owner_change="transfer", zz_owner_reason=self.reason
        ).write({"user_id": self.user_to_id.id})
        self._zz_transfer_related(moving, previous_owners)
        return {"type": "ir.actions.act_window_close"}

    def _zz_transfer_related(self, partners, previous_owners):
        """Move what goes with the customers; extend to move leads, tickets..."""
        if not self.include_activities or not previous_owners:
            return
        customers = partners | partners.child_ids
        activities = (
            self.env["mail.activity"]
            .sudo()  # sudo: reassign the previous owner's activities on these customers
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", customers.ids),
                    ("user_id", "in", previous_owners.ids),
                ]
            )
        )
        activities.write({"user_id": self.user_to_id.id})
