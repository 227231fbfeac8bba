# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools import privacy


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "crm.zz.privacy.mixin"]

    def _zz_anonymise(self):
        """Blank the requester's name, email and the description of these tickets,
        except those on legal hold. Team, category, stage, SLA and dates stay."""
        # sudo: the officer or the retention job anonymises whoever owns the ticket
        tickets = self.sudo().filtered(lambda ticket: not ticket.zz_legal_hold)
        if not tickets:
            return tickets
        tickets = tickets.with_context(tracking_disable=True, mail_notrack=True)
        values = privacy.blank_values("helpdesk.ticket", tickets._fields)
        values["zz_anonymised_date"] = fields.Datetime.now()
        tickets.write(values)
        for ticket in tickets:
            ticket.write(privacy.renamed_values("helpdesk.ticket", ticket.id))
        return tickets.with_env(self.env)
