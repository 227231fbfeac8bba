# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import email_normalize_all


class MailMail(models.Model):
    """Consent is checked again when a queued marketing email leaves: a customer who
    withdrew consent (or was put on the blocklist) after the mailing was planned is
    not reached. The mail is cancelled as opted out, and its trace says so."""

    _inherit = "mail.mail"

    def _send(self, auto_commit=False, raise_exception=False, smtp_session=None, **kwargs):
        blocked = self._zz_without_consent()
        if blocked:
            blocked._zz_cancel_without_consent()
        return super(MailMail, self - blocked)._send(
            auto_commit=auto_commit,
            raise_exception=raise_exception,
            smtp_session=smtp_session,
            **kwargs,
        )

    def _zz_without_consent(self):
        """Marketing mails of ``self`` whose recipient may not be reached now."""
        # sudo: the queue is processed by whoever triggers it; consent is checked for all
        mails = self.sudo().filtered(lambda m: m.mailing_id and m.state == "outgoing")
        if not mails:
            return self.browse()
        # sudo: consent of every recipient, whoever sends
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        targets = Partner.browse(
            {m.res_id for m in mails if m.model == "res.partner" and m.res_id}
        ).exists()
        consenting = set(targets.filtered(lambda p: p.zz_consent_email == "given").ids)
        emails_by_mail = {
            mail: set(email_normalize_all(mail.email_to or ""))
            | set(mail.recipient_ids.mapped("email_normalized"))
            for mail in mails
        }
        emails_by_mail = {mail: emails - {False, ""} for mail, emails in emails_by_mail.items()}
        all_emails = set().union(*emails_by_mail.values())
        withdrawn = set(
            Partner.search(
                [
                    ("email_normalized", "in", list(all_emails)),
                    ("zz_consent_email", "=", "withdrawn"),
                ]
            ).mapped("email_normalized")
        )
        blocked = set(
            # sudo: reading the blocklist is part of deciding whether to send
            self.env["mail.blacklist"]
            .sudo()
            .search([("email", "in", list(all_emails))])
            .mapped("email")
        )
        result = self.browse()
        for mail in mails:
            emails = emails_by_mail[mail]
            if mail.model == "res.partner" and mail.res_id not in consenting:
                result |= mail
            elif emails and emails <= (withdrawn | blocked):
                result |= mail
        return self.browse(result.ids)

    def _zz_cancel_without_consent(self):
        reason = self.env._("No marketing consent for this channel at sending time.")
        # sudo: the mailing's traces follow the cancelled mail
        mails = self.sudo()
        mails.write({"state": "cancel", "failure_type": "mail_optout", "failure_reason": reason})
        traces = mails.mailing_trace_ids
        traces.write({"trace_status": "cancel", "failure_type": "mail_optout"})
