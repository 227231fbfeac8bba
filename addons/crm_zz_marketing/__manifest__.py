# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ZZ CRM Marketing",
    "summary": "Campaigns with goals and budgets, segments, email and SMS for Zhengzhou",
    "version": "18.0.1.0.0",
    "category": "Marketing",
    "author": "ZZ CRM",
    "website": "https://github.com/zz-crm/zz-crm",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "crm_zz_sales",
        "mass_mailing",
        "mass_mailing_sms",
        "mass_mailing_crm",
        "mass_mailing_sale",
        "event",
        "event_crm",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/utm_campaign_views.xml",
    ],
    "demo": ["demo/utm_campaign_demo.xml"],
    "installable": True,
}
