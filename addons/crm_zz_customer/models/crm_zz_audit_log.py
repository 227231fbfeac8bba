# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite's own audit log: append-only, kept at least six months.

Cybersecurity Law Art. 21 and MLPS 2.0 level 3 ask for logs of who did what with
personal data, kept six months or more. Odoo's chatter tracking can be switched off
by the caller's context (``tracking_disable``, ``mail_notrack``) and goes with the
record; this log is written by the suite itself whatever the context, holds the
record's model, id and name as plain values (so it survives the record's deletion),
is readable by managers only and can be changed by nobody. Only the retention job
deletes rows older than the retention period.
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import SQL

# Art. 21 of the Cybersecurity Law: at least six months
MIN_RETENTION_DAYS = 180
DEFAULT_RETENTION_DAYS = 365
RETENTION_PARAM = "crm_zz_customer.audit_retention_days"


class CrmZzAuditLog(models.Model):
    _name = "crm.zz.audit.log"
    _description = "Audit Log"
    _order = "id desc"
    _log_access = False

    # the time is set by the database, never by the caller
    event_date = fields.Datetime(
        "Date", required=True, readonly=True, index=True, default=fields.Datetime.now
    )
    event = fields.Selection(
        [
            ("login", "Login"),
            ("login_failed", "Failed login"),
            ("export", "Export"),
            ("merge", "Merge"),
            ("transfer", "Transfer"),
            ("owner_change", "Owner change"),
            ("consent", "Consent change"),
            ("subject_request", "Data-subject request"),
            ("delete", "Deletion"),
            ("field_change", "Key field change"),
            ("two_factor", "Two-factor authentication"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    user_id = fields.Many2one("res.users", readonly=True, ondelete="set null", index=True)
    # kept as text so that the row still says who it was once the user is gone
    login = fields.Char(readonly=True)
    res_model = fields.Char("Model", readonly=True, index=True)
    res_id = fields.Integer("Record ID", readonly=True, index=True)
    res_name = fields.Char("Record", readonly=True)
    record_count = fields.Integer("Records", readonly=True)
    field_names = fields.Char("Fields", readonly=True)
    description = fields.Text(readonly=True)
    ip_address = fields.Char("IP Address", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, ondelete="set null")

    # ------------------------------------------------------------------ CRUD
    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("The audit log cannot be changed."))

    def unlink(self):  # pylint: disable=method-required-super
        raise UserError(self.env._("The audit log cannot be deleted."))

    # ------------------------------------------------------------------ API
    @api.model
    def _zz_log(self, event, records=None, description="", field_names=None, count=None, user=None):
        """Append one row. ``records``: the records concerned (one row for all:
        the first record is named, the count says how many)."""
        user = user or self.env.user
        first = records[:1] if records else None
        vals = {
            "event": event,
            "user_id": user.id or False,
            "login": user.login or "",
            "res_model": records._name if records is not None else False,
            "res_id": first.id if first else 0,
            "res_name": (first.display_name or "")[:200] if first else "",
            "record_count": count if count is not None else (len(records) if records else 0),
            "field_names": ",".join(field_names or [])[:2000],
            "description": description,
            "ip_address": request.httprequest.environ.get("REMOTE_ADDR", "")
            if request and request.httprequest
            else "",
            "company_id": self.env.company.id,
        }
        # sudo: the log is written for every user whatever his rights
        return self.sudo().create(vals)

    @api.model_create_multi
    def create(self, vals_list):
        # what the caller's context says (default_*, tracking switches) never reaches the log
        self = self.with_env(self.env(context={"lang": self.env.context.get("lang")}))
        return super().create(vals_list)

    @api.model
    def _zz_retention_days(self):
        # sudo: a technical parameter, read for the retention job of any user
        param = self.env["ir.config_parameter"].sudo().get_param(RETENTION_PARAM)
        try:
            days = int(param) if param else DEFAULT_RETENTION_DAYS
        except ValueError:
            days = DEFAULT_RETENTION_DAYS
        return max(days, MIN_RETENTION_DAYS)

    @api.model
    def _cron_zz_purge(self):
        """Delete the rows older than the retention period (never less than 180 days)."""
        limit = fields.Datetime.now() - timedelta(days=self._zz_retention_days())
        # a plain DELETE: the ORM's unlink refuses to touch the log, and nothing
        # depends on these rows
        self.env.flush_all()
        self.env.cr.execute(
            SQL("DELETE FROM %s WHERE event_date < %s", SQL.identifier(self._table), limit)
        )
        self.env.invalidate_all()
