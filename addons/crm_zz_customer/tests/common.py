# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class CrmZzCustomerCommon(BaseCommon):
    """Two salespeople, a sales manager, customers, and helpers for deals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_zz_customer-salesman",
            name="王磊",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
        )
        cls.salesman_2 = new_test_user(
            cls.env,
            login="crm_zz_customer-salesman2",
            name="李娜",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
        )
        cls.sales_manager = new_test_user(
            cls.env,
            login="crm_zz_customer-manager",
            name="张经理",
            groups="sales_team.group_sale_manager,base.group_partner_manager",
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {"name": "郑州测试机械有限公司", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.contact = Partner.create(
            {"name": "赵强", "parent_id": cls.customer.id, "mobile": "13812345678"}
        )
        cls.customer_2 = Partner.create(
            {"name": "郑州测试物流有限公司", "is_company": True, "user_id": cls.salesman_2.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "测试设备", "type": "service", "list_price": 1000.0}
        )

    @classmethod
    def _confirmed_order(cls, partner, amount=1000.0, date_order=None):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": 1, "price_unit": amount}
                    )
                ],
            }
        )
        order.action_confirm()
        if date_order:
            order.date_order = date_order
        return order

    @classmethod
    def _posted_invoice(cls, partner, amount=1000.0, invoice_date=None, due_date=None):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": invoice_date,
                "invoice_date_due": due_date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move
