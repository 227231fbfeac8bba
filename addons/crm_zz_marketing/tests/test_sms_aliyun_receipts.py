# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .sms_aliyun_common import SmsAliyunCommon


@tagged("at_install", "-post_install")
class TestSmsAliyunReceipts(SmsAliyunCommon):
    """Delivery receipts pulled from the provider (QuerySendDetails) mark each
    mailing trace delivered or failed, found by its OutId even after the sent
    SMS rows were cleaned up."""

    def test_receipts_update_traces_after_sms_rows_are_gone(self):
        mailing = self._create_mailing(self.customers)
        mailing.action_send_sms()
        self.env.flush_all()
        self.env["sms.sms"]._gc_device()  # Odoo's autovacuum, a raw DELETE
        self.env.invalidate_all()
        self.assertFalse(self._sms_of(mailing), "sent SMS rows are vacuumed")
        zhang, li = (
            mailing.mailing_trace_ids.filtered(lambda t, p=p: t.res_id == p.id)
            for p in self.customers
        )
        self.stub.set_status(zhang.zz_aliyun_out_id, 3, "DELIVERED")
        self.stub.set_status(li.zz_aliyun_out_id, 2, "MOBILE_NOT_ON_SERVICE")

        self.env["mailing.trace"]._cron_zz_aliyun_receipts()

        self.assertEqual(zhang.trace_status, "sent")
        self.assertEqual(li.trace_status, "error")
        self.assertEqual(li.failure_type, "sms_not_delivered")
        self.assertEqual(li.failure_reason, "MOBILE_NOT_ON_SERVICE")
        self.assertEqual(mailing.delivered, 1)
        self.assertFalse(self.stub.rejected)

    def test_waiting_receipt_leaves_trace_sent(self):
        mailing = self._create_mailing(self.customers[0])
        mailing.action_send_sms()
        self.env["mailing.trace"]._cron_zz_aliyun_receipts()
        self.assertEqual(mailing.mailing_trace_ids.trace_status, "pending")

    def test_timeout_then_found_with_receipt_is_delivered(self):
        self.stub.hang_next()
        mailing = self._create_mailing(self.customers[0], sms_force_send=True)
        mailing.action_send_sms()
        trace = mailing.mailing_trace_ids
        self.assertEqual(trace.trace_status, "outgoing")
        self.stub.release.set()
        self.stub.set_status(trace.zz_aliyun_out_id, 3)
        self.env["sms.sms"]._process_queue()
        self.assertEqual(len(self.stub.send_requests), 1)
        self.assertEqual(trace.trace_status, "sent")
