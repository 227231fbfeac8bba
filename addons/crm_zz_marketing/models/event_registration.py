# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class EventRegistration(models.Model):
    """Registrations keyed in or imported carry no UTM campaign (only those from the
    website do): they get their event's campaign, which event_crm copies onto the
    leads it makes of them."""

    _inherit = "event.registration"

    @api.model_create_multi
    def create(self, vals_list):
        event_ids = {vals["event_id"] for vals in vals_list if vals.get("event_id")}
        campaigns = {
            event.id: event.zz_campaign_id.id for event in self.env["event.event"].browse(event_ids)
        }
        for vals in vals_list:
            if not vals.get("utm_campaign_id") and campaigns.get(vals.get("event_id")):
                vals["utm_campaign_id"] = campaigns[vals["event_id"]]
        return super().create(vals_list)
