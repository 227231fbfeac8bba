# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..tools import assignment


class CrmLead(models.Model):
    """Rule-based assignment of new leads (rules in tools/assignment.py; the team
    holds the rules and does the assigning, see ``crm_team.py``)."""

    _inherit = "crm.lead"

    @api.model_create_multi
    def create(self, vals_list):
        # runs after the stage gate has accepted the new leads
        leads = super().create(vals_list)
        to_assign = leads.filtered(
            lambda lead: not lead.user_id and lead.team_id.zz_rule_assignment
        )
        if to_assign:
            to_assign.team_id._zz_assign_leads(to_assign, trigger="create")
        return leads

    def _zz_assignment_facts(self):
        self.ensure_one()
        return assignment.LeadFacts(
            district=frozenset((self.zz_district_id | self.zz_zone_id).ids),
            park=self.zz_park_id.id or None,
            industry=self.zz_industry_id.id or None,
            products=frozenset(self.zz_product_category_ids.ids),
        )
