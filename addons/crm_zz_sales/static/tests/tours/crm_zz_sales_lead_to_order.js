/** @odoo-module **/
// A salesperson takes a new opportunity through a gated stage to won and a
// confirmed quotation. Stage names are the general B2B template's.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_zz_sales_lead_to_order", {
    url: "/odoo/action-crm.crm_lead_action_pipeline/new",
    steps: () => [
        {
            content: "Name the opportunity",
            trigger: ".o_field_widget[name=name] textarea",
            run: "edit 郑州数控机床项目",
        },
        {
            content: "Expected revenue",
            trigger: ".o_field_widget[name=expected_revenue] input",
            run: "edit 200000",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 金水精密",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(金水精密)",
            run: "click",
        },
        {
            content: "Save the new opportunity in the first stage",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(线索)",
        },
        {
            content: "Only the industry pipeline's stages, not the shared ones",
            trigger: ".o_statusbar_status:not(:has(button[data-value]:contains(提案)))",
        },
        {
            content: "Try the gated stage without budget and decision maker",
            trigger: ".o_statusbar_status button:contains(方案报价)",
            run: "click",
        },
        {
            content: "The gate names the stage",
            trigger: ".modal-body:contains(方案报价)",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Open the qualification tab",
            trigger: ".o_notebook .nav-link[name=zz_qualification]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=zz_budget_amount] input",
            run: "edit 300000",
        },
        {
            trigger: ".o_field_widget[name=zz_decision_maker] input",
            run: "edit 刘总",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Now through the gate",
            trigger: ".o_form_saved",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(方案报价)",
        },
        {
            content: "Mark as won",
            trigger: "button[name=action_set_won_rainbowman]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(赢单)",
        },
        {
            content: "Make the quotation",
            trigger: "button[name=action_sale_quotations_new]",
            run: "click",
        },
        {
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=product_template_id] input",
            run: "edit 数控车床",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(数控车床)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=price_subtotal]:contains(200)",
        },
        {
            content: "Save the quotation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Confirm the quotation",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=sale]",
        },
    ],
});
