# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..tools import privacy


class CrmZzConsent(models.Model):
    _inherit = "crm.zz.consent"

    def _zz_anonymise(self):
        """Consent events stay as proof that the customer was asked (PIPL Art. 14):
        the event, its channel, date and source remain; the address and the text of
        the proof, which name the person, go."""
        # sudo: the history is append-only for users; only anonymisation may touch it
        events = self.sudo()
        events.write({"address": False})
        for event in events:
            event.proof = privacy.proof_placeholder(event.id)
        return events.with_env(self.env)
