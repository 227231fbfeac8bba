# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged, users

from .common import CrmZzMarketingCommon


@tagged("post_install", "-at_install")
class TestSegment(CrmZzMarketingCommon):
    """A segment selects customers by place, industry and value, counts them live,
    tells how many may be reached per channel, and follows the customers as they
    change; a mailing to it is a mailing to res.partner with the segment's domain."""

    def test_segment_counts_and_previews_live(self):
        self.assertEqual(self.segment.partner_count, 5)
        self.assertEqual(set(self.segment.preview_partner_ids.ids), set(self.segment_customers.ids))
        self.assertEqual(self.segment.email_reachable_count, 3)  # given, late, foreign
        self.assertEqual(self.segment.sms_reachable_count, 3)
        self.outside.write({"zz_zone_id": self.econ_dev.id})
        self.segment.invalidate_recordset()
        self.assertEqual(self.segment.partner_count, 6)

    @users("crm_zz_marketing-marketer")
    def test_marketer_builds_a_segment_and_mails_it(self):
        with Form(self.env["crm.zz.marketing.segment"]) as form:
            form.name = "经开区客户"
            form.zone_ids.add(self.econ_dev)
            form.kind = "all"
        segment = form.record
        self.assertEqual(segment.partner_count, 5)
        action = segment.action_new_mailing()
        with Form(self.env["mailing.mailing"].with_context(**action["context"])) as mailing_form:
            mailing_form.subject = "客户答谢会"
        mailing = mailing_form.record
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        self.assertIn("zz_zone_id", mailing.mailing_domain)
        self.assertEqual(
            set(mailing._get_recipients()), set(self.segment_customers.ids) - {self.withdrawn.id}
        )
        # the segment changes: the mailing follows without being edited
        segment.kind = "person"
        self.assertFalse(mailing._get_recipients())

    def test_inconsistent_criteria_are_refused_with_the_field_named(self):
        with self.assertRaisesRegex(ValidationError, "经开区 A 级制造企业"):
            self.segment.write({"min_amount": 5000, "max_amount": 1000})
        with self.assertRaises(ValidationError):
            self.segment.write(
                {"last_order_after": "2026-05-01", "last_order_before": "2026-01-01"}
            )

    @users("crm_zz_marketing-salesman")
    def test_salesman_reads_segments_but_does_not_change_them(self):
        segment = self.segment.with_user(self.env.user)
        self.assertEqual(segment.partner_count, 5)
        with self.assertRaises(AccessError):
            segment.write({"name": "改名"})
        with self.assertRaises(AccessError):
            self.env["crm.zz.marketing.segment"].create({"name": "新分组"})
