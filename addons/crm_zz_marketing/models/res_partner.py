# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.osv import expression


class ResPartner(models.Model):
    """Mailings and SMS aimed at customers reach only those whose consent on that
    channel is "given" (crm_zz_customer's consent history)."""

    _inherit = "res.partner"

    def _zz_mailing_recipients_without_consent(self, mailing, channel):
        domain = expression.AND(
            [mailing._get_recipients_domain(), [(f"zz_consent_{channel}", "!=", "given")]]
        )
        return self.with_context(active_test=False).search_fetch(domain, ["email_normalized"])

    def _mailing_get_opt_out_list(self, mailing):
        """Emails of the targeted customers without email consent (mass_mailing cancels
        a mail when all its addresses are in this list)."""
        partners = self._zz_mailing_recipients_without_consent(mailing, "email")
        return {partner.email_normalized for partner in partners if partner.email_normalized}

    def _mailing_get_opt_out_list_sms(self, mailing):
        """Ids of the targeted customers without SMS consent."""
        return self._zz_mailing_recipients_without_consent(mailing, "sms").ids
