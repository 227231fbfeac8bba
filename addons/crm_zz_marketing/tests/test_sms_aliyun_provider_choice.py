# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.sms.tests.common import SMSCase

from .sms_aliyun_common import SmsAliyunCommon


@tagged("at_install", "-post_install")
class TestSmsProviderChoice(SmsAliyunCommon, SMSCase):
    """The provider chosen in Settings decides: with Odoo IAP, SMS go through
    IAP exactly as in standard Odoo (Odoo's own IAP test double) and Alibaba
    Cloud is never called."""

    def test_iap_provider_keeps_odoo_path(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.zz_sms_provider, "aliyun")
        settings.zz_sms_provider = "iap"
        settings.execute()
        with self.mockSMSGateway():
            self._send_template(self.customers[0])
        self.assertSMSIapSent(["+8613837120001"], content="张伟您好")
        self.assertFalse(self.stub.send_requests)
        self.assertFalse(self.stub.rejected)
