# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..tools import sms_consent


class MailingMailing(models.Model):
    """A mailing or SMS sent to a customer segment: the recipients are the segment's
    customers at the time of sending, and only those with consent on the channel."""

    _inherit = "mailing.mailing"

    zz_segment_id = fields.Many2one(
        "crm.zz.marketing.segment",
        string="Segment",
        index="btree_not_null",
        help="Send to this customer segment, evaluated again when the mailing is sent.",
    )

    @api.depends(
        "mailing_model_id",
        "contact_list_ids",
        "mailing_type",
        "mailing_filter_id",
        "zz_segment_id.domain",
    )
    def _compute_mailing_domain(self):
        with_segment = self.filtered(
            lambda m: m.zz_segment_id and m.mailing_model_id.model == "res.partner"
        )
        for mailing in with_segment:
            mailing.mailing_domain = repr(mailing._zz_segment_domain())
        return super(MailingMailing, self - with_segment)._compute_mailing_domain()

    @api.onchange("zz_segment_id")
    def _onchange_zz_segment_id(self):
        if self.zz_segment_id:
            self.mailing_model_id = self.env["ir.model"]._get("res.partner")

    @api.model_create_multi
    def create(self, vals_list):
        partner_model_id = self.env["ir.model"]._get_id("res.partner")
        for vals in vals_list:
            if vals.get("zz_segment_id"):
                vals["mailing_model_id"] = partner_model_id
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("zz_segment_id"):
            vals = dict(vals, mailing_model_id=self.env["ir.model"]._get_id("res.partner"))
        return super().write(vals)

    def _zz_segment_domain(self):
        self.ensure_one()
        return expression.AND(
            [self._get_default_mailing_domain(), literal_eval(self.zz_segment_id.domain or "[]")]
        )

    def _get_recipients_domain(self):
        """The segment as it is now, not as it was when the mailing was written."""
        if self.zz_segment_id and self.mailing_model_real == "res.partner":
            return self._zz_segment_domain()
        return super()._get_recipients_domain()

    def action_put_in_queue(self):
        self._zz_check_before_sending()
        return super().action_put_in_queue()

    def action_send_sms(self, res_ids=None):
        self._zz_check_before_sending()
        return super().action_send_sms(res_ids=res_ids)

    def _zz_opt_out_in_approved_template(self):
        """Through Alibaba Cloud the text sent is the approved template, which for
        marketing SMS carries the opt-out notice itself (see readme/CONFIGURE.md)."""
        self.ensure_one()
        return bool(
            self.zz_sms_provider_is_aliyun
            and (self.zz_aliyun_template_code or self.sms_template_id.zz_aliyun_template_code)
        )

    def _zz_check_before_sending(self):
        """Refuse, with the reason, a mailing that would reach nobody or break the rules
        for SMS marketing; nothing is queued then."""
        for mailing in self:
            if mailing.mailing_type == "sms" and not (
                mailing.sms_allow_unsubscribe
                or sms_consent.has_opt_out_notice(mailing.body_plaintext)
                or mailing._zz_opt_out_in_approved_template()
            ):
                raise UserError(
                    self.env._(
                        'SMS "%(mailing)s" has no opt-out notice: add one such as "拒收请回复R" '
                        'to the text or tick "Include opt-out link".',
                        mailing=mailing.subject,
                    )
                )
            segment = mailing.zz_segment_id
            if not segment:
                continue
            Partner = self.env["res.partner"]
            total = Partner.search_count(segment._zz_partner_domain())
            if not total:
                raise UserError(
                    self.env._(
                        'Segment "%(segment)s" matches no customer: widen its criteria '
                        "before sending %(mailing)s.",
                        segment=segment.name,
                        mailing=mailing.subject,
                    )
                )
            channel = "sms" if mailing.mailing_type == "sms" else "email"
            if not Partner.search_count(segment._zz_partner_domain(channel)):
                raise UserError(
                    self.env._(
                        'None of the %(count)s customers of segment "%(segment)s" may be '
                        "reached by %(channel)s: none has given consent (or all are on the "
                        "blocklist or lack an address).",
                        count=total,
                        segment=segment.name,
                        channel=self.env._("SMS") if channel == "sms" else self.env._("email"),
                    )
                )
