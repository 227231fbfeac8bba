# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailBlacklist(models.Model):
    """An address put on the email blocklist (by hand, by the partner's blocklist
    button or by a mailing's unsubscribe link) withdraws the email consent of every
    partner with that address, and the withdrawal is logged as a consent event."""

    _inherit = "mail.blacklist"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.filtered("active")._zz_withdraw_email_consent()
        return records

    def write(self, vals):
        newly_active = (
            self.filtered(lambda r: not r.active) if vals.get("active") else self.browse()
        )
        res = super().write(vals)
        newly_active._zz_withdraw_email_consent()
        return res

    def _zz_withdraw_email_consent(self):
        if not self or self.env.context.get("zz_consent_syncing"):
            return
        emails = self.mapped("email")
        # sudo: an unsubscribe link is followed by a public visitor; the event records it
        partners = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("email_normalized", "in", emails), ("zz_consent_email", "!=", "withdrawn")])
        )
        if not partners:
            return
        context = self.env.context
        partners.with_context(zz_consent_syncing=True)._zz_record_consent(
            "email",
            "withdrawn",
            context.get("zz_consent_source", "blocklist"),
            source_ref=context.get("zz_consent_source_ref"),
            proof=self.env._("Address put on the email blocklist."),
        )
