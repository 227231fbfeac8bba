# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import CrmZzSalesCommon


@tagged("post_install", "-at_install")
class TestRoadToCash(CrmZzSalesCommon):
    """From the opportunity's quotation to delivery and paid invoice, the opportunity
    and the customer show ordered, delivered, invoiced, paid and overdue amounts;
    the order shows the customer's district."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vat = cls.env["account.tax"].create(
            {"name": "增值税 13%", "amount": 13.0, "amount_type": "percent", "type_tax_use": "sale"}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "数控车床 CK6150",
                "type": "consu",
                "is_storable": True,
                "list_price": 100000.0,
                "invoice_policy": "order",
                "taxes_id": [cls.vat.id],
            }
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(cls.product, warehouse.lot_stock_id, 1)

    def test_opportunity_and_customer_follow_the_money(self):
        lead = self._create_opportunity(expected_revenue=200000)
        action = lead.action_new_quotation()
        with Form(self.env["sale.order"].with_context(**action["context"])) as quotation:
            with quotation.order_line.new() as line:
                line.product_id = self.product
                line.product_uom_qty = 2
        order = quotation.record
        self.assertEqual(order.opportunity_id, lead)
        self.assertEqual(order.zz_district_id, self.jinshui)
        self.customer.zz_grade_manual = "a"
        self.assertEqual(order.zz_grade, "a")
        # product availability while quoting: sale_stock's figure on the line
        self.assertEqual(order.order_line.free_qty_today, 1)
        self.assertFalse(lead.zz_delivery_status)  # a quotation is not an order yet
        order.action_confirm()
        lead.invalidate_recordset()
        self.assertEqual(lead.zz_order_amount, 200000)  # taxes excluded
        self.assertEqual(lead.zz_delivery_status, "pending")

        picking = order.picking_ids
        picking.move_ids.quantity = 1  # one machine in stock: partial delivery
        picking.move_ids.picked = True
        Form.from_action(self.env, picking.button_validate()).save().process()
        lead.invalidate_recordset()
        self.assertEqual(lead.zz_delivery_status, "partial")

        with freeze_time(date(2026, 5, 1)):
            invoice = order._create_invoices()
            invoice.invoice_date_due = date(2026, 5, 31)
            invoice.action_post()
        lead.invalidate_recordset()
        self.assertEqual(lead.zz_invoiced_amount, 226000)  # 13 % VAT included
        # the salesperson sees the figure even when the invoice is a colleague's
        invoice.invoice_user_id = self.salesman_2
        self.env.invalidate_all()
        self.assertEqual(lead.with_user(self.salesman).zz_invoiced_amount, 226000)
        self.assertEqual(lead.zz_paid_amount, 0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 50000, "payment_date": date(2026, 5, 20)})._create_payments()
        with freeze_time(date(2026, 6, 15)):
            lead.invalidate_recordset()
            self.assertEqual(lead.zz_paid_amount, 50000)
            self.assertEqual(lead.zz_overdue_amount, 176000)
            customer = self.customer
            customer.invalidate_recordset()
            # the customer's 360° figures: amounts from crm_zz_customer, deals from here
            self.assertEqual(customer.zz_order_amount, 200000)
            self.assertEqual(customer.zz_invoiced_amount, 226000)
            self.assertEqual(customer.zz_paid_amount, 50000)
            self.assertEqual(customer.zz_overdue_amount, 176000)
            self.assertEqual(customer.zz_open_opportunity_count, 1)
            self.assertEqual(customer.zz_won_opportunity_count, 0)
            self.assertEqual(customer.zz_undelivered_order_count, 1)
