# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUnsubscribeLink(HttpCase):
    """A customer who follows a mailing's unsubscribe link is put on the blocklist by
    mass_mailing; their email consent is withdrawn, with the link and the mailing as
    source of the consent event."""

    def test_unsubscribe_link_withdraws_consent(self):
        partner = self.env["res.partner"].create(
            {"name": "郑州退订测试有限公司", "is_company": True, "email": "tuiding@example.cn"}
        )
        partner._zz_record_consent("email", "given", "form")
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "五月新品通知",
                "body_html": "<p>新品</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            }
        )
        token = mailing._generate_mailing_recipient_token(partner.id, partner.email_normalized)
        response = self.url_open(
            f"/mailing/{mailing.id}/unsubscribe?email={partner.email_normalized}"
            f"&document_id={partner.id}&hash_token={token}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(partner.zz_consent_email, "withdrawn")
        event = partner.zz_consent_ids.filtered(lambda e: e.state == "withdrawn")
        self.assertEqual(event.source, "unsubscribe")
        self.assertEqual(event.source_ref, "五月新品通知")
        self.assertEqual(event.address, "tuiding@example.cn")
