# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools import privacy


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.zz.privacy.mixin"]

    def _zz_keep_reasons(self):
        """{partner: reason} for the partners that must not be anonymised: named on
        posted accounting documents, on legal hold, or a user of this database."""
        posted = {
            partner
            for (partner,) in self.env["account.move"]
            .sudo()  # sudo: whether a partner has posted invoices decides, whoever asks
            ._read_group([("state", "=", "posted"), ("partner_id", "in", self.ids)], ["partner_id"])
        }
        reasons = {}
        for partner in self:
            if partner.zz_legal_hold:
                reasons[partner] = "legal_hold"
            elif partner.user_ids:
                reasons[partner] = "user"
            else:
                reason = privacy.keep_reason(partner.is_company, partner in posted)
                if reason:
                    reasons[partner] = reason
        return reasons

    def _zz_anonymise(self):
        """Remove the personal data of these partners and of what is theirs (leads,
        tickets, survey answers, messages they wrote, the proof of their consents).
        Returns ``(anonymised, kept)``: the partners done and ``{partner: reason}``."""
        kept = self._zz_keep_reasons()
        partners = self.filtered(lambda p: p not in kept)
        if not partners:
            return partners, kept
        # sudo: the officer or the retention job anonymises whoever owns the record
        partners = partners.sudo().with_context(tracking_disable=True)
        values = privacy.blank_values("res.partner", partners._fields)
        values["zz_anonymised_date"] = fields.Datetime.now()
        partners.write(values)
        for partner in partners:
            partner.write(privacy.renamed_values("res.partner", partner.id))
        # sudo: the messages the person wrote lose their address, whatever document they are on
        messages = self.env["mail.message"].sudo().search([("author_id", "in", partners.ids)])
        messages.write({"email_from": False})
        partner_domain = [("partner_id", "in", partners.ids)]
        for model in ("crm.lead", "helpdesk.ticket", "survey.user_input", "crm.zz.consent"):
            # sudo: everything of the person goes, whoever owns it
            records = self.env[model].sudo().with_context(active_test=False).search(partner_domain)
            records._zz_anonymise()
        return partners.with_env(self.env), kept
