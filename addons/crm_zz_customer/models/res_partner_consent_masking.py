# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A marketer sees a customer's contact data only where a consent allows it (PIPL
Arts. 13-15): the email address where the customer agreed to marketing by email,
the mobile and phone where he agreed to SMS or calls. Elsewhere they are masked
(``w***@zzjx.cn``, ``138****5678``), in forms, lists, ``read`` and exports alike.
Mailings are not affected: they are sent from the real address, to those who
agreed. A marketer who is also a salesperson reads customers as a salesperson.
"""

from odoo import api, models

MARKETER_GROUP = "crm_zz_customer.crm_zz_customer_group_marketer"
EMAIL_FIELDS = ("email", "email_normalized")
# the consent channels that allow a marketer to see a number
PHONE_CHANNELS = ("zz_consent_sms", "zz_consent_phone")


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _zz_consent_limited_user(self):
        """Whether the user reads customers as a marketer: the role, and neither a
        sales group nor the right to full personal data."""
        user = self.env.user
        return (
            not self.env.su
            and user.has_group(MARKETER_GROUP)
            and not user.has_group("sales_team.group_sale_salesman")
            and not user.has_group("crm_zz_customer.group_zz_personal_data")
        )

    @api.model
    def _zz_masked_fields(self):
        kinds = super()._zz_masked_fields()
        if self._zz_consent_limited_user():
            kinds.update({fname: "email" for fname in EMAIL_FIELDS if fname in self._fields})
        return kinds

    def _zz_unmasked_records_for(self, fname, unmasked):
        unmasked = super()._zz_unmasked_records_for(fname, unmasked)
        if not self._zz_consent_limited_user():
            return unmasked
        kind = self._zz_masked_fields().get(fname)
        if kind == "email":
            channels = ("zz_consent_email",)
        elif kind == "phone":
            channels = PHONE_CHANNELS
        else:
            return unmasked
        # sudo: the consent states are derived from every event, whoever may read them
        allowed = self.sudo().filtered(
            lambda partner: any(partner[channel] == "given" for channel in channels)
        )
        return unmasked | self.browse(allowed.ids)
