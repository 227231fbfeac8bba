/** @odoo-module **/
// An agent (working in Chinese) takes a complaint from creation to its follow-up
// visit and closing.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("crm_zz_service_complaint_tour", {
    url: "/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/new",
    steps: () => [
        {
            content: "Title of the complaint",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 投诉：维修人员迟到两小时",
        },
        {
            content: "What the customer said",
            trigger: ".o_field_html[name=description] .odoo-editor-editable",
            run: "editor 约好上午九点上门，十一点才到，客户很不满意。",
        },
        {
            content: "It is a complaint",
            trigger: ".o_field_widget[name=zz_request_type] select",
            run: 'select "complaint"',
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, with its SLA",
            trigger: ".o_form_saved",
        },
        {
            content: "Open the complaint tab",
            trigger: ".o_notebook_headers a[name=zz_complaint]",
            run: "click",
        },
        {
            content: "Root cause",
            trigger: ".o_field_widget[name=zz_root_cause] textarea",
            run: "edit 派工时未考虑路况，工程师行程冲突",
        },
        {
            content: "Resolution",
            trigger: ".o_field_widget[name=zz_resolution] textarea",
            run: "edit 致歉并减免上门费，调整派工规则",
        },
        {
            content: "Solve it",
            trigger: ".o_statusbar_status button:contains(已解决)",
            run: "click",
        },
        {
            content: "The follow-up visit is scheduled",
            trigger: ".o-mail-Activity:contains(回访)",
        },
        {
            content: "Back on the complaint tab",
            trigger: ".o_notebook_headers a[name=zz_complaint]",
            run: "click",
        },
        {
            content: "The customer's satisfaction at the visit",
            trigger: ".o_field_widget[name=zz_followup_satisfaction] select",
            run: 'select "4"',
        },
        {
            content: "Notes of the visit",
            trigger: ".o_field_widget[name=zz_followup_note] textarea",
            run: "edit 客户接受道歉，表示满意",
        },
        {
            content: "Follow-up done",
            trigger: "button[name=action_zz_followup_done]",
            run: "click",
        },
        {
            content: "The visit is recorded",
            trigger: ".o_field_widget[name=zz_followup_date]:not(:empty)",
        },
        {
            content: "Close it: open the folded stages",
            trigger: ".o_statusbar_status .dropdown-toggle",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".dropdown-item:contains(完成)",
            run: "click",
        },
        {
            content: "The complaint is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(完成)",
        },
        {
            content: "and saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
