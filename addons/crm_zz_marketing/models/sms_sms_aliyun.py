# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models

from ..tools import aliyun_sms
from ..tools.aliyun_sms_gateway import (
    DEFAULT_ENDPOINT,
    AliyunSmsGateway,
    ProviderError,
    ProviderRefused,
    ProviderTimeout,
    ProviderUnreachable,
)

_logger = logging.getLogger(__name__)

ICP = "crm_zz_marketing."
# a provider error is retried once: the SMS is sent at most twice, never three times
MAX_ATTEMPTS = 2


class SmsSms(models.Model):
    """SMS sent through Alibaba Cloud when it is the chosen provider.

    The provider sends only approved templates: each SMS carries the template
    code and its parameters (rendered from the SMS template or the mailing
    when the SMS is created), and the SMS's ``uuid`` as ``OutId`` so that the
    provider's send records and receipts find it again.
    """

    _inherit = "sms.sms"

    zz_aliyun_template_code = fields.Char("Template Code", copy=False, readonly=True)
    zz_aliyun_params = fields.Text("Template Parameters", copy=False, readonly=True)
    zz_aliyun_biz_id = fields.Char("Provider Receipt ID", copy=False, readonly=True)
    zz_aliyun_sent_at = fields.Datetime("Handed to Provider", copy=False, readonly=True)
    zz_aliyun_attempt_count = fields.Integer("Send Attempts", copy=False, readonly=True)
    zz_aliyun_unconfirmed = fields.Boolean(
        "Awaiting Confirmation",
        copy=False,
        readonly=True,
        help="No answer from the provider: its records are checked before any new attempt.",
    )
    zz_aliyun_retryable = fields.Boolean("Retry Pending", copy=False, readonly=True)
    zz_failure_reason = fields.Text("Failure Reason", copy=False, readonly=True)
    zz_segment_count = fields.Integer(
        "Segments",
        compute="_compute_zz_segment_count",
        store=True,
        help="Messages billed for this text (70 characters in one, 67 per part beyond).",
    )
    failure_type = fields.Selection(
        selection_add=[
            ("sms_zz_no_template", "No Approved Template"),
            ("sms_zz_provider", "Refused by Provider"),
            ("sms_zz_credentials", "Provider Credentials Refused"),
        ]
    )

    @api.depends("body", "mailing_id")
    def _compute_zz_segment_count(self):
        sign_name = self._zz_aliyun_sign_name()
        for sms in self:
            text = aliyun_sms.recipient_text(sms.body, sign_name, marketing=bool(sms.mailing_id))
            sms.zz_segment_count = aliyun_sms.segment_count(text)

    @api.model_create_multi
    def create(self, vals_list):
        # the SMS composer in comment mode passes the template values of its
        # record through the context (the SMS is created by mail.thread)
        aliyun_values = self.env.context.get("zz_aliyun_sms_values")
        if aliyun_values:
            for vals in vals_list:
                for key in ("zz_aliyun_template_code", "zz_aliyun_params"):
                    vals.setdefault(key, aliyun_values.get(key))
        return super().create(vals_list)

    # ------------------------------------------------------------
    # Provider
    # ------------------------------------------------------------

    @api.model
    def _zz_sms_provider(self):
        # sudo: the provider choice is a system parameter every sender needs
        return self.env["ir.config_parameter"].sudo().get_param(f"{ICP}sms_provider", "iap")

    @api.model
    def _zz_aliyun_sign_name(self):
        # sudo: a system parameter every sender needs
        return self.env["ir.config_parameter"].sudo().get_param(f"{ICP}aliyun_sign_name", "")

    @api.model
    def _zz_aliyun_gateway(self):
        """The configured gateway, or None when AccessKey or sign name is missing."""
        # sudo: the AccessKey is readable by system users only, every sender uses it
        get = self.env["ir.config_parameter"].sudo().get_param
        key_id, secret = get(f"{ICP}aliyun_access_key_id"), get(f"{ICP}aliyun_access_key_secret")
        if not key_id or not secret or not get(f"{ICP}aliyun_sign_name"):
            return None
        return AliyunSmsGateway(
            key_id,
            secret,
            endpoint=get(f"{ICP}aliyun_endpoint") or DEFAULT_ENDPOINT,
            read_timeout_ms=int(get(f"{ICP}aliyun_read_timeout_ms") or 10000),
            connect_timeout_ms=int(get(f"{ICP}aliyun_connect_timeout_ms") or 5000),
        )

    # ------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        if self._zz_sms_provider() != "aliyun":
            return super()._send(
                unlink_failed=unlink_failed,
                unlink_sent=unlink_sent,
                raise_exception=raise_exception,
            )
        gateway = self._zz_aliyun_gateway()
        sign_name = self._zz_aliyun_sign_name()
        # sudo: SMS rows and their trackers are technical records (as in sms._send)
        sms_sudo = self.sudo().with_context(sms_skip_msg_notification=True)
        for sms in sms_sudo:
            # each SMS is one HTTP round trip to the provider, which dominates its own write
            provider_down = sms._zz_aliyun_send_one(
                gateway, sign_name, unlink_failed=unlink_failed, unlink_sent=unlink_sent
            )
            if provider_down:
                break  # the rest stays queued for the next run rather than wait in turn
        sms_sudo.mail_message_id._notify_message_notification_update()
        return None

    def _zz_aliyun_send_one(self, gateway, sign_name, unlink_failed=False, unlink_sent=True):
        """Send one SMS or refuse it; True when the provider did not answer."""
        self.ensure_one()
        try:
            phone = aliyun_sms.china_mobile(self.number)
        except aliyun_sms.InvalidChinaMobile:
            return self._zz_aliyun_failed(
                "sms_number_format",
                self.env._(
                    "%(number)s is not a mainland China mobile number: the SMS was not sent.",
                    number=self.number or self.env._("(no number)"),
                ),
                unlink_failed,
            )
        if not self.zz_aliyun_template_code:
            return self._zz_aliyun_failed(
                "sms_zz_no_template",
                self.env._(
                    "No approved Alibaba Cloud template code on this SMS's template or mailing: "
                    "the SMS was not sent."
                ),
                unlink_failed,
            )
        if gateway is None:
            return self._zz_aliyun_failed(
                "sms_zz_credentials",
                self.env._(
                    "Alibaba Cloud SMS is not configured: set AccessKey and sign name in Settings."
                ),
                unlink_failed,
            )
        if self.zz_aliyun_unconfirmed:
            found = self._zz_aliyun_confirm(gateway, phone, unlink_sent)
            if found is None:
                return True
            if found:
                return False
        self.zz_aliyun_attempt_count += 1
        now = fields.Datetime.now()
        try:
            biz_id = gateway.send(
                phone,
                sign_name,
                self.zz_aliyun_template_code,
                self.zz_aliyun_params or "{}",
                self.uuid,
            )
        except ProviderTimeout as e:
            _logger.info(
                "SMS %s: no answer from Alibaba Cloud (%s); checked before any new attempt",
                self.id,
                e,
            )
            reason = self.env._("No answer from the provider: checked before any new attempt.")
            self.write({"zz_aliyun_unconfirmed": True, "zz_aliyun_sent_at": now})
            self.zz_failure_reason = reason
            return True
        except ProviderUnreachable as e:
            _logger.info("SMS %s: Alibaba Cloud unreachable (%s); it stays queued", self.id, e)
            self.zz_aliyun_attempt_count -= 1  # nothing left this server
            self.zz_failure_reason = self.env._("Provider unreachable: the SMS stays queued.")
            return True
        except ProviderRefused as e:
            if e.credentials:
                return self._zz_aliyun_failed(
                    "sms_zz_credentials",
                    self.env._(
                        "Alibaba Cloud refused the AccessKey (%(code)s: %(message)s): "
                        "check the AccessKey ID and Secret in Settings.",
                        code=e.code,
                        message=e.message,
                    ),
                    unlink_failed,
                )
            return self._zz_aliyun_failed(
                "sms_zz_provider", f"{e.code}: {e.message}", unlink_failed, retryable=True
            )
        self._zz_aliyun_sent(biz_id, now, unlink_sent)
        return False

    def _zz_aliyun_confirm(self, gateway, phone, unlink_sent):
        """After a timeout: True when the provider has this SMS already (then
        it is marked sent, never sent again), False when it has not, None when
        its records cannot be read (the SMS stays queued)."""
        try:
            details = gateway.query(
                phone, aliyun_sms.send_date(self.zz_aliyun_sent_at or fields.Datetime.now())
            )
        except ProviderError as e:
            _logger.info("SMS %s: send records unavailable (%s); it stays queued", self.id, e)
            return None  # unknown: sending again could send it twice
        detail = aliyun_sms.find_detail(details, self.uuid)
        if not detail:
            return False
        traces = self.mailing_trace_ids
        self._zz_aliyun_sent(False, self.zz_aliyun_sent_at, unlink_sent)
        traces._zz_aliyun_apply_receipts({self.uuid: detail})
        return True

    def _zz_aliyun_sent(self, biz_id, sent_at, unlink_sent):
        self.sms_tracker_id._action_update_from_sms_state("pending")
        self.write(
            {
                "state": "pending",
                "failure_type": False,
                "zz_failure_reason": False,
                "zz_aliyun_biz_id": biz_id,
                "zz_aliyun_sent_at": sent_at,
                "zz_aliyun_unconfirmed": False,
                "zz_aliyun_retryable": False,
                **({"to_delete": True} if unlink_sent else {}),
            }
        )
        # the trace keeps the provider's ids: sent SMS rows are vacuumed
        self.mailing_trace_ids.write(
            {
                "zz_aliyun_out_id": self.uuid,
                "zz_aliyun_biz_id": biz_id,
                "zz_segment_count": self.zz_segment_count,
            }
        )

    def _zz_aliyun_failed(self, failure_type, reason, unlink_failed, retryable=False):
        self.sms_tracker_id._action_update_from_sms_state(
            "error", failure_type=failure_type, failure_reason=reason
        )
        self.write(
            {
                "state": "error",
                "failure_type": failure_type,
                "zz_failure_reason": reason,
                "zz_aliyun_unconfirmed": False,
                "zz_aliyun_retryable": retryable and self.zz_aliyun_attempt_count < MAX_ATTEMPTS,
                **({"to_delete": True} if unlink_failed else {}),
            }
        )
        self.mailing_trace_ids.write(
            {"zz_aliyun_out_id": self.uuid, "zz_segment_count": self.zz_segment_count}
        )
        return False

    @api.model
    def _cron_zz_aliyun_retry(self):
        """Send again, once, the SMS the provider refused for a reason that may
        pass (flow control, provider error)."""
        if self._zz_sms_provider() != "aliyun":
            return
        to_retry = self.search(
            [
                ("state", "=", "error"),
                ("zz_aliyun_retryable", "=", True),
                ("zz_aliyun_attempt_count", "<", MAX_ATTEMPTS),
                ("to_delete", "=", False),
            ],
            limit=1000,
        )
        to_retry.write({"state": "outgoing", "zz_aliyun_retryable": False})
        to_retry.send(
            unlink_failed=False, unlink_sent=True, auto_commit=not self.env.registry.in_test_mode()
        )
