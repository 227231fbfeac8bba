# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

SATISFACTION = [
    ("1", "Very Dissatisfied"),
    ("2", "Dissatisfied"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very Satisfied"),
]


class HelpdeskTicket(models.Model):
    """Complaints: solved only with a root cause and a resolution, then a follow-up
    visit (回访) whose satisfaction answer is required before closing."""

    _inherit = "helpdesk.ticket"

    zz_root_cause = fields.Text(string="Root Cause", tracking=True)
    zz_resolution = fields.Text(string="Resolution", tracking=True)
    zz_followup_date = fields.Datetime(string="Follow-up Done on", copy=False, readonly=True)
    zz_followup_satisfaction = fields.Selection(
        SATISFACTION, string="Follow-up Satisfaction", copy=False, tracking=True
    )
    zz_followup_note = fields.Text(string="Follow-up Notes", copy=False)

    def action_zz_followup_done(self):
        """Record the follow-up visit: its satisfaction answer is required."""
        self.ensure_one()
        if not self.zz_followup_satisfaction:
            raise UserError(
                self.env._(
                    "Record the customer's satisfaction on %(ticket)s before finishing "
                    "the follow-up visit.",
                    ticket=self.number,
                )
            )
        followups = self.activity_ids.filtered(
            lambda a: a.activity_type_id == self._zz_followup_activity_type()
        )
        if followups:
            followups.action_feedback(feedback=self.zz_followup_note or "")
        if not self.zz_followup_date:
            self.zz_followup_date = fields.Datetime.now()
        return True

    def _zz_on_stage_change(self, stage):
        result = super()._zz_on_stage_change(stage)
        complaints = self.filtered(lambda t: t.zz_request_type == "complaint")
        if stage.zz_solved or stage.closed:
            complaints._zz_check_complaint_solvable()
        if stage.closed:
            complaints._zz_check_complaint_closable()
        if stage.zz_solved:
            complaints._zz_schedule_followup()
        return result

    def _zz_check_complaint_solvable(self):
        missing = self.filtered(lambda t: not (t.zz_root_cause and t.zz_resolution))
        if missing:
            raise UserError(
                self.env._(
                    "A complaint needs its root cause and resolution before it is solved: "
                    "%(tickets)s",
                    tickets=", ".join(missing.mapped("number")),
                )
            )

    def _zz_check_complaint_closable(self):
        missing = self.filtered(lambda t: not (t.zz_followup_date and t.zz_followup_satisfaction))
        if missing:
            raise UserError(
                self.env._(
                    "A complaint is closed only after its follow-up visit is done and the "
                    "customer's satisfaction recorded: %(tickets)s",
                    tickets=", ".join(missing.mapped("number")),
                )
            )

    def _zz_followup_activity_type(self):
        return self.env.ref("crm_zz_service.mail_activity_type_followup")

    def _zz_schedule_followup(self):
        """One follow-up activity per complaint that has none and is not visited
        yet, created in one batch."""
        activity_type = self._zz_followup_activity_type()
        todo = self.filtered(
            lambda t: not t.zz_followup_date
            and not t.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        )
        if not todo:
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        note = self.env._("Visit the customer and ask whether the complaint is settled.")
        deadline = activity_type._get_date_deadline()
        return self.env["mail.activity"].create(
            [
                {
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary,
                    "automated": True,
                    "note": note,
                    "date_deadline": deadline,
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "user_id": (ticket.user_id or ticket.team_id.user_id or self.env.user).id,
                }
                for ticket in todo
            ]
        )
