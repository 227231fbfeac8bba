# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import Form, tagged

from .common import CrmZzCustomerCommon

SUMMARY_FIELDS = [
    "zz_quotation_count",
    "zz_order_count",
    "zz_order_amount",
    "zz_invoiced_amount",
    "zz_paid_amount",
    "zz_due_amount",
    "zz_overdue_amount",
    "zz_interaction_count",
    "zz_last_contact_date",
]


@tagged("at_install", "-post_install")
class TestPartnerSummary(CrmZzCustomerCommon):
    """The customer form shows quotations, orders, invoiced, paid and overdue amounts,
    and the figures of a list cost the same few queries for 5 or 40 customers."""

    def test_figures_of_one_customer(self):
        self._confirmed_order(self.contact, amount=3000.0)
        self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": self.product.id, "price_unit": 500})],
            }
        )
        overdue = self._posted_invoice(
            self.customer, amount=1000.0, invoice_date="2026-01-05", due_date="2026-02-04"
        )
        paid = self._posted_invoice(self.contact, amount=2000.0, invoice_date="2026-01-05")
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=paid.ids
        ).create({})._create_payments()
        self.assertEqual(overdue.payment_state, "not_paid")
        self.assertIn(paid.payment_state, ("paid", "in_payment"))

        form = Form(self.customer)
        self.assertEqual(form.zz_quotation_count, 1)
        self.assertEqual(form.zz_order_count, 1)
        self.assertAlmostEqual(form.zz_order_amount, 3000.0)
        self.assertAlmostEqual(form.zz_invoiced_amount, 3000.0)
        self.assertAlmostEqual(form.zz_paid_amount, 2000.0)
        self.assertAlmostEqual(form.zz_due_amount, 1000.0)
        self.assertAlmostEqual(form.zz_overdue_amount, 1000.0)
        # a contact shows its company's figures
        self.assertAlmostEqual(self.contact.zz_invoiced_amount, 3000.0)
        quotations = self.env["sale.order"].search(
            self.customer.action_zz_view_quotations()["domain"]
        )
        self.assertEqual(len(quotations), 1)

    def test_query_count_does_not_grow_with_customers(self):
        partners = self.env["res.partner"].create(
            [{"name": f"郑州批量客户{i}", "is_company": True} for i in range(40)]
        )
        contacts = self.env["res.partner"].create(
            [{"name": f"联系人{i}", "parent_id": p.id} for i, p in enumerate(partners)]
        )
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": c.id,
                    "order_line": [Command.create({"product_id": self.product.id})],
                }
                for c in contacts
            ]
        )
        orders.action_confirm()
        moves = self.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": p.id,
                    "invoice_date": "2026-01-05",
                    "invoice_line_ids": [
                        Command.create({"product_id": self.product.id, "tax_ids": []})
                    ],
                }
                for p in partners
            ]
        )
        moves.action_post()
        self.env["crm.zz.interaction"].create(
            [{"partner_id": p.id, "name": "回访"} for p in partners]
        )

        def count_queries(records):
            self.env.flush_all()
            self.env.invalidate_all()
            records = records.browse(records.ids)
            before = self.env.cr.sql_log_count
            values = [record[field] for record in records for field in SUMMARY_FIELDS]
            self.assertEqual(len(values), len(records) * len(SUMMARY_FIELDS))
            return self.env.cr.sql_log_count - before

        count_queries(partners[:1])  # warm the caches that do not depend on customers
        few = count_queries(partners[:5])
        many = count_queries(partners)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 12)
        self.assertEqual(partners[7].zz_order_count, 1)
        self.assertEqual(contacts[7].zz_interaction_count, 1)
