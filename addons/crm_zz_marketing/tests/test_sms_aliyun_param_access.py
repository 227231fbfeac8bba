# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged, users

from .sms_aliyun_common import SmsAliyunCommon


@tagged("at_install", "-post_install")
class TestSmsAliyunParamAccess(SmsAliyunCommon):
    """Marketing users map the parameters of their SMS mailings; those of SMS
    templates stay with administrators; salespeople only read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(cls.env, login="zz-sms-salesman", groups="sales_team.group_sale_salesman")
        new_test_user(
            cls.env, login="zz-sms-marketer", groups="mass_mailing.group_mass_mailing_user"
        )
        cls.mailing = cls._create_mailing(cls.customers)

    @users("zz-sms-salesman")
    def test_salesman_reads_but_cannot_change_parameters(self):
        params = self.env["crm.zz.marketing.sms.param"].search([])
        self.assertIn(self.template.zz_aliyun_param_ids, params)
        self.assertIn(self.mailing.zz_aliyun_param_ids[0], params)
        with self.assertRaises(AccessError):
            params[0].write({"value": "{{ object.email }}"})

    @users("zz-sms-marketer")
    def test_marketer_edits_mailing_parameters_not_template_ones(self):
        mailing = self.mailing.with_env(self.env)
        mailing.write(
            {"zz_aliyun_param_ids": [Command.create({"key": "date", "value": "12月12日"})]}
        )
        self.assertEqual(mailing.zz_aliyun_param_ids.mapped("key"), ["name", "shop", "date"])
        with self.assertRaises(AccessError):
            self.template.zz_aliyun_param_ids.with_env(self.env).write(
                {"value": "{{ object.email }}"}
            )
        with self.assertRaises(AccessError):
            self.env["crm.zz.marketing.sms.param"].create(
                {"key": "x", "value": "y", "sms_template_id": self.template.id}
            )

    def test_parameter_key_must_be_a_template_variable(self):
        with self.assertRaisesRegex(ValidationError, "客户名"):
            self.env["crm.zz.marketing.sms.param"].create(
                {"key": "客户名", "mailing_id": self.mailing.id}
            )
