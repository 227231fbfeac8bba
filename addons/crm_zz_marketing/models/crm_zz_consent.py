# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CrmZzConsent(models.Model):
    """SMS consent follows the phone blocklist too (phone_validation comes with SMS
    marketing, so this half of the sync lives here)."""

    _inherit = "crm.zz.consent"

    def _zz_sync_blocklists(self):
        res = super()._zz_sync_blocklists()
        # sudo: the blocklist is the administrators'; recording consent must move it
        blacklist = self.env["phone.blacklist"].sudo().with_context(zz_consent_syncing=True)
        states = dict(self._fields["state"]._description_selection(self.env))
        for event in self.filtered(lambda e: e.channel == "sms"):
            number = event.address or event.partner_id.phone_sanitized
            sanitized = number and event.partner_id._phone_format(number=number)
            if not sanitized:
                continue
            message = self.env._(
                "SMS consent %(state)s for %(partner)s.",
                state=states[event.state],
                partner=event.partner_id.display_name,
            )
            if event.state == "withdrawn":
                blacklist._add([sanitized], message=message)
            else:
                blacklist._remove([sanitized], message=message)
        return res
