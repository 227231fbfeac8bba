# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzServiceSkill(models.Model):
    """What an agent of a team is good at: tickets of these categories or tags go
    to them first."""

    _name = "crm.zz.service.skill"
    _description = "Agent Skill"
    _order = "team_id, user_id"

    team_id = fields.Many2one("helpdesk.ticket.team", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        ondelete="cascade",
        domain="[('share', '=', False)]",
    )
    category_ids = fields.Many2many("helpdesk.ticket.category", string="Categories")
    tag_ids = fields.Many2many("helpdesk.ticket.tag", string="Tags")
    company_id = fields.Many2one(related="team_id.company_id", store=True)

    _sql_constraints = [
        (
            "team_user_unique",
            "unique(team_id, user_id)",
            "An agent has one skill line per team.",
        )
    ]
