# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Service figures of the customer's 360° view
    zz_complaint_count = fields.Integer(
        string="Complaints", compute="_compute_helpdesk_ticket_count"
    )
    # The customer's satisfaction is the business of its salesperson and of the
    # service agents, hidden from other employees.
    # sudo: the salesperson has no access to the satisfaction analysis; the figure
    # is about a customer he may read (compute_sudo)
    zz_last_csat = fields.Float(
        string="Latest Satisfaction",
        compute="_compute_zz_last_csat",
        compute_sudo=True,
        groups="sales_team.group_sale_salesman,helpdesk_mgmt.group_helpdesk_user_own",
    )
    zz_satisfaction_count = fields.Integer(
        string="Satisfaction Answers",
        compute="_compute_zz_last_csat",
        compute_sudo=True,
        groups="sales_team.group_sale_salesman,helpdesk_mgmt.group_helpdesk_user_own",
    )

    def _compute_helpdesk_ticket_count(self):
        """helpdesk_mgmt's ticket counters, batched: one grouped query instead of a
        search per partner. A company counts the tickets of all its contacts."""
        Ticket = self.env["helpdesk.ticket"]
        groups = Ticket._read_group(
            [("partner_id", "child_of", self.ids)],
            ["partner_id", "stage_id", "zz_request_type"],
            ["__count"],
        )
        totals = {}
        for partner, stage, request_type, count in groups:
            for owner in {partner, partner.commercial_partner_id, partner.parent_id}:
                total = totals.setdefault(owner, [0, 0, 0])
                total[0] += count
                total[1] += 0 if stage.closed else count
                total[2] += count if request_type == "complaint" else 0
        for partner in self:
            count, active, complaints = totals.get(partner, (0, 0, 0))
            partner.helpdesk_ticket_count = count
            partner.helpdesk_ticket_active_count = active
            partner.helpdesk_ticket_count_string = f"{active} / {count}"
            partner.zz_complaint_count = complaints

    def _compute_zz_last_csat(self):
        rows = self.env["crm.zz.service.satisfaction.report"].search_read(
            [
                ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                ("csat", "!=", False),
            ],
            ["commercial_partner_id", "csat"],
            order="date desc, id desc",
        )
        latest, counts = {}, {}
        for row in rows:
            key = row["commercial_partner_id"][0]
            latest.setdefault(key, row["csat"])
            counts[key] = counts.get(key, 0) + 1
        for partner in self:
            partner.zz_last_csat = latest.get(partner.commercial_partner_id.id, 0.0)
            partner.zz_satisfaction_count = counts.get(partner.commercial_partner_id.id, 0)

    def action_zz_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action["domain"] = [
            ("partner_id", "child_of", self.ids),
            ("zz_request_type", "=", "complaint"),
        ]
        action["context"] = {"default_partner_id": self.id, "default_zz_request_type": "complaint"}
        return action

    def action_zz_view_satisfaction(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_service.crm_zz_service_satisfaction_report_action"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action
