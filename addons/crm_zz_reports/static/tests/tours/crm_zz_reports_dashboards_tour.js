/** @odoo-module **/
// Copyright 2026 ZZ CRM contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

function openDashboard(name, figureTitle) {
    return [
        {
            content: `Open the ${name} dashboard`,
            trigger: `.o_search_panel_category_value:contains("${name}")`,
            run: "click",
        },
        {
            content: `Its key figure "${figureTitle}" is drawn`,
            trigger: `.o_spreadsheet_dashboard_action canvas.o-scorecard[title="${figureTitle}"]`,
        },
        {
            content: "and its chart",
            trigger: ".o_spreadsheet_dashboard_action .o-figure canvas:not(.o-scorecard)",
        },
    ];
}

// The tour runs in Chinese, as the dashboards' users read them (the test sets it).
registry.category("web_tour.tours").add("crm_zz_reports_dashboards", {
    // one click from CRM > Reporting > CRM Analysis opens the sales dashboard itself
    url: "/odoo/action-crm_zz_reports.spreadsheet_dashboard_sales_manager_action",
    steps: () => [
        {
            content: "The sales dashboard opens with its key figure",
            trigger: '.o_spreadsheet_dashboard_action canvas.o-scorecard[title="商机"]',
        },
        ...openDashboard("营销活动", "线索数"),
        ...openDashboard("服务承诺", "积压"),
    ],
});
