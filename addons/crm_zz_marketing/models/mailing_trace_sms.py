# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models

from ..tools import aliyun_sms
from ..tools.aliyun_sms_gateway import ProviderError

_logger = logging.getLogger(__name__)

RECEIPT_DAYS = 3  # the provider keeps send records 30 days; receipts come within hours


class MailingTrace(models.Model):
    _inherit = "mailing.trace"

    zz_aliyun_out_id = fields.Char(
        "Provider Out ID", readonly=True, index="btree_not_null", copy=False
    )
    zz_aliyun_biz_id = fields.Char("Provider Receipt ID", readonly=True, copy=False)
    zz_segment_count = fields.Integer("Segments", readonly=True, copy=False)
    failure_type = fields.Selection(
        selection_add=[
            ("sms_zz_no_template", "No Approved Template"),
            ("sms_zz_provider", "Refused by Provider"),
            ("sms_zz_credentials", "Provider Credentials Refused"),
        ]
    )

    def _zz_aliyun_apply_receipts(self, details_by_out_id):
        """Delivered (SendStatus 3) or failed (2, with the provider's code)
        from the provider's send records, matched by OutId."""
        for trace in self:
            detail = details_by_out_id.get(trace.zz_aliyun_out_id)
            if not detail or detail.status not in (
                aliyun_sms.STATUS_DELIVERED,
                aliyun_sms.STATUS_FAILED,
            ):
                continue
            if detail.status == aliyun_sms.STATUS_DELIVERED:
                trace.sms_tracker_ids._action_update_from_sms_state("sent")
            else:
                trace.sms_tracker_ids._action_update_from_sms_state(
                    "error", failure_type="sms_not_delivered", failure_reason=detail.err_code
                )

    @api.model
    def _cron_zz_aliyun_receipts(self):
        """Pull the delivery receipts of SMS sent in the last days with
        QuerySendDetails, one query per number and day."""
        sms_model = self.env["sms.sms"]
        if sms_model._zz_sms_provider() != "aliyun" or not (
            gateway := sms_model._zz_aliyun_gateway()
        ):
            return
        traces = self.search(
            [
                ("trace_type", "=", "sms"),
                ("trace_status", "=", "pending"),
                ("zz_aliyun_out_id", "!=", False),
                ("sent_datetime", ">=", fields.Datetime.now() - timedelta(days=RECEIPT_DAYS)),
            ],
            limit=5000,
        )
        groups = defaultdict(lambda: self.browse())
        for trace in traces:
            try:
                phone = aliyun_sms.china_mobile(trace.sms_number)
            except aliyun_sms.InvalidChinaMobile:
                continue
            groups[phone, aliyun_sms.send_date(trace.sent_datetime)] |= trace
        for (phone, day), day_traces in groups.items():
            biz_ids = set(day_traces.mapped("zz_aliyun_biz_id"))
            biz_id = biz_ids.pop() if len(biz_ids) == 1 else None
            try:
                details = gateway.query(phone, day, biz_id=biz_id)
            except ProviderError as e:
                _logger.info("SMS receipts for %s on %s unavailable: %s", phone, day, e)
                continue
            day_traces._zz_aliyun_apply_receipts({d.out_id: d for d in details})
