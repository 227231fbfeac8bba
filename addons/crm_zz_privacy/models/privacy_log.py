# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PrivacyLog(models.Model):
    _inherit = "privacy.log"

    def _anonymize_email(self, label):
        # a person found by mobile or ID number has no email: mask the label like a name
        if label and "@" not in label:
            return self._anonymize_name(label)
        return super()._anonymize_email(label)
