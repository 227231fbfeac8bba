# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzPartnerOwnerHistory(models.Model):
    """Who held a customer, from when, and why it changed hands.

    Written by the system whenever the salesperson of a customer changes:
    transfers, claims from and releases to the public pool, recalls.
    """

    _name = "crm.zz.partner.owner.history"
    _description = "Customer Ownership History"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_from_id = fields.Many2one("res.users", string="Previous Salesperson", index=True)
    user_to_id = fields.Many2one("res.users", string="New Salesperson", index=True)
    kind = fields.Selection(
        [
            ("assign", "Assigned"),
            ("transfer", "Transfer"),
            ("claim", "Claimed from Pool"),
            ("release", "Released to Pool"),
            ("recall", "Recalled to Pool"),
        ],
        string="Change",
        required=True,
        default="assign",
    )
    reason = fields.Text()
    changed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one(related="partner_id.company_id", store=True)
