# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .common import CrmZzSalesCommon


@tagged("at_install", "-post_install")
class TestLeadCustomerGrade(CrmZzSalesCommon):
    """The pipeline shows each customer's grade, the one the nightly value analysis
    gave it or the one a manager set, and can be filtered by it."""

    def _post_invoices(self, partner, amount, count):
        product = self.env["product.product"].create({"name": "数控机床", "type": "service"})
        self.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": "2026-11-20",
                    "invoice_line_ids": [
                        Command.create(
                            {"product_id": product.id, "price_unit": amount, "tax_ids": []}
                        )
                    ],
                }
                for _repeat in range(count)
            ]
        ).action_post()

    def test_lead_grade_follows_the_value_analysis_and_the_override(self):
        contact = self.env["res.partner"].create({"name": "孙经理", "parent_id": self.customer.id})
        lead = self._create_opportunity()
        contact_lead = self._create_opportunity(name="配件采购", partner_id=contact.id)
        leads = lead | contact_lead
        self.assertEqual(leads.mapped("zz_grade"), [False, False])
        # the biggest, most frequent and most recent customer of the database
        self._post_invoices(self.customer, 50_000_000.0, 40)
        self.env["res.partner"]._cron_zz_rfm()
        self.env.invalidate_all()
        self.assertEqual(self.customer.zz_grade, "a")
        self.assertEqual(leads.mapped("zz_grade"), ["a", "a"])
        Lead = self.env["crm.lead"]
        self.assertEqual(Lead.search([("zz_grade", "=", "a"), ("id", "in", leads.ids)]), leads)
        # a manager's override wins, on the customer and in the pipeline
        self.customer.zz_grade_manual = "c"
        self.assertEqual(Lead.search([("zz_grade", "=", "c"), ("id", "in", leads.ids)]), leads)
