# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..tools import sms_consent


class SmsSms(models.Model):
    """Consent is checked again when a queued marketing SMS leaves, before any
    provider is called: no SMS consent → cancelled as opted out; number on the phone
    blocklist → cancelled as blocklisted; not a mainland mobile number → cancelled as
    wrong number format. Transactional SMS (no mailing) are not concerned."""

    _inherit = "sms.sms"

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        refused = self._zz_refuse_without_consent()
        to_send = self - refused
        if not to_send:
            return None
        return super(SmsSms, to_send)._send(
            unlink_failed=unlink_failed, unlink_sent=unlink_sent, raise_exception=raise_exception
        )

    def _zz_refuse_without_consent(self):
        """Cancel the marketing SMS of ``self`` that may not go out; return them."""
        # sudo: the queue is processed by whoever triggers it; consent is checked for all
        marketing = self.sudo().filtered(lambda sms: sms.mailing_id)
        if not marketing:
            return self.browse()
        numbers = [sms.number for sms in marketing if sms.number]
        # sudo: reading the blocklist is part of deciding whether to send
        blocked = set(
            self.env["phone.blacklist"].sudo().search([("number", "in", numbers)]).mapped("number")
        )
        partners = marketing.partner_id
        partners.fetch(["zz_consent_sms"])
        by_failure = {
            "sms_optout": self.browse(),
            "sms_blacklist": self.browse(),
            "sms_number_format": self.browse(),
        }
        for sms in marketing:
            if sms.partner_id and sms.partner_id.zz_consent_sms != "given":
                by_failure["sms_optout"] |= sms
            elif sms.number in blocked:
                by_failure["sms_blacklist"] |= sms
            elif not sms_consent.is_china_mobile(sms.number):
                by_failure["sms_number_format"] |= sms
        refused = self.browse()
        for failure_type, sms_records in by_failure.items():
            if sms_records:
                sms_records._update_sms_state_and_trackers("canceled", failure_type=failure_type)
                refused |= sms_records
        return self.browse(refused.ids)
