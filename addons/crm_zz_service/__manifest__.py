# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ZZ CRM Service",
    "summary": "Service requests and complaints with SLA and satisfaction for Zhengzhou",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "ZZ CRM",
    "website": "https://github.com/zz-crm/zz-crm",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["crm_zz_customer", "helpdesk_mgmt", "survey"],
    "data": [
        "security/ir.model.access.csv",
        "data/helpdesk_ticket_channel_data.xml",
        "views/helpdesk_ticket_views.xml",
    ],
    "demo": ["demo/helpdesk_ticket_demo.xml"],
    "installable": True,
}
