# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResGroups(models.Model):
    _inherit = "res.groups"

    @api.model
    def get_application_groups(self, domain):
        # the CRM roles are set through res.users.zz_crm_role (one role per person);
        # as account does for its hidden groups, leave them out of the generated
        # checkboxes of the user form, where they would contradict the role field
        category = self.env.ref("crm_zz_customer.module_category_zz_crm_roles", False)
        if category:
            domain = [*domain, ("category_id", "!=", category.id)]
        return super().get_application_groups(domain)
