# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ZZ CRM Reports",
    "summary": "Dashboards and analysis across customers, sales, marketing and service",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "author": "ZZ CRM",
    "website": "https://github.com/zz-crm/zz-crm",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["crm_zz_customer", "crm_zz_sales", "crm_zz_marketing", "crm_zz_service"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_zz_reports_security.xml",
        "report/crm_zz_customer_report_views.xml",
        "views/crm_zz_reports_menus.xml",
    ],
    # No demo data of its own: it analyses the other modules' demo records.
    "demo": [],
    "installable": True,
}
