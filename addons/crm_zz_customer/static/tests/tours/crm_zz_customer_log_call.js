/** @odoo-module */
import { registry } from "@web/core/registry";

// A salesperson logs a phone call from the customer form in one dialog.
registry.category("web_tour.tours").add("crm_zz_customer_log_call", {
    steps: () => [
        {
            trigger: ".o_form_view button[name=action_zz_log_interaction]",
            content: "Log a call from the customer's header",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            content: "Write what the call was about",
            run: "edit 询问新设备报价",
        },
        {
            trigger: ".modal .o_field_widget[name=next_step] input",
            content: "Plan the next step",
            run: "edit 发送报价单",
        },
        {
            trigger: ".modal .o_form_button_save",
            content: "Save: the one dialog closes",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
