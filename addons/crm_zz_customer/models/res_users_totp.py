# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two-factor authentication with an authenticator app, required of managers.

Odoo's ``auth_totp`` lets each user switch TOTP on; Community's
``auth_totp_mail_enforce`` requires a code of all users or all employees, sent by
email. Here the manager and administrator groups must use the authenticator app:
the same hooks (``_mfa_type``/``_mfa_url``) send such a user without TOTP to set
it up at ``/web/login/totp`` before the session is complete
(controllers/totp.py), password RPC is refused for them (API keys only), and they
cannot switch TOTP off themselves. An administrator switches it off for another
user from the user form; ``_zz_totp_reset`` (bin/zzcrm-totp-reset) is the way
back for a locked-out administrator.
"""

import logging

from odoo import api, fields, models
from odoo.exceptions import AccessDenied, UserError

_logger = logging.getLogger(__name__)

ENFORCE_PARAM = "crm_zz_customer.totp_enforce_managers"
GROUPS_PARAM = "crm_zz_customer.totp_group_xmlids"
# the manager and administrator groups of the apps the suite uses; the suite's
# roles (销售经理, 客服主管, ...) imply them, those of uninstalled apps are skipped
DEFAULT_TOTP_GROUPS = (
    "base.group_system",
    "base.group_erp_manager",
    "sales_team.group_sale_manager",
    "helpdesk_mgmt.group_helpdesk_manager",
    "survey.group_survey_manager",
    "event.group_event_manager",
)
# the _mfa_type of a user who must set the app up before the login completes
TOTP_SETUP = "zz_totp_setup"


def is_param_true(value):
    return str(value or "").strip().lower() in ("1", "true", "yes", "on")


class ResUsers(models.Model):
    _inherit = "res.users"

    zz_totp_required = fields.Boolean(
        string="Two-Factor Authentication Required",
        compute="_compute_zz_totp_required",
        help="Managers and administrators must log in with an authenticator app.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["zz_totp_required"]

    def _compute_zz_totp_required(self):
        for user in self:
            user.zz_totp_required = bool(user.id) and user._zz_totp_required()

    # Enforcement

    @api.model
    def _zz_totp_enforce_on(self):
        # sudo: a technical parameter, read while a user logs in
        return is_param_true(self.env["ir.config_parameter"].sudo().get_param(ENFORCE_PARAM))

    @api.model
    def _zz_totp_group_xmlids(self):
        # sudo: as above
        param = self.env["ir.config_parameter"].sudo().get_param(GROUPS_PARAM)
        if param is False or param is None:
            return list(DEFAULT_TOTP_GROUPS)
        return [xmlid.strip() for xmlid in param.split(",") if xmlid.strip()]

    @api.model
    def _zz_totp_groups(self):
        """The groups whose members must log in with an authenticator app."""
        groups = self.env["res.groups"]
        for xmlid in self._zz_totp_group_xmlids():
            group = self.env.ref(xmlid, raise_if_not_found=False)
            if group and group._name == "res.groups":
                groups |= group
        return groups

    def _zz_totp_required(self):
        """Whether this user must use an authenticator app (enforcement on, a
        manager or administrator)."""
        self.ensure_one()
        if not self._zz_totp_enforce_on():
            return False
        # sudo: the user's groups are read while he logs in, before he is anybody
        user = self.sudo()
        return not user.share and bool(user.groups_id & self._zz_totp_groups().sudo())

    # Odoo's MFA hooks (as auth_totp and auth_totp_mail_enforce extend them)

    def _mfa_type(self):
        mfa_type = super()._mfa_type()
        if mfa_type is not None:
            return mfa_type
        if self._zz_totp_required():
            return TOTP_SETUP
        return None

    def _mfa_url(self):
        url = super()._mfa_url()
        if url is not None:
            return url
        if self._mfa_type() == TOTP_SETUP:
            return "/web/login/totp"
        return None

    def _rpc_api_keys_only(self):
        # a manager's password is for the browser with a code: scripts use API keys
        self.ensure_one()
        return super()._rpc_api_keys_only() or self._zz_totp_required()

    def _check_credentials(self, credential, user_agent_env):
        try:
            return super()._check_credentials(credential, user_agent_env)
        except AccessDenied:
            env = user_agent_env or {}
            if (
                env.get("interactive", True)
                or credential.get("type") != "password"
                or not self.env.user._zz_totp_required()
            ):
                raise
            # say why only to a caller who knows the password
            super()._check_credentials(credential, {**env, "interactive": True})
            raise AccessDenied(
                self.env._(
                    "Two-factor authentication is required for managers and "
                    "administrators: use an API key (Preferences > Account Security) "
                    "instead of the password for XML-RPC and JSON-RPC."
                )
            ) from None

    def action_totp_disable(self):
        if not self.env.su and self.env.user in self and self.env.user._zz_totp_required():
            raise UserError(
                self.env._(
                    "Two-factor authentication is required for managers and administrators: "
                    "you cannot switch it off. To use a new phone, ask an administrator to "
                    "reset it; you set it up again at your next login."
                )
            )
        return super().action_totp_disable()

    def _inverse_token(self):
        res = super()._inverse_token()
        # set up at login or in the preferences, switched off by an administrator,
        # reset from the server: every change of the secret is in the audit log
        for user in self:
            self.env["crm.zz.audit.log"]._zz_log(
                "two_factor",
                records=user,
                description=self.env._("Two-factor authentication set up")
                if user.totp_secret
                else self.env._("Two-factor authentication switched off"),
            )
        return res

    @api.model
    def _zz_totp_default_enforcement(self):
        """On in a new database, off in a demo one (admin/admin stays usable);
        a value already set is kept."""
        # sudo: called at install and migration, by the superuser anyway
        icp = self.env["ir.config_parameter"].sudo()
        if icp.get_param(ENFORCE_PARAM) is False:
            demo = self.env.ref("base.module_base").demo
            icp.set_param(ENFORCE_PARAM, "False" if demo else "True")

    # Recovery

    @api.model
    def _zz_totp_reset(self, login):
        """Switch two-factor authentication off for ``login`` and forget his trusted
        devices: the way back for an administrator who lost his phone, run from
        the server (bin/zzcrm-totp-reset). He sets the app up again at his next
        login if enforcement applies to him."""
        # sudo: run from the server's shell by whoever holds its configuration
        user = self.sudo().with_context(active_test=False).search([("login", "=", login)])
        if not user:
            raise UserError(self.env._("No user has the login %(login)s.", login=login))
        user._revoke_all_devices()
        user.totp_secret = False
        _logger.info("2FA reset from the server for %s %r", user, login)
        return user
