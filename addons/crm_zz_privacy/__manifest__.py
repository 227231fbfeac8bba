# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ZZ CRM Privacy",
    "summary": "PIPL data-subject requests (access, copy, correction, deletion) and retention",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "author": "ZZ CRM",
    "website": "https://github.com/zz-crm/zz-crm",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["crm_zz_sales", "crm_zz_marketing", "crm_zz_service", "privacy_lookup"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/crm_zz_privacy_groups.xml",
        "security/ir.model.access.csv",
        "security/crm_zz_privacy_security.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "views/privacy_lookup_wizard_views.xml",
        "views/crm_zz_privacy_request_views.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_zz_privacy_menus.xml",
    ],
    "installable": True,
}
