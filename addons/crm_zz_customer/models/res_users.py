# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        # a user's own partner is nobody's customer, whoever creates the user
        users = super(ResUsers, self.with_context(zz_no_default_owner=True)).create(vals_list)
        return users.with_env(self.env)
