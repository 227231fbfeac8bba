# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    zz_auto_assign = fields.Boolean(
        string="Assign by Skill and Workload",
        help="New tickets without an agent go to the member whose skills match the "
        "ticket's category or tags and who has the fewest open tickets.",
    )
    # Bumped by every automatic assignment: the row update serialises concurrent
    # assignments in the team (a second transaction waits, then retries).
    zz_assignment_count = fields.Integer(string="Automatic Assignments", readonly=True)
    zz_survey_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction Survey",
        help="Sent to the customer when a ticket of this team is closed.",
    )
    zz_skill_ids = fields.One2many(
        "crm.zz.service.skill",
        "team_id",
        string="Agent Skills",
        groups="helpdesk_mgmt.group_helpdesk_user_own",
    )
    zz_sla_breached_count = fields.Integer(
        string="Open Tickets past their SLA", compute="_compute_zz_sla_breached_count"
    )

    def _compute_zz_sla_breached_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [
                    ("team_id", "in", self.ids),
                    ("zz_sla_status", "=", "breached"),
                    ("stage_id.closed", "=", False),
                ],
                ["team_id"],
                ["__count"],
            )
        )
        for team in self:
            team.zz_sla_breached_count = counts.get(team, 0)
