# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import pool


class ResPartner(models.Model):
    """Ownership of a customer: salesperson, sharing, public pool (公海), history.

    The customer is the commercial partner; its contacts follow it in the
    record rules (``commercial_partner_id.user_id``).
    """

    _inherit = "res.partner"

    zz_share_ids = fields.One2many("crm.zz.partner.share", "partner_id", string="Shared With")
    zz_owner_history_ids = fields.One2many(
        "crm.zz.partner.owner.history", "partner_id", string="Ownership History"
    )
    zz_owner_date = fields.Datetime(
        string="Owned Since",
        readonly=True,
        copy=False,
        help="When the current salesperson got the customer; recall clocks start here.",
    )
    zz_pool_date = fields.Datetime(
        string="In Pool Since",
        readonly=True,
        copy=False,
        help="When the customer was released or recalled to the public pool.",
    )
    zz_recall_warned = fields.Boolean(
        string="Recall Warning Sent",
        readonly=True,
        copy=False,
    )

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("user_id") and not vals.get("parent_id"):
                vals.setdefault("zz_owner_date", now)
        return super().create(vals_list)

    def write(self, vals):
        if "user_id" not in vals or self.env.context.get("zz_owner_logged"):
            return super().write(vals)
        new_user = vals["user_id"] or False
        changed = self.filtered(lambda p: not p.parent_id and p.user_id.id != new_user)
        previous = {partner.id: partner.user_id.id for partner in changed}
        if changed:
            now = fields.Datetime.now()
            vals = dict(
                vals,
                zz_owner_date=now,
                zz_recall_warned=False,
                zz_pool_date=False if new_user else now,
            )
        result = super().write(vals)
        if changed:
            kind = self.env.context.get("zz_owner_change") or ("assign" if new_user else "release")
            changed._zz_log_owner_change(previous, new_user, kind)
        return result

    # Business

    def _zz_log_owner_change(self, previous, new_user, kind, reason=None):
        """One history row per customer; ``previous`` maps partner id to former user id."""
        reason = reason or self.env.context.get("zz_owner_reason") or False
        # sudo: the history is written by the system, salesmen only read it
        self.env["crm.zz.partner.owner.history"].sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "user_from_id": previous.get(partner.id) or False,
                    "user_to_id": new_user or False,
                    "kind": kind,
                    "reason": reason,
                    "changed_by_id": self.env.user.id,
                }
                for partner in self
            ]
        )

    @api.model
    def _zz_owner_cap(self):
        params = self.env["ir.config_parameter"].sudo()  # sudo: read-only setting
        try:
            return max(int(params.get_param("crm_zz_customer.pool_max_customers", 0)), 0)
        except ValueError:
            return 0

    @api.model
    def _zz_check_owner_cap(self, user, adding):
        """Refuse when ``user`` would hold more customers than Settings allow."""
        cap = self._zz_owner_cap()
        if not cap or not adding:
            return
        held = (
            self.sudo().search_count(  # sudo: count all the salesperson's customers, visible or not
                [("user_id", "=", user.id), ("parent_id", "=", False)]
            )
        )
        if held + adding > cap:
            raise UserError(
                self.env._(
                    "%(user)s already holds %(held)s customers; the limit is %(cap)s.",
                    user=user.name,
                    held=held,
                    cap=cap,
                )
            )

    def _zz_set_owner_sql(self, user, only_unowned):
        """Set the owner with one conditional UPDATE; return the ids really changed.

        With ``only_unowned`` the rows are locked first (NOWAIT) so that two
        salespeople claiming the same customer at once cannot both win: the
        second gets an error at once instead of waiting.
        """
        ids = tuple(self.ids)
        condition = SQL("user_id IS NULL") if only_unowned else SQL("TRUE")
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM res_partner WHERE id IN %s AND %s FOR UPDATE NOWAIT",
                        ids,
                        condition,
                    ),
                    log_exceptions=False,  # a lost race is expected, not a server error
                )
                locked = tuple(row[0] for row in self.env.cr.fetchall())
                if not locked:
                    return []
                self.env.cr.execute(
                    SQL(
                        """UPDATE res_partner
                              SET user_id = %s, zz_owner_date = %s,
                                  zz_recall_warned = FALSE, zz_pool_date = NULL,
                                  write_uid = %s, write_date = %s
                            WHERE id IN %s AND %s
                        RETURNING id""",
                        user.id,
                        fields.Datetime.now(),
                        self.env.uid,
                        fields.Datetime.now(),
                        locked,
                        condition,
                    ),
                    log_exceptions=False,
                )
                return [row[0] for row in self.env.cr.fetchall()]
        except (pg_errors.LockNotAvailable, pg_errors.SerializationFailure) as err:
            raise UserError(
                self.env._("Someone else is claiming this customer right now. Try again.")
            ) from err

    def action_zz_claim(self):
        """Take customers from the public pool, first come first served."""
        partners = self.commercial_partner_id
        if not partners:
            return True
        self.env.flush_all()
        user = self.env.user
        self._zz_check_owner_cap(user, len(partners))
        claimed_ids = partners._zz_set_owner_sql(user, only_unowned=True)
        if len(claimed_ids) != len(partners):
            raise UserError(
                self.env._(
                    "%(names)s already has a salesperson: someone claimed it first.",
                    names=", ".join((partners - partners.browse(claimed_ids)).mapped("name")),
                )
            )
        claimed = partners.browse(claimed_ids)
        claimed.invalidate_recordset(
            ["user_id", "zz_owner_date", "zz_recall_warned", "zz_pool_date"]
        )
        claimed.modified(["user_id"])
        claimed.child_ids.filtered(lambda c: not c.user_id).with_context(
            zz_owner_logged=True
        ).sudo().write({"user_id": user.id})  # sudo: contacts follow their company
        claimed._zz_log_owner_change(dict.fromkeys(claimed.ids, False), user.id, "claim")
        return True

    def action_zz_release(self):
        """Give customers back to the public pool."""
        partners = self.commercial_partner_id
        others = partners._zz_not_owned()
        if others:
            raise UserError(
                self.env._(
                    "You can only release your own customers: %(names)s.",
                    names=", ".join(others.mapped("name")),
                )
            )
        partners._zz_move_to_pool("release")
        return True

    def _zz_not_owned(self):
        """The customers among these that the current user may not hand on: those
        of other salespeople, unless he sees all leads."""
        if self.env.user.has_group("sales_team.group_sale_salesman_all_leads"):
            return self.browse()
        return self.filtered(lambda partner: partner.user_id != self.env.user)

    def _zz_move_to_pool(self, kind, reason=None):
        owners = defaultdict(lambda: self.browse())
        for partner in self:
            owners[partner.user_id] |= partner
        for owner, partners in owners.items():
            contacts = partners.child_ids.filtered(lambda c, owner=owner: c.user_id == owner)
            # sudo: releasing also frees the contacts of the customer and writes history
            (partners | contacts).sudo().with_context(
                zz_owner_change=kind, zz_owner_reason=reason
            ).write({"user_id": False})

    @api.model
    def _cron_zz_pool_recall(self):
        """Return neglected customers to the pool; warn their owners a few days before."""
        rules = self.env["crm.zz.pool.rule"]._zz_recall_rules()
        if not rules:
            return
        params = self.env["ir.config_parameter"].sudo()  # sudo: read-only setting
        warning_days = int(params.get_param("crm_zz_customer.pool_warning_days", 7) or 0)
        today = fields.Date.context_today(self)
        partners = self.search_fetch(
            [("user_id", "!=", False), ("parent_id", "=", False), ("zz_grade", "in", list(rules))],
            [
                "user_id",
                "zz_grade",
                "zz_owner_date",
                "create_date",
                "zz_last_contact_date",
                "zz_last_deal_date",
                "zz_recall_warned",
            ],
        )
        decisions = defaultdict(lambda: self.browse())
        due_dates = {}
        for partner in partners:
            rule = rules[partner.zz_grade or False]
            owner_since = pool.as_date(partner.zz_owner_date or partner.create_date)
            due = pool.recall_date(
                rule,
                owner_since,
                pool.as_date(partner.zz_last_contact_date),
                pool.as_date(partner.zz_last_deal_date),
            )
            decision = pool.decide(due, today, warning_days, partner.zz_recall_warned)
            if decision:
                decisions[decision] |= partner
                due_dates[partner.id] = due
        if decisions[pool.RECALL]:
            decisions[pool.RECALL]._zz_move_to_pool(
                "recall", self.env._("No interaction or deal within the pool rule of its grade.")
            )
        if decisions[pool.WARN]:
            decisions[pool.WARN]._zz_warn_recall(due_dates)
        if decisions[pool.RESET]:
            decisions[pool.RESET].with_context(zz_owner_logged=True).write(
                {"zz_recall_warned": False}
            )

    def _zz_warn_recall(self, due_dates):
        activity_type = self.env.ref("mail.mail_activity_data_warning", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id("res.partner")
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id if activity_type else False,
                    "summary": self.env._("Back to the public pool soon"),
                    "note": self.env._(
                        "%(name)s goes back to the public pool on %(date)s.",
                        name=partner.name,
                        date=due_dates[partner.id],
                    ),
                    "date_deadline": due_dates[partner.id] - timedelta(days=1),
                    "user_id": partner.user_id.id,
                }
                for partner in self
            ]
        )
        self.with_context(zz_owner_logged=True).write({"zz_recall_warned": True})
