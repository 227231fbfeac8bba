# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import Command
from odoo.tests import common as tests_common

from odoo.addons.base.tests.common import BaseCommon

from .aliyun_stub import AliyunSmsStub

ACCESS_KEY_ID = "LTAI5tZZCRMTEST"
ACCESS_KEY_SECRET = "zz-crm-test-secret"
SIGN_NAME = "郑州测试"


class SmsAliyunCommon(BaseCommon):
    """Alibaba Cloud chosen as SMS provider, pointed at a loopback stand-in of
    its API that checks the SDK's signatures; two customers with mainland
    mobiles and an approved template mapped to an SMS template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stub = AliyunSmsStub(
            ACCESS_KEY_ID,
            ACCESS_KEY_SECRET,
            sign_names=[SIGN_NAME],
            templates={"SMS_100200300": ["name"], "SMS_900800700": ["name", "shop"]},
        ).start()
        cls.addClassCleanup(cls.stub.stop)
        cls.env["res.config.settings"].create(
            {
                "zz_sms_provider": "aliyun",
                "zz_aliyun_access_key_id": ACCESS_KEY_ID,
                "zz_aliyun_access_key_secret": ACCESS_KEY_SECRET,
                "zz_aliyun_sign_name": SIGN_NAME,
                "zz_aliyun_endpoint": cls.stub.endpoint,
            }
        ).execute()
        # a short read timeout keeps the timeout scenario quick
        cls.env["ir.config_parameter"].set_param("crm_zz_marketing.aliyun_read_timeout_ms", 1000)
        cls.customers = cls.env["res.partner"].create(
            [
                {"name": "张伟", "phone": "+86 138 3712 0001"},
                {"name": "李娜", "phone": "+86 139 3712 0002"},
            ]
        )
        # marketing SMS reach only those who agreed to them (PIPL)
        cls.customers._zz_record_consent("sms", "given", "manual")
        cls.template = cls.env["sms.template"].create(
            {
                "name": "订单提醒",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "body": "{{ object.name }}您好，您的订单已发货。",
                "zz_aliyun_template_code": "SMS_100200300",
                "zz_aliyun_param_ids": [
                    Command.create({"key": "name", "value": "{{ object.name }}"})
                ],
            }
        )

    def setUp(self):
        super().setUp()
        self.stub.reset()

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # Odoo's test guard lets loopback through but raises a numeric timeout
        # to 10 s, and the SDK passes a (connect, read) pair: the stand-in gets
        # the SDK's request untouched.
        if r.url.startswith("http://127.0.0.1:"):
            return tests_common._super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)

    @classmethod
    def _send_template(cls, partners, template=None, force_send=True):
        """The SMS composer in mass mode, as *Send SMS* on a customer list does."""
        composer = (
            cls.env["sms.composer"]
            .with_context(active_model="res.partner", active_ids=partners.ids)
            .create(
                {
                    "composition_mode": "mass",
                    "res_model": "res.partner",
                    "res_ids": repr(partners.ids),
                    "template_id": (template or cls.template).id,
                    "mass_force_send": force_send,
                    "mass_keep_log": False,
                }
            )
        )
        return composer._action_send_sms()

    @classmethod
    def _create_mailing(cls, partners, **values):
        return cls.env["mailing.mailing"].create(
            {
                "subject": "双十二促销",
                "mailing_type": "sms",
                "mailing_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "in", partners.ids)]),
                "body_plaintext": "{{ object.name }}您好，二七万达店双十二全场八折。",
                "sms_allow_unsubscribe": False,
                "sms_force_send": True,
                "zz_aliyun_template_code": "SMS_900800700",
                "zz_aliyun_param_ids": [
                    Command.create({"key": "name", "value": "{{ object.name }}"}),
                    Command.create({"key": "shop", "value": "二七万达店"}),
                ],
                **values,
            }
        )

    def _sms_of(self, mailing):
        return self.env["sms.sms"].search([("mailing_id", "=", mailing.id)])

    @staticmethod
    def _params(request):
        return json.loads(request["TemplateParam"])
