# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

HELPDESK_USER = "helpdesk_mgmt.group_helpdesk_user_own"


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    # What the answer is about; kept when the ticket is deleted.
    # Service business: survey officers without helpdesk rights read and export
    # answers without them (their tickets and teams are not theirs to read).
    zz_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Ticket",
        ondelete="set null",
        index="btree_not_null",
        groups=HELPDESK_USER,
    )
    zz_agent_id = fields.Many2one(
        "res.users", string="Agent", ondelete="set null", groups=HELPDESK_USER
    )
    zz_team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Team", ondelete="set null", groups=HELPDESK_USER
    )
    zz_relationship_survey_id = fields.Many2one(
        "crm.zz.service.relationship.survey",
        string="Relationship Survey",
        ondelete="set null",
        index="btree_not_null",
        groups=HELPDESK_USER,
    )
    # One key per thing asked about ("ticket:12", "relationship:3:2026-11-25:45"):
    # the satisfaction report counts only the latest finished answer per key.
    zz_survey_key = fields.Char(string="Satisfaction Key", index="btree_not_null", copy=False)
