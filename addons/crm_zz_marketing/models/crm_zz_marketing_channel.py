# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzMarketingChannel(models.Model):
    """A marketing channel a campaign uses and spends on: email, SMS, WeChat, trade
    show or event, offline ad, online ad."""

    _name = "crm.zz.marketing.channel"
    _description = "Marketing Channel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_unique", "unique(code)", "A channel code must be unique.")]
