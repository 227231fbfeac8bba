# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailNotification(models.Model):
    _inherit = "mail.notification"

    # the SMS trackers copy the SMS's failure onto its notification
    failure_type = fields.Selection(
        selection_add=[
            ("sms_zz_no_template", "No Approved Template"),
            ("sms_zz_provider", "Refused by Provider"),
            ("sms_zz_credentials", "Provider Credentials Refused"),
        ]
    )
