# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmZzSalesLeadImport(models.TransientModel):
    """Visitors collected at a booth are imported for the trade show (an event) they
    were met at: the leads carry the event and its campaign."""

    _inherit = "crm.zz.sales.lead.import"

    event_id = fields.Many2one(
        "event.event",
        string="Event",
        help="The trade show or event the visitors were met at; its campaign is used.",
    )
    campaign_id = fields.Many2one(
        compute="_compute_campaign_id", store=True, readonly=False, precompute=True
    )

    @api.depends("event_id")
    def _compute_campaign_id(self):
        for wizard in self:
            if wizard.event_id.zz_campaign_id:
                wizard.campaign_id = wizard.event_id.zz_campaign_id

    def _zz_import_create_vals(self, values):
        vals = super()._zz_import_create_vals(values)
        if self.event_id:
            vals["event_id"] = self.event_id.id
        return vals
