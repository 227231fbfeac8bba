# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged, users

from .common import CrmZzMarketingCommon


@tagged("post_install", "-at_install")
class TestMailingConsent(CrmZzMarketingCommon):
    """A mailing and an SMS to a segment reach exactly the customers who gave consent
    on that channel, are still not blocklisted when the message leaves, and (for SMS)
    have a mainland mobile number."""

    def _launch(self, vals):
        mailing = self.env["mailing.mailing"].create(
            {"zz_segment_id": self.segment.id, "subject": "新品发布会邀请", **vals}
        )
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        mailing.action_launch()
        self.env["mailing.mailing"]._process_mass_mailing_queue()
        self.assertIn(mailing.state, ("sending", "done"))
        return mailing

    @users("crm_zz_marketing-marketer")
    def test_mailing_reaches_only_consenting_customers(self):
        # a mailing this size is queued rather than sent at once, like a big one
        self.env["ir.config_parameter"].sudo().set_param("mail.mail.force.send.limit", 0)
        mailing = self._launch(
            {
                "mailing_type": "mail",
                "body_html": "<p>尊敬的 <t t-out='object.name'/>：诚邀参加新品发布会。</p>",
                "email_from": "marketing@example.cn",
            }
        )
        mails = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        outgoing = mails.filtered(lambda m: m.state == "outgoing")
        self.assertEqual(
            set(outgoing.mapped("res_id")), {self.given.id, self.late.id, self.foreign.id}
        )
        canceled = mails.filtered(lambda m: m.state == "cancel")
        self.assertEqual(set(canceled.mapped("res_id")), {self.unknown.id})
        self.assertEqual(canceled.failure_type, "mail_optout")
        # the withdrawn customer is on the blocklist: not even a recipient
        self.assertNotIn(self.withdrawn.id, mails.mapped("res_id"))

        # withdrawn after the mailing was planned, before the mail leaves
        self.late.sudo()._zz_record_consent("email", "withdrawn", "manual")
        late_mail = outgoing.filtered(lambda m: m.res_id == self.late.id)
        outgoing.sudo().send()
        traces = {trace.res_id: trace for trace in mailing.mailing_trace_ids}
        self.assertEqual(traces[self.given.id].trace_status, "sent")
        self.assertEqual(traces[self.foreign.id].trace_status, "sent")
        self.assertEqual(traces[self.late.id].trace_status, "cancel")
        self.assertEqual(traces[self.late.id].failure_type, "mail_optout")
        self.assertEqual(traces[self.unknown.id].trace_status, "cancel")
        self.assertEqual(late_mail.sudo().state, "cancel", "kept, not sent")

    @users("crm_zz_marketing-marketer")
    def test_sms_reaches_only_consenting_mainland_mobiles(self):
        mailing = self._launch(
            {
                "mailing_type": "sms",
                "body_plaintext": "【宇通机械】{{ object.name }}，5 月 8 日新品发布会。拒收请回复R",
            }
        )
        sms = self.env["sms.sms"].sudo().search([("mailing_id", "=", mailing.id)])
        by_partner = {s.partner_id: s for s in sms}
        self.assertEqual(by_partner[self.unknown].state, "canceled")
        self.assertEqual(by_partner[self.unknown].failure_type, "sms_optout")
        self.assertNotIn(self.withdrawn, by_partner, "blocklisted: not even a recipient")
        self.assertEqual(by_partner[self.given].state, "outgoing")
        self.assertIn("宇达机械", by_partner[self.given].body, "personalised with the customer")

        self.late.sudo()._zz_record_consent("sms", "withdrawn", "manual")
        sms.filtered(lambda s: s.state == "outgoing").send()
        self.assertEqual(by_partner[self.late].state, "canceled")
        self.assertEqual(by_partner[self.late].failure_type, "sms_optout")
        self.assertEqual(by_partner[self.foreign].state, "canceled")
        self.assertEqual(by_partner[self.foreign].failure_type, "sms_number_format")
        # the consenting customer's SMS went to the provider (none reachable in tests)
        self.assertNotEqual(by_partner[self.given].state, "canceled")
        traces = {t.res_id: t for t in mailing.mailing_trace_ids}
        self.assertEqual(traces[self.late.id].trace_status, "cancel")
        self.assertEqual(traces[self.foreign.id].failure_type, "sms_number_format")

    @users("crm_zz_marketing-marketer")
    def test_sms_without_opt_out_notice_is_refused(self):
        mailing = self.env["mailing.mailing"].create(
            {
                "zz_segment_id": self.segment.id,
                "subject": "促销",
                "mailing_type": "sms",
                "body_plaintext": "【宇通机械】五一促销，全场九折。",
            }
        )
        with self.assertRaisesRegex(UserError, "拒收请回复R"):
            mailing.action_launch()
        self.assertEqual(mailing.state, "draft")
        mailing.sms_allow_unsubscribe = True
        mailing.action_launch()
        self.assertEqual(mailing.state, "in_queue")

    @users("crm_zz_marketing-marketer")
    def test_segment_without_anyone_reachable_is_refused(self):
        nobody = self.env["crm.zz.marketing.segment"].create(
            {
                "name": "登封 D 级",
                "district_ids": [self.env.ref("crm_zz_customer.district_410185").id],
            }
        )
        mailing = self.env["mailing.mailing"].create(
            {"zz_segment_id": nobody.id, "subject": "邀请", "body_html": "<p>您好</p>"}
        )
        with self.assertRaisesRegex(UserError, "登封 D 级"):
            mailing.action_launch()
        tag = self.env["res.partner.category"].sudo().create({"name": "未征询同意"})
        self.unknown.sudo().category_id = tag
        unknown_only = self.env["crm.zz.marketing.segment"].create(
            {"name": "未同意客户", "tag_ids": [tag.id]}
        )
        self.assertEqual(unknown_only.partner_count, 1)
        self.assertEqual(unknown_only.email_reachable_count, 0)
        mailing.zz_segment_id = unknown_only
        with self.assertRaisesRegex(UserError, "consent"):
            mailing.action_launch()

    def test_unsubscribe_and_sms_reply_withdraw_consent(self):
        self.env["mail.blacklist"].with_context(
            zz_consent_source="unsubscribe", zz_consent_source_ref="新品发布会邀请"
        )._add("yuda@example.cn")
        self.assertEqual(self.given.zz_consent_email, "withdrawn")
        event = self.given.zz_consent_ids.filtered(
            lambda e: e.channel == "email" and e.state == "withdrawn"
        )
        self.assertEqual(event.source, "unsubscribe")
        self.assertEqual(event.source_ref, "新品发布会邀请")

        Blacklist = self.env["phone.blacklist"]
        self.assertFalse(Blacklist._zz_process_sms_reply("+8613800000001", "好的，谢谢"))
        self.assertEqual(self.given.zz_consent_sms, "given")
        self.assertTrue(Blacklist._zz_process_sms_reply("+8613800000001", " 退订 "))
        self.assertEqual(self.given.zz_consent_sms, "withdrawn")
        sms_event = self.given.zz_consent_ids.filtered(
            lambda e: e.channel == "sms" and e.state == "withdrawn"
        )
        self.assertEqual(sms_event.source, "sms_reply")
        self.assertIn("退订", sms_event.proof)
        self.assertTrue(Blacklist.search([("number", "=", "+8613800000001")]))

    def test_sms_consent_withdrawal_blocks_the_number(self):
        self.given._zz_record_consent("sms", "withdrawn", "manual")
        self.assertTrue(self.env["phone.blacklist"].search([("number", "=", "+8613800000001")]))
        self.given._zz_record_consent("sms", "given", "form", proof="纸质同意书 #7")
        self.assertFalse(self.env["phone.blacklist"].search([("number", "=", "+8613800000001")]))

    @users("crm_zz_marketing-marketer")
    def test_marketer_sees_consent_but_cannot_rewrite_it(self):
        given = self.given.with_user(self.env.user)
        self.assertEqual(given.zz_consent_email, "given")
        history = given.zz_consent_ids
        self.assertTrue(history)
        history.read(["state", "source", "purpose"])
        with self.assertRaises(AccessError):
            history.write({"state": "withdrawn"})
        with self.assertRaises(AccessError):
            history.unlink()
        self.assertEqual(given.zz_consent_email, "given")
