# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ZZ CRM Sales",
    "summary": "Lead channels, pipeline and the road to cash for Zhengzhou enterprises",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "ZZ CRM",
    "website": "https://github.com/zz-crm/zz-crm",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["crm_zz_customer", "crm", "sale_crm", "sale_stock"],
    "data": [
        "security/ir.model.access.csv",
        "data/utm_source_data.xml",
        "views/crm_lead_views.xml",
    ],
    "demo": ["demo/crm_lead_demo.xml"],
    "installable": True,
}
