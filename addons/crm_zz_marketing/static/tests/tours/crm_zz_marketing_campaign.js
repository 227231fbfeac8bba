/** @odoo-module */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A marketer plans a campaign, defines a segment and sends it a mailing.
registry.category("web_tour.tours").add("crm_zz_marketing_campaign", {
    steps: () => [
        {
            trigger: ".o_kanban_view .o-kanban-button-new",
            content: "Plan a new campaign from the campaigns' kanban",
            run: "click",
        },
        {
            trigger: ".o_kanban_quick_create .o_field_widget[name=title] input",
            content: "Name the new campaign",
            run: "edit 2026 经开区新品推介会",
        },
        {
            trigger: ".o_kanban_quick_create .o_kanban_edit",
            content: "Open it to plan it in full",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=title] input:value(2026 经开区新品推介会)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=zz_budget] input",
            content: "Give it a budget",
            run: "edit 20000",
        },
        ...stepUtils.saveForm(),
        {
            trigger: "button[name=action_zz_view_segments]",
            content: "Open the campaign's customer segments",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            content: "Define a new segment",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            content: "Name the segment",
            run: "edit 经开区浏览器测试客户",
        },
        {
            trigger: ".o_field_widget[name=zone_ids] input",
            content: "Aim it at 经开区",
            run: "edit 经济技术",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(郑州经济技术开发区)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=tag_ids] input",
            content: "and at the customers of the tour",
            run: "edit 浏览器测试",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(浏览器测试)",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_field_widget[name=email_reachable_count]:contains(1)",
            content: "One of the two customers gave consent to email",
        },
        {
            // the email button is the primary one (the SMS one is secondary), whatever the language
            trigger: "button[name=action_new_mailing].btn-primary",
            content: "Write an email to the segment",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=zz_segment_id] input:value(经开区浏览器测试客户)",
        },
        {
            trigger: '[name="body_arch"] :iframe #basic',
            content: "Pick the basic layout",
            run: "click",
        },
        {
            trigger: "input#subject_0",
            content: "Write the subject",
            run: "edit 诚邀参加新品推介会",
        },
        ...stepUtils.saveForm(),
        {
            trigger: "button[name=action_launch]",
            content: "Send it",
            run: "click",
        },
        {
            trigger: ".modal footer .btn-primary",
            content: "Confirm",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=in_queue]",
            content: "The mailing is queued for sending",
        },
    ],
});
