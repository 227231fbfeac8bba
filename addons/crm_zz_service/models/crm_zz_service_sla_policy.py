# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.crm_zz_customer.models.res_partner import GRADES

from .helpdesk_ticket import PRIORITIES, REQUEST_TYPES


class CrmZzServiceSlaPolicy(models.Model):
    """Response and resolution targets in working hours; the first active policy
    (by sequence) whose criteria (team, priority, request type, customer grade) all
    match a ticket applies to it. An empty criterion matches everything."""

    _name = "crm.zz.service.sla.policy"
    _description = "SLA Policy"
    _order = "sequence, id"

    def _default_resource_calendar_id(self):
        return (
            self.env["resource.calendar"]._zz_china_calendar()
            or self.env.company.resource_calendar_id
        )

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    # Criteria
    team_ids = fields.Many2many("helpdesk.ticket.team", string="Teams")
    priority = fields.Selection(PRIORITIES)
    request_type = fields.Selection(REQUEST_TYPES)
    grade = fields.Selection(GRADES, string="Customer Grade")
    # Targets
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        required=True,
        default=lambda self: self._default_resource_calendar_id(),
        help="Working time and holidays (the calendar's leaves) the clock runs on; "
        "by default China's working time in Asia/Shanghai with its public holidays "
        "and make-up working days.",
    )
    first_response_hours = fields.Float(
        string="First Response (working hours)", required=True, default=4.0
    )
    resolution_hours = fields.Float(
        string="Resolution (working hours)", required=True, default=16.0
    )
    at_risk_percent = fields.Integer(
        string="At Risk from (%)",
        default=80,
        help="A running target is at risk once this share of its time is used.",
    )

    _sql_constraints = [
        (
            "targets_positive",
            "CHECK(first_response_hours > 0 AND resolution_hours > 0)",
            "SLA targets must be positive.",
        ),
        (
            "at_risk_percent_range",
            "CHECK(at_risk_percent > 0 AND at_risk_percent <= 100)",
            "The at-risk threshold is a percentage between 1 and 100.",
        ),
    ]

    def _matches(self, ticket):
        """Whether this policy's criteria fit the ticket (empty means any)."""
        self.ensure_one()
        return (
            (not self.company_id or self.company_id == ticket.company_id)
            and (not self.team_ids or ticket.team_id in self.team_ids)
            and (not self.priority or self.priority == ticket.priority)
            and (not self.request_type or self.request_type == ticket.zz_request_type)
            and (not self.grade or self.grade == ticket.partner_id.commercial_partner_id.zz_grade)
        )

    @api.model
    def _find_for(self, tickets):
        """``{ticket: policy}`` for tickets, with one search for all of them."""
        policies = self.search([("company_id", "in", tickets.company_id.ids + [False])])
        return {
            ticket: next((p for p in policies if p._matches(ticket)), self.browse())
            for ticket in tickets
        }
