# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking a ticket's follow-up visit done, from anywhere, records it on the ticket."""
        followup = self.env.ref("crm_zz_service.mail_activity_type_followup", False)
        ticket_ids = [
            a.res_id
            for a in self
            if followup and a.res_model == "helpdesk.ticket" and a.activity_type_id == followup
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if ticket_ids:
            tickets = self.env["helpdesk.ticket"].browse(ticket_ids).exists()
            tickets.filtered(lambda t: not t.zz_followup_date).write(
                {"zz_followup_date": fields.Datetime.now()}
            )
        return result
