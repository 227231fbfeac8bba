# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EventEvent(models.Model):
    """A trade show or local event belongs to a marketing campaign; its registrations
    (and through event_crm the leads made of them) count for that campaign."""

    _inherit = "event.event"

    zz_campaign_id = fields.Many2one(
        "utm.campaign",
        string="Marketing Campaign",
        index="btree_not_null",
        ondelete="set null",
        help="Registrations without a campaign of their own are counted for this campaign.",
    )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("zz_campaign_id"):
            # registrations keyed in or imported before the campaign was set
            self.registration_ids.filtered(lambda r: not r.utm_campaign_id).write(
                {"utm_campaign_id": vals["zz_campaign_id"]}
            )
        return res
