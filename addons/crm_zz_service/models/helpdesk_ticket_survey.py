# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """Satisfaction: the survey sent when a ticket closes and its answer."""

    _inherit = "helpdesk.ticket"

    zz_csat = fields.Float(
        string="Customer Satisfaction",
        compute="_compute_zz_csat",
        help="CSAT (1-5) the customer gave in the survey sent when the ticket closed.",
    )

    def _compute_zz_csat(self):
        csat = dict(
            self.env["crm.zz.service.satisfaction.report"]
            .sudo()  # sudo: the ticket's own answer, shown to whoever sees the ticket
            ._read_group([("ticket_id", "in", self.ids)], ["ticket_id"], ["csat:avg"])
        )
        for ticket in self:
            ticket.zz_csat = csat.get(ticket, 0.0)

    def _zz_on_stage_change(self, stage):
        result = super()._zz_on_stage_change(stage)
        if stage.closed and stage.zz_send_survey:
            self._zz_send_satisfaction_survey()
        return result

    def _zz_send_satisfaction_survey(self):
        default = self.env.ref("crm_zz_service.survey_ticket_satisfaction", False)
        template = self.env.ref("survey.mail_template_user_input_invite")
        Answer = self.env["survey.user_input"].sudo()  # sudo: agents are not survey officers
        answered = set(Answer.search([("zz_ticket_id", "in", self.ids)]).mapped("zz_ticket_id").ids)
        for ticket in self:
            survey = ticket.team_id.zz_survey_id or default
            if not survey or not ticket.partner_id or ticket.id in answered:
                continue
            answer = survey.sudo()._create_answer(  # sudo: the answer is the customer's
                partner=ticket.partner_id,
                check_attempts=False,
                zz_ticket_id=ticket.id,
                zz_agent_id=ticket.user_id.id,
                zz_team_id=ticket.team_id.id,
                zz_survey_key=f"ticket:{ticket.id}",
            )
            template.sudo().send_mail(answer.id)  # sudo: template of the survey app
            ticket.message_post(
                body=self.env._(
                    "Satisfaction survey sent to %(customer)s.",
                    customer=ticket.partner_id.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )
