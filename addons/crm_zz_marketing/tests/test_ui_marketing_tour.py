# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MARKETER_GROUPS


@tagged("post_install", "-at_install")
class TestUiMarketingTour(HttpCase):
    """In the browser, a marketer goes from a new campaign through a segment to a sent
    mailing; only the customer who gave consent receives it."""

    def test_campaign_segment_mailing(self):
        marketer = new_test_user(
            self.env, login="crm_zz_marketing-tour", name="市场部 刘芳", groups=MARKETER_GROUPS
        )
        econ_dev = self.env.ref("crm_zz_customer.district_econ_dev")
        tag = self.env["res.partner.category"].create({"name": "浏览器测试"})
        Partner = self.env["res.partner"]
        consenting = Partner.create(
            {
                "name": "郑州浏览器测试机械有限公司",
                "is_company": True,
                "email": "tour-yes@example.cn",
                "zz_zone_id": econ_dev.id,
                "category_id": [tag.id],
            }
        )
        silent = Partner.create(
            {
                "name": "郑州浏览器测试重工有限公司",
                "is_company": True,
                "email": "tour-no@example.cn",
                "zz_zone_id": econ_dev.id,
                "category_id": [tag.id],
            }
        )
        consenting._zz_record_consent("email", "given", "form", purpose="新品资讯")
        self.start_tour(
            "/odoo/action-mass_mailing.action_view_utm_campaigns",
            "crm_zz_marketing_campaign",
            login=marketer.login,
        )
        mailing = self.env["mailing.mailing"].search([("subject", "=", "诚邀参加新品推介会")])
        self.assertEqual(mailing.state, "in_queue")
        # written from the campaign's segments: the mailing belongs to the campaign
        self.assertEqual(mailing.campaign_id.title, "2026 经开区新品推介会")
        self.assertEqual(mailing.campaign_id.zz_budget, 20000)
        self.assertEqual(mailing.zz_segment_id.name, "经开区浏览器测试客户")
        self.assertEqual(mailing.create_uid, marketer)

        self.env["mailing.mailing"]._process_mass_mailing_queue()
        traces = {t.res_id: t for t in mailing.mailing_trace_ids}
        self.assertEqual(traces[consenting.id].trace_status, "sent")
        self.assertEqual(traces[silent.id].trace_status, "cancel")
        self.assertEqual(traces[silent.id].failure_type, "mail_optout")
        self.assertEqual(mailing.campaign_id.zz_mail_sent, 1)
