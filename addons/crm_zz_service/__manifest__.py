# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ZZ CRM Service",
    "summary": "Service requests and complaints with SLA and satisfaction for Zhengzhou",
    "version": "18.0.1.1.0",
    "category": "After-Sales",
    "author": "ZZ CRM",
    "website": "https://github.com/zz-crm/zz-crm",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["crm_zz_customer", "helpdesk_mgmt", "survey", "resource", "sale"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_zz_service_rules.xml",
        "data/helpdesk_ticket_channel_data.xml",
        "data/helpdesk_ticket_stage_data.xml",
        "data/mail_activity_type_data.xml",
        "data/crm_zz_service_sla_policy_data.xml",
        "data/survey_data.xml",
        "data/ir_cron_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_interaction_views.xml",
        "views/crm_zz_service_sla_policy_views.xml",
        "views/crm_zz_service_article_views.xml",
        "views/crm_zz_service_relationship_survey_views.xml",
        "views/crm_zz_service_satisfaction_report_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/crm_zz_service_menus.xml",
    ],
    "demo": ["demo/helpdesk_ticket_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "crm_zz_service/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
