# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmZzPartnerShare(models.Model):
    """A customer shared with another salesperson, to read or to edit, maybe until a date.

    The record rules on ``res.partner`` read these rows: a salesman sees the
    customers he owns, those shared with him and not expired, and the pool.
    """

    _name = "crm.zz.partner.share"
    _description = "Customer Sharing"
    _order = "partner_id, user_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('parent_id', '=', False)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Shared With",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('share', '=', False)]",
    )
    access = fields.Selection(
        [("read", "Read"), ("write", "Read and Edit")],
        string="Access Level",
        required=True,
        default="read",
    )
    date_end = fields.Date(string="Until", help="Leave empty to share without an end.")
    is_expired = fields.Boolean(
        compute="_compute_is_expired",
        string="Expired",
        store=True,
        index=True,
        help="Set when the end date has passed; checked every night and on each change.",
    )
    owner_id = fields.Many2one(related="partner_id.user_id", string="Owner")
    company_id = fields.Many2one(related="partner_id.company_id", store=True)

    _sql_constraints = [
        (
            "partner_user_uniq",
            "unique(partner_id, user_id)",
            "This customer is already shared with this salesperson.",
        ),
    ]

    @api.depends("date_end")
    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for share in self:
            share.is_expired = bool(share.date_end and share.date_end < today)

    @api.model
    def _cron_expire(self):
        """Nightly: end the shares whose date has passed (the record rules read the flag)."""
        today = fields.Date.context_today(self)
        self.search([("is_expired", "=", False), ("date_end", "<", today)]).write(
            {"is_expired": True}
        )
