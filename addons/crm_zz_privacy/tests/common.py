# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class CrmZzPrivacyCommon(BaseCommon):
    """A privacy officer and a salesperson; 陈静, a contact of a company with a posted
    invoice, known by email and mobile, with a lead, an interaction, a ticket, a
    consent, a survey answer and a message of hers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="crm_zz_privacy-officer",
            name="周专员",
            groups="crm_zz_privacy.crm_zz_privacy_group_officer",
        )
        cls.salesman = new_test_user(
            cls.env,
            login="crm_zz_privacy-salesman",
            name="王磊",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
        )
        Partner = cls.env["res.partner"]
        cls.company = Partner.create(
            {
                "name": "郑州隐私测试机械有限公司",
                "is_company": True,
                "email": "info@zzjx.example.com",
            }
        )
        cls.person = Partner.create(
            {
                "name": "陈静",
                "parent_id": cls.company.id,
                "email": "chen.jing@zzjx.example.com",
                "mobile": "13800138000",
                "function": "采购经理",
                "street": "金水路 88 号",
            }
        )
        cls.other = Partner.create({"name": "刘洋", "email": "liu.yang@example.com"})
        product = cls.env["product.product"].create(
            {"name": "隐私测试设备", "type": "service", "list_price": 1000.0}
        )
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.company.id,
                "invoice_line_ids": [
                    Command.create({"product_id": product.id, "price_unit": 1000.0, "tax_ids": []})
                ],
            }
        )
        cls.invoice.action_post()
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "陈静 询价 数控机床",
                "type": "opportunity",
                "partner_id": cls.person.id,
                "contact_name": "陈静",
                "expected_revenue": 50000.0,
            }
        )
        cls.interaction = cls.env["crm.zz.interaction"].create(
            {
                "kind": "call",
                "partner_id": cls.company.id,
                "contact_id": cls.person.id,
                "name": "电话回访报价",
            }
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "机床报警 E21",
                "description": "<p>陈静 来电报修</p>",
                "partner_id": cls.person.id,
                "partner_name": "陈静",
                "partner_email": "chen.jing@zzjx.example.com",
            }
        )
        cls.consent = cls.env["crm.zz.consent"].create(
            {
                "partner_id": cls.person.id,
                "channel": "sms",
                "state": "given",
                "proof": "纸质同意书 No.2026-031 陈静签字",
            }
        )
        survey = cls.env["survey.survey"].create({"title": "隐私测试满意度"})
        cls.user_input = cls.env["survey.user_input"].create(
            {"survey_id": survey.id, "partner_id": cls.person.id, "email": cls.person.email}
        )
        cls.message = cls.lead.message_post(
            body="请发报价单",
            author_id=cls.person.id,
            email_from="陈静 <chen.jing@zzjx.example.com>",
            message_type="comment",
        )

    def _request(self, request_type="access", partner=None, **values):
        return (
            self.env["crm.zz.privacy.request"]
            .with_user(self.officer)
            .create(
                {
                    "request_type": request_type,
                    "partner_id": (partner or self.person).id,
                    **values,
                }
            )
        )
