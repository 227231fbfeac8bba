# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ZZ CRM Marketing",
    "summary": "Campaigns with goals and budgets, segments, email and SMS for Zhengzhou",
    "version": "18.0.1.1.0",
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
        "sms",
    ],
    "external_dependencies": {"python": ["alibabacloud_dysmsapi20170525"]},
    "data": [
        "security/ir.model.access.csv",
        "views/utm_campaign_views.xml",
        "security/crm_zz_marketing_sms_security.xml",
        "data/ir_cron_data.xml",
        "views/res_config_settings_views.xml",
        "views/sms_template_views.xml",
        "views/mailing_mailing_views.xml",
        "views/sms_sms_views.xml",
        "views/mailing_trace_views.xml",
    ],
    "demo": ["demo/utm_campaign_demo.xml"],
    "installable": True,
}
