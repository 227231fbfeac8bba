# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ZZ CRM Customer",
    "summary": "Customer master for Zhengzhou enterprises: districts, zones, parks",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "ZZ CRM",
    "website": "https://github.com/zz-crm/zz-crm",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["contacts", "mail", "sale_management", "account"],
    "external_dependencies": {
        "python": ["phonenumbers", "python-stdnum", "openpyxl", "xlsxwriter"]
    },
    "data": [
        "security/ir.model.access.csv",
        "security/crm_zz_customer_security.xml",
        "security/crm_zz_import_rules.xml",
        "data/crm_zz_district_data.xml",
        "data/crm_zz_park_data.xml",
        "data/ir_cron_data.xml",
        "data/crm_zz_pool_rule_data.xml",
        "wizard/crm_zz_partner_transfer_views.xml",
        "wizard/base_partner_merge_automatic_wizard_views.xml",
        "wizard/crm_zz_partner_import_views.xml",
        "views/crm_zz_district_views.xml",
        "views/crm_zz_park_views.xml",
        "views/crm_zz_interaction_views.xml",
        "views/res_partner_views.xml",
        "views/res_partner_value_views.xml",
        "views/crm_zz_pool_views.xml",
        "views/res_partner_duplicate_views.xml",
        "views/res_partner_export_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_zz_customer_menus.xml",
    ],
    "demo": ["demo/res_partner_demo.xml"],
    "assets": {
        "web.assets_tests": ["crm_zz_customer/static/tests/tours/*.js"],
    },
    "installable": True,
    "application": True,
}
