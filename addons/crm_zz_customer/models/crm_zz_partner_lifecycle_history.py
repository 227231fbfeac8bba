# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .res_partner import LIFECYCLE_STAGES


class CrmZzPartnerLifecycleHistory(models.Model):
    """When a customer moved from one lifecycle stage to another.

    Append-only: written by the system (the daily stage job, a confirmed order or
    posted invoice, a stage override), one row per customer and change, in one
    batch per job run or write. The salesperson is the customer's owner at the
    time of the change."""

    _name = "crm.zz.partner.lifecycle.history"
    _description = "Customer Lifecycle History"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", index=True)
    user_id = fields.Many2one("res.users", string="Salesperson", index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    stage_from = fields.Selection(LIFECYCLE_STAGES, string="From Stage")
    stage_to = fields.Selection(LIFECYCLE_STAGES, string="To Stage", required=True)
    is_manual = fields.Boolean(
        string="Override", help="The stage was set by hand (Stage Override)."
    )
