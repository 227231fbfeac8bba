# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmZzMarketingCost(models.Model):
    """What a campaign spent, per channel and date: the booth, the SMS package, the
    ads. Amounts in another currency are converted at the rate of the cost's date."""

    _name = "crm.zz.marketing.cost"
    _description = "Campaign Cost"
    _order = "date desc, id desc"

    campaign_id = fields.Many2one("utm.campaign", required=True, ondelete="cascade", index=True)
    channel_id = fields.Many2one("crm.zz.marketing.channel", string="Channel", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    name = fields.Char(string="Note")
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    amount_company = fields.Monetary(
        string="Amount in Company Currency",
        currency_field="company_currency_id",
        compute="_compute_amount_company",
        store=True,
    )

    @api.depends("amount", "currency_id", "date", "company_id")
    def _compute_amount_company(self):
        for cost in self:
            company = cost.company_id or self.env.company
            currency = cost.currency_id or company.currency_id
            cost.amount_company = currency._convert(
                cost.amount, company.currency_id, company, cost.date or fields.Date.today()
            )

    @api.constrains("amount")
    def _check_amount(self):
        for cost in self:
            if cost.amount < 0:
                raise ValidationError(
                    self.env._(
                        "Campaign %(campaign)s: the cost %(note)s cannot be negative (%(value)s).",
                        campaign=cost.campaign_id.name,
                        note=cost.name or cost.channel_id.name,
                        value=cost.amount,
                    )
                )
