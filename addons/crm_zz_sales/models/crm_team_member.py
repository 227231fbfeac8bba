# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools import assignment


class CrmTeamMember(models.Model):
    _inherit = "crm.team.member"

    # Assignment rules (an empty rule accepts any value)
    zz_district_ids = fields.Many2many(
        "crm.zz.district",
        "crm_team_member_zz_district_rel",
        "member_id",
        "district_id",
        string="Districts",
        help="Districts or functional zones whose leads this salesperson takes.",
    )
    zz_park_ids = fields.Many2many(
        "crm.zz.park",
        "crm_team_member_zz_park_rel",
        "member_id",
        "park_id",
        string="Industry Parks",
    )
    zz_industry_ids = fields.Many2many(
        "res.partner.industry",
        "crm_team_member_zz_industry_rel",
        "member_id",
        "industry_id",
        string="Industries",
    )
    zz_product_category_ids = fields.Many2many(
        "product.category",
        "crm_team_member_zz_product_category_rel",
        "member_id",
        "category_id",
        string="Product Interests",
    )
    zz_max_open_leads = fields.Integer(
        string="Open Leads Cap",
        help="No more leads are assigned by rule while the salesperson has this many "
        "open leads; 0 means no cap.",
    )
    zz_open_lead_count = fields.Integer(string="Open Leads", compute="_compute_zz_open_lead_count")

    def _compute_zz_open_lead_count(self):
        counts = self._zz_open_lead_counts()
        for member in self:
            member.zz_open_lead_count = counts.get(member.user_id.id, 0)

    def _zz_open_lead_counts(self):
        """Open (active, not won) leads and opportunities per salesperson, in one query."""
        # sudo: the workload counts every salesperson's leads, not only those the user sees
        groups = (
            self.env["crm.lead"]
            .sudo()
            ._read_group(
                [("user_id", "in", self.user_id.ids), ("stage_id.is_won", "=", False)],
                ["user_id"],
                ["__count"],
            )
        )
        return {user.id: count for user, count in groups}

    def _zz_assignment_member(self, loads):
        self.ensure_one()
        return assignment.Member(
            key=self.id,
            rules={
                "district": set(self.zz_district_ids.ids),
                "park": set(self.zz_park_ids.ids),
                "industry": set(self.zz_industry_ids.ids),
                "product": set(self.zz_product_category_ids.ids),
            },
            load=loads.get(self.user_id.id, 0),
            cap=self.zz_max_open_leads,
        )

    def _zz_rule_summary(self):
        self.ensure_one()
        parts = (
            self.zz_district_ids.mapped("name")
            + self.zz_park_ids.mapped("name")
            + self.zz_industry_ids.mapped("name")
            + self.zz_product_category_ids.mapped("name")
        )
        return ", ".join(parts) or self.env._("any lead")
