# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .sms_aliyun_common import SIGN_NAME, SmsAliyunCommon


@tagged("at_install", "-post_install")
class TestSmsAliyunSend(SmsAliyunCommon):
    """With Alibaba Cloud as provider an SMS goes out as an approved template
    with its parameters, signed by the real SDK; anything the provider cannot
    send is refused visibly and kept."""

    def test_template_sms_is_sent_as_approved_template(self):
        sms = self._send_template(self.customers[0])
        self.assertEqual(len(self.stub.send_requests), 1)
        request = self.stub.send_requests[0]
        self.assertEqual(request["PhoneNumbers"], "13837120001")
        self.assertEqual(request["SignName"], SIGN_NAME)
        self.assertEqual(request["TemplateCode"], "SMS_100200300")
        self.assertEqual(self._params(request), {"name": "张伟"})
        self.assertEqual(request["OutId"], sms.uuid)
        self.assertEqual(sms.state, "pending")
        self.assertEqual(sms.zz_aliyun_biz_id, self.stub.records[0]["BizId"])
        self.assertFalse(self.stub.rejected, "every request carried a valid signature")

    def test_sms_from_a_customer_chatter_uses_the_template_code(self):
        composer = self.env["sms.composer"].create(
            {
                "composition_mode": "comment",
                "res_model": "res.partner",
                "res_id": self.customers[1].id,
                "template_id": self.template.id,
            }
        )
        composer.action_send_sms()
        self.env["sms.sms"]._process_queue()
        self.assertEqual(len(self.stub.send_requests), 1)
        request = self.stub.send_requests[0]
        self.assertEqual(request["TemplateCode"], "SMS_100200300")
        self.assertEqual(self._params(request), {"name": "李娜"})
        self.assertEqual(request["PhoneNumbers"], "13937120002")

    def test_mailing_traces_keep_out_id_and_biz_id(self):
        mailing = self._create_mailing(self.customers)
        mailing.action_send_sms()
        traces = mailing.mailing_trace_ids
        self.assertEqual(len(traces), 2)
        self.assertEqual(set(traces.mapped("trace_status")), {"pending"})
        by_out_id = {record["OutId"]: record for record in self.stub.records}
        self.assertEqual(set(traces.mapped("zz_aliyun_out_id")), set(by_out_id))
        for trace in traces:
            self.assertEqual(trace.zz_aliyun_biz_id, by_out_id[trace.zz_aliyun_out_id]["BizId"])
            self.assertEqual(trace.zz_segment_count, 1)
        requests = {r["PhoneNumbers"]: self._params(r) for r in self.stub.send_requests}
        self.assertEqual(requests["13937120002"], {"name": "李娜", "shop": "二七万达店"})

    def test_mailing_falls_back_on_its_sms_template_code(self):
        mailing = self._create_mailing(
            self.customers[0],
            zz_aliyun_template_code=False,
            zz_aliyun_param_ids=False,
            sms_template_id=self.template.id,
        )
        mailing.action_send_sms()
        self.assertEqual(self.stub.send_requests[0]["TemplateCode"], "SMS_100200300")
        self.assertEqual(mailing.mailing_trace_ids.trace_status, "pending")

    def test_sms_without_template_code_is_refused_not_sent(self):
        # its text has the opt-out notice, so the consent rules let it go; the provider
        # path then refuses every SMS for want of an approved template
        mailing = self._create_mailing(
            self.customers,
            zz_aliyun_template_code=False,
            body_plaintext="{{ object.name }}您好，双十二全场八折。拒收请回复R",
        )
        self.assertTrue(mailing.zz_sms_provider_is_aliyun)
        mailing.action_send_sms()
        self.assertFalse(self.stub.send_requests)
        sms = self._sms_of(mailing)
        self.assertEqual(set(sms.mapped("state")), {"error"})
        self.assertEqual(set(sms.mapped("failure_type")), {"sms_zz_no_template"})
        traces = mailing.mailing_trace_ids
        self.assertEqual(set(traces.mapped("trace_status")), {"error"})
        self.assertIn("template code", traces[0].failure_reason)
        self.assertEqual(mailing.failed, 2)

    def test_number_outside_mainland_mobiles_is_refused_and_kept(self):
        landline = self.env["res.partner"].create(
            {"name": "郑州宇通客服", "phone": "+86 371 6661 8888"}
        )
        hong_kong = self.env["res.partner"].create({"name": "陈大文", "phone": "+852 9123 4567"})
        sms = self._send_template(landline | hong_kong)
        self.assertFalse(self.stub.send_requests)
        self.assertEqual(len(sms), 2)
        self.assertEqual(set(sms.mapped("state")), {"error"})
        self.assertEqual(set(sms.mapped("failure_type")), {"sms_number_format"})
        self.assertFalse(any(sms.mapped("to_delete")), "refused SMS stay for correction")
        self.assertIn("not a mainland China mobile", sms[0].zz_failure_reason)

    def test_provider_error_fails_with_its_message_and_is_retried_once(self):
        self.stub.fail_next("isv.BUSINESS_LIMIT_CONTROL", "触发小时级流控Permits:5")
        self.stub.fail_next("isv.BUSINESS_LIMIT_CONTROL", "触发小时级流控Permits:5")
        mailing = self._create_mailing(self.customers[0])
        mailing.action_send_sms()
        sms = self._sms_of(mailing)
        trace = mailing.mailing_trace_ids
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_zz_provider"))
        self.assertEqual(
            sms.zz_failure_reason, "isv.BUSINESS_LIMIT_CONTROL: 触发小时级流控Permits:5"
        )
        self.assertEqual(trace.trace_status, "error")
        self.assertEqual(
            trace.failure_reason, "isv.BUSINESS_LIMIT_CONTROL: 触发小时级流控Permits:5"
        )

        self.env["sms.sms"]._cron_zz_aliyun_retry()
        self.assertEqual(len(self.stub.sends_for(sms.uuid)), 2)
        self.assertEqual(sms.state, "error")
        # never a third time
        self.env["sms.sms"]._cron_zz_aliyun_retry()
        self.env["sms.sms"]._process_queue()
        self.assertEqual(len(self.stub.sends_for(sms.uuid)), 2)
        self.assertEqual(sms.zz_aliyun_attempt_count, 2)

    def test_retry_after_provider_error_can_succeed(self):
        self.stub.fail_next("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号")
        mailing = self._create_mailing(self.customers[0])
        mailing.action_send_sms()
        trace = mailing.mailing_trace_ids
        self.assertEqual(trace.trace_status, "error")
        self.env["sms.sms"]._cron_zz_aliyun_retry()
        self.assertEqual(trace.trace_status, "pending")
        self.assertFalse(trace.failure_reason)
        self.assertEqual(trace.zz_aliyun_biz_id, self.stub.records[0]["BizId"])

    def test_timeout_checks_the_provider_before_sending_again(self):
        self.stub.hang_next()
        sms = self._send_template(self.customers[0])
        self.assertEqual(sms.state, "outgoing")
        self.assertTrue(sms.zz_aliyun_unconfirmed)
        self.stub.release.set()
        # the provider did send it: the next queue run finds it by OutId
        self.env["sms.sms"]._process_queue()
        self.assertEqual(len(self.stub.sends_for(sms.uuid)), 1, "never sent twice")
        self.assertEqual(sms.state, "pending")
        self.assertFalse(sms.zz_aliyun_unconfirmed)

    def test_timeout_leaves_the_rest_of_the_batch_queued(self):
        self.stub.hang_next()
        mailing = self._create_mailing(self.customers)
        mailing.action_send_sms()
        self.assertEqual(len(self.stub.send_requests), 1, "no second wait on a silent provider")
        self.assertEqual(set(self._sms_of(mailing).mapped("state")), {"outgoing"})
        self.stub.release.set()
        self.env["sms.sms"]._process_queue()
        self.assertEqual(len(self.stub.send_requests), 2, "each SMS sent once")
        self.assertEqual(set(mailing.mailing_trace_ids.mapped("trace_status")), {"pending"})

    def test_unreachable_provider_keeps_sms_queued(self):
        # a closed port on loopback: no connection, nothing sent
        self.env["ir.config_parameter"].set_param(
            "crm_zz_marketing.aliyun_endpoint", "http://127.0.0.1:9"
        )
        sms = self._send_template(self.customers[0])
        self.assertEqual(sms.state, "outgoing")
        self.assertEqual(sms.zz_aliyun_attempt_count, 0)
        self.assertIn("unreachable", sms.zz_failure_reason)
        self.env["ir.config_parameter"].set_param(
            "crm_zz_marketing.aliyun_endpoint", self.stub.endpoint
        )
        self.env["sms.sms"]._process_queue()
        self.assertEqual(sms.state, "pending")
        self.assertEqual(len(self.stub.sends_for(sms.uuid)), 1)

    def test_timeout_without_provider_record_sends_again(self):
        self.stub.hang_next()
        sms = self._send_template(self.customers[0])
        self.stub.release.set()
        self.stub.records.clear()  # the request never reached the provider's records
        self.env["sms.sms"]._process_queue()
        self.assertEqual(len(self.stub.sends_for(sms.uuid)), 2)
        self.assertEqual(sms.state, "pending")
        self.assertEqual(sms.zz_aliyun_biz_id, self.stub.records[0]["BizId"])

    def test_wrong_secret_is_a_clear_credentials_failure(self):
        self.env["ir.config_parameter"].set_param(
            "crm_zz_marketing.aliyun_access_key_secret", "not-the-secret"
        )
        sms = self._send_template(self.customers[0])
        self.assertEqual(self.stub.rejected, [("SignatureDoesNotMatch", "SendSms")])
        self.assertFalse(self.stub.send_requests)
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_zz_credentials"))
        self.assertIn("SignatureDoesNotMatch", sms.zz_failure_reason)
        self.assertIn("AccessKey", sms.zz_failure_reason)
        self.env["sms.sms"]._cron_zz_aliyun_retry()
        self.assertEqual(len(self.stub.rejected), 1, "a credentials failure is not retried")

    def test_long_marketing_sms_notes_its_segments(self):
        mailing = self._create_mailing(self.customers[0], body_plaintext="双十二" * 30)
        mailing.action_send_sms()
        sms = self._sms_of(mailing)
        # 【郑州测试】 6 + 90 + 拒收请回复R 6 = 102 characters: two parts of 67
        self.assertEqual(sms.zz_segment_count, 2)
        self.assertEqual(mailing.mailing_trace_ids.zz_segment_count, 2)
        self.assertEqual(len(self.stub.send_requests), 1)

    def test_test_send_of_a_mailing_goes_through_the_provider(self):
        mailing = self._create_mailing(self.customers)
        wizard = self.env["mailing.sms.test"].create(
            {"mailing_id": mailing.id, "numbers": "13700000001\n+1 415 555 0123"}
        )
        wizard.action_send_sms()
        self.assertEqual([r["PhoneNumbers"] for r in self.stub.send_requests], ["13700000001"])
        self.assertEqual(self.stub.send_requests[0]["TemplateCode"], "SMS_900800700")
        log = mailing.message_ids[0].body
        self.assertIn("successfully sent to 13700000001", log)
        self.assertIn("not a mainland China mobile", log)
        self.assertFalse(mailing.mailing_trace_ids, "a test send leaves no trace")
