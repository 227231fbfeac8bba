# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer analysis's first rules tested the customer's owner on every row;
its rows now carry the owner of what they count and get rules per kind of row.
The old rules are noupdate: Odoo keeps them on update, and OR-ed with the new
ones they would show a salesperson rows he may not read. Remove them."""

from odoo import SUPERUSER_ID, api

OLD_RULES = (
    "crm_zz_reports.crm_zz_customer_report_rule_personal",
    "crm_zz_reports.crm_zz_customer_report_rule_all",
    "crm_zz_reports.crm_zz_customer_report_rule_company",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in OLD_RULES:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.unlink()
