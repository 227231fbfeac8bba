# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools import privacy


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.zz.privacy.mixin"]

    def _zz_anonymise(self):
        """Blank the contact fields of these leads, except those on legal hold.
        Revenue, dates, stage, team, salesperson, district and industry stay."""
        # sudo: the officer or the retention job anonymises whoever owns the lead
        leads = self.sudo().filtered(lambda lead: not lead.zz_legal_hold)
        if not leads:
            return leads
        leads = leads.with_context(tracking_disable=True, mail_notrack=True)
        values = privacy.blank_values("crm.lead", leads._fields)
        values["zz_anonymised_date"] = fields.Datetime.now()
        leads.write(values)
        for lead in leads:
            lead.write(privacy.renamed_values("crm.lead", lead.id))
        return leads.with_env(self.env)
