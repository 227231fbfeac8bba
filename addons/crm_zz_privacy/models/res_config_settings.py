# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    zz_retention_lost_lead_days = fields.Integer(
        string="Lost Leads Kept (days)",
        config_parameter="crm_zz_privacy.retention_lost_lead_days",
        default=730,
        help="Lost leads are anonymised this many days after they were lost. 0: never.",
    )
    zz_retention_survey_invite_days = fields.Integer(
        string="Unanswered Survey Invitations Kept (days)",
        config_parameter="crm_zz_privacy.retention_survey_invite_days",
        default=180,
        help="Survey invitations never answered are anonymised after this many days. 0: never.",
    )
    zz_retention_closed_ticket_days = fields.Integer(
        string="Closed Tickets Kept (days)",
        config_parameter="crm_zz_privacy.retention_closed_ticket_days",
        default=1095,
        help="Closed tickets are anonymised this many days after closing. 0: never.",
    )
