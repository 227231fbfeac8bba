# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models

# the roles, most specific first: a sales manager also holds the supervisor's and
# the salesperson's groups (implied), and is shown as sales manager
ZZ_CRM_ROLES = (
    "sales_manager",
    "sales_supervisor",
    "salesperson",
    "service_supervisor",
    "service_agent",
    "marketer",
    "report_viewer",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    zz_crm_role = fields.Selection(
        [
            ("salesperson", "Salesperson"),
            ("sales_supervisor", "Sales Supervisor"),
            ("sales_manager", "Sales Manager"),
            ("marketer", "Marketer"),
            ("service_agent", "Service Agent"),
            ("service_supervisor", "Service Supervisor"),
            ("report_viewer", "Report Viewer"),
        ],
        string="CRM Role",
        compute="_compute_zz_crm_role",
        inverse="_inverse_zz_crm_role",
        help="What the person sees and does in the CRM. Setting a role replaces the "
        "previous one together with the CRM groups it gave (sales, mailing, helpdesk, "
        "surveys); groups other roles or the user's other groups imply are kept.",
    )

    @api.model
    def _zz_role_groups(self):
        """{role: res.groups} for the roles defined."""
        return {
            role: self.env.ref(f"crm_zz_customer.crm_zz_customer_group_{role}")
            for role in ZZ_CRM_ROLES
        }

    @api.depends("groups_id")
    def _compute_zz_crm_role(self):
        roles = self._zz_role_groups()
        for user in self:
            user.zz_crm_role = next(
                (role for role, group in roles.items() if group in user.groups_id), False
            )

    def _inverse_zz_crm_role(self):
        roles = self._zz_role_groups()
        all_roles = self.env["res.groups"].union(*roles.values())
        # the role groups and what they imply, except the internal user's group: the
        # groups still implied by what the user keeps come back in res.users.write
        removable = (all_roles | all_roles.trans_implied_ids) - self.env.ref("base.group_user")
        by_role = {}
        for user in self:
            by_role.setdefault(user.zz_crm_role, self.browse())
            by_role[user.zz_crm_role] |= user
        for role, users in by_role.items():
            commands = [Command.unlink(group.id) for group in removable]
            if role:
                commands.append(Command.link(roles[role].id))
            users.write({"groups_id": commands})
