# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .crm_zz_audit_log import DEFAULT_RETENTION_DAYS, MIN_RETENTION_DAYS, RETENTION_PARAM
from .res_users_totp import ENFORCE_PARAM, GROUPS_PARAM

# Odoo's own parameters: the idle time after which a session expires, and the
# throttling of repeated failed logins (per source address)
SESSION_PARAM = "sessions.max_inactivity_seconds"


class ResConfigSettings(models.TransientModel):
    """Security settings of the suite in General Settings (admins only)."""

    _inherit = "res.config.settings"

    zz_session_idle_minutes = fields.Integer(
        string="Idle Session Expiry (Minutes)",
        help="A session unused for this long must log in again.",
    )
    zz_login_cooldown_after = fields.Integer(
        string="Failed Logins Before a Pause",
        config_parameter="base.login_cooldown_after",
        default=5,
        help="After this many failed logins from one address, further attempts wait.",
    )
    zz_login_cooldown_duration = fields.Integer(
        string="Pause After Failed Logins (Seconds)",
        config_parameter="base.login_cooldown_duration",
        default=60,
    )
    zz_audit_retention_days = fields.Integer(
        string="Keep the Audit Log (Days)",
        config_parameter=RETENTION_PARAM,
        default=DEFAULT_RETENTION_DAYS,
        help="At least 180 days (Cybersecurity Law Art. 21).",
    )

    zz_totp_enforce_managers = fields.Boolean(
        string="Require Two-Factor Authentication for Managers",
        help="Managers and administrators log in with a code from an authenticator app "
        "and use API keys for XML-RPC and JSON-RPC.",
    )
    zz_totp_group_ids = fields.Many2many(
        "res.groups",
        "crm_zz_totp_settings_group_rel",
        string="Groups Requiring Two-Factor Authentication",
    )

    @api.constrains("zz_audit_retention_days", "zz_session_idle_minutes")
    def _check_zz_security(self):
        for settings in self:
            if settings.zz_audit_retention_days < MIN_RETENTION_DAYS:
                raise ValidationError(
                    self.env._(
                        "The audit log must be kept at least %(days)s days.",
                        days=MIN_RETENTION_DAYS,
                    )
                )
            if settings.zz_session_idle_minutes < 1:
                raise ValidationError(
                    self.env._("Idle sessions must expire after one minute or more.")
                )

    @api.model
    def get_values(self):
        res = super().get_values()
        # sudo: settings are read by administrators only; the parameter is technical
        seconds = self.env["ir.config_parameter"].sudo().get_param(SESSION_PARAM)
        try:
            minutes = max(int(seconds) // 60, 1) if seconds else 7 * 24 * 60
        except ValueError:
            minutes = 7 * 24 * 60
        res["zz_session_idle_minutes"] = minutes
        users = self.env["res.users"]
        res["zz_totp_enforce_managers"] = users._zz_totp_enforce_on()
        res["zz_totp_group_ids"] = users._zz_totp_groups().ids
        return res

    def set_values(self):
        res = super().set_values()
        # sudo: as above, written by an administrator saving the settings
        self.env["ir.config_parameter"].sudo().set_param(
            SESSION_PARAM, str(self.zz_session_idle_minutes * 60)
        )
        self._zz_set_totp_values()
        return res

    def _zz_set_totp_values(self):
        # sudo: as above
        icp = self.env["ir.config_parameter"].sudo()
        icp.set_param(ENFORCE_PARAM, str(bool(self.zz_totp_enforce_managers)))
        # the groups are kept by XML id (those of apps installed later count too,
        # until an administrator changes the list)
        groups = self.zz_totp_group_ids._origin
        if groups == self.env["res.users"]._zz_totp_groups():
            return
        xmlids = groups.get_external_id()
        for group in groups.filtered(lambda g: not xmlids.get(g.id)):
            # sudo: a group made in the interface gets an XML id, as Odoo's export does
            data = (
                self.env["ir.model.data"]
                .sudo()
                .create(
                    {
                        "module": "__export__",
                        "name": f"res_groups_{group.id}_{uuid.uuid4().hex[:8]}",
                        "model": "res.groups",
                        "res_id": group.id,
                    }
                )
            )
            xmlids[group.id] = data.complete_name
        icp.set_param(GROUPS_PARAM, ",".join(xmlids[g.id] for g in groups))
