# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.mass_mailing.controllers.main import MassMailController
from odoo.addons.mass_mailing_sms.controllers.main import MailingSMSController


class ZzMassMailController(MassMailController):
    """An unsubscribe link withdraws consent with "Unsubscribe Link" as its source and
    the mailing as its reference (the blocklist does the rest)."""

    def _mailing_unsubscribe_from_document(self, mailing, document_id, email, hash_token):
        request.update_context(
            zz_consent_source="unsubscribe", zz_consent_source_ref=mailing.subject
        )
        return super()._mailing_unsubscribe_from_document(mailing, document_id, email, hash_token)


class ZzMailingSMSController(MailingSMSController):
    @http.route()
    def blacklist_number(self, mailing_id, trace_code, **post):
        request.update_context(
            zz_consent_source="unsubscribe", zz_consent_source_ref=str(mailing_id)
        )
        return super().blacklist_number(mailing_id, trace_code, **post)
