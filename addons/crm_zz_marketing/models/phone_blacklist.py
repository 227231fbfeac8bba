# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..tools import sms_consent


class PhoneBlacklist(models.Model):
    """A number put on the phone blocklist (by hand, by an SMS mailing's unsubscribe
    page or by an opt-out reply) withdraws the SMS consent of every partner with that
    number; the withdrawal is logged as a consent event."""

    _inherit = "phone.blacklist"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.filtered("active")._zz_withdraw_sms_consent()
        return records

    def write(self, vals):
        newly_active = (
            self.filtered(lambda r: not r.active) if vals.get("active") else self.browse()
        )
        res = super().write(vals)
        newly_active._zz_withdraw_sms_consent()
        return res

    def _zz_withdraw_sms_consent(self):
        if not self or self.env.context.get("zz_consent_syncing"):
            return
        # sudo: an unsubscribe page or an SMS reply comes from a public visitor
        partners = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("phone_sanitized", "in", self.mapped("number")),
                    ("zz_consent_sms", "!=", "withdrawn"),
                ]
            )
        )
        if not partners:
            return
        context = self.env.context
        partners.with_context(zz_consent_syncing=True)._zz_record_consent(
            "sms",
            "withdrawn",
            context.get("zz_consent_source", "blocklist"),
            source_ref=context.get("zz_consent_source_ref"),
            proof=context.get("zz_consent_proof")
            or self.env._("Number put on the phone blocklist."),
        )

    @api.model
    def _zz_process_sms_reply(self, number, text):
        """Handle an inbound SMS reply (called by the SMS provider's inbound hook): an
        opt-out reply (STOP, T, TD, R, 退订, ...) puts the number on the blocklist and
        withdraws SMS consent with the reply as proof. Returns True when it opted out."""
        if not sms_consent.is_opt_out_reply(text):
            return False
        sanitized = self.env.user._phone_format(number=number) or number
        # sudo: replies arrive through the provider's public callback
        self.sudo().with_context(
            zz_consent_source="sms_reply",
            zz_consent_source_ref=sanitized,
            zz_consent_proof=self.env._("Reply: %(text)s", text=text),
        )._add([sanitized], message=self.env._("Opt-out reply: %(text)s", text=text))
        return True
