# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessDenied


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        # a user's own partner is nobody's customer, whoever creates the user
        users = super(ResUsers, self.with_context(zz_no_default_owner=True)).create(vals_list)
        return users.with_env(self.env)

    @api.model
    def _update_last_login(self):
        res = super()._update_last_login()
        self.env["crm.zz.audit.log"]._zz_log("login", user=self.env.user)
        return res

    @classmethod
    def _login(cls, db, credential, user_agent_env):
        try:
            return super()._login(db, credential, user_agent_env)
        except AccessDenied:
            # the login's own transaction is rolled back: the failure is written in
            # a cursor of its own, as Odoo's _login opens one for the attempt
            with cls.pool.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["crm.zz.audit.log"]._zz_log(
                    "login_failed",
                    description=str(credential.get("login") or "")[:200],
                    user=env["res.users"],
                )
            raise
