# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from collections import defaultdict
from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import pool

_logger = logging.getLogger(__name__)

# Ownership is sales business: other employees (accounting, stock...) read
# customers without these fields, so that "export all" and API reads work for them.
SALESMAN = "sales_team.group_sale_salesman"


class ResPartner(models.Model):
    """Ownership of a customer: salesperson, sharing, public pool (公海), history.

    The customer is the commercial partner; its contacts follow it in the
    record rules (``commercial_partner_id.user_id``).
    """

    _inherit = "res.partner"

    zz_share_ids = fields.One2many(
        "crm.zz.partner.share", "partner_id", string="Shared With", groups=SALESMAN
    )
    zz_owner_history_ids = fields.One2many(
        "crm.zz.partner.owner.history", "partner_id", string="Ownership History", groups=SALESMAN
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

    # Defaults

    @api.model
    def default_get(self, fields_list):
        """The form of a new customer shows its creator as salesperson; he empties
        the field to leave the customer in the public pool. Contacts keep following
        their company (base computes their salesperson from it)."""
        values = super().default_get(fields_list)
        if (
            "user_id" in fields_list
            and "parent_id" in fields_list
            and not values.get("user_id")
            and not values.get("parent_id")
        ):
            owner = self._zz_default_owner()
            if owner:
                values["user_id"] = owner.id
        return values

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        owner = self._zz_default_owner()
        for vals in vals_list:
            if owner and not vals.get("parent_id") and "user_id" not in vals:
                vals["user_id"] = owner.id
            if vals.get("user_id") and not vals.get("parent_id"):
                vals.setdefault("zz_owner_date", now)
        self._zz_check_owner_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if "user_id" not in vals:
            return super().write(vals)
        new_user = vals["user_id"] or False
        self._zz_check_owner_write(new_user)
        changed = self.filtered(lambda p: not p.parent_id and p.user_id.id != new_user)
        if new_user and changed:
            self._zz_check_owner_cap(self.env["res.users"].browse(new_user), len(changed))
        if self.env.context.get("zz_owner_logged"):
            return super().write(vals)
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

    # Ownership rules

    @api.model
    def _zz_default_owner(self):
        """The salesperson who owns the customers he creates (empty for others).

        Not for what the system creates (superuser mode: data files, scheduled
        actions, partners made from incoming emails) nor for users' own partners.
        """
        user = self.env.user
        if (
            self.env.su
            or self.env.context.get("zz_no_default_owner")
            or not user.has_group("sales_team.group_sale_salesman")
        ):
            return self.env["res.users"]
        return user

    @api.model
    def _zz_may_assign_owner(self):
        """Whether the current user may set any salesperson on a customer directly.

        Salespeople change owners only through claim, release and transfer, which
        write as superuser once they checked their own rules; managers (and team
        leaders, who may transfer any customer anyway) assign directly.
        """
        return self.env.su or self.env.user.has_group("sales_team.group_sale_salesman_all_leads")

    def _zz_check_owner_write(self, new_user):
        """Refuse a direct change of salesperson by a salesperson."""
        if self._zz_may_assign_owner():
            return
        refused = self.filtered(
            lambda p: p.user_id.id != new_user
            and (not p.parent_id or new_user not in (False, p.commercial_partner_id.user_id.id))
        )
        if refused:
            raise UserError(
                self.env._(
                    "You cannot change the salesperson of %(names)s yourself: claim customers "
                    "from the public pool, release your own to it, transfer them, or ask your "
                    "sales manager.",
                    names=", ".join(refused.mapped("display_name")),
                )
            )

    @api.model
    def _zz_check_owner_create(self, vals_list):
        """New customers: a salesperson creates his own or pool customers only, and
        nobody is given more customers than the cap allows."""
        adding = defaultdict(int)
        for row, vals in enumerate(vals_list, start=1):
            owner_id = vals.get("user_id")
            if not owner_id or vals.get("parent_id"):
                continue
            if owner_id != self.env.uid and not self._zz_may_assign_owner():
                raise UserError(
                    self.env._(
                        "Row %(row)s: you can create customers for yourself or for the public "
                        "pool, not for %(user)s (field Salesperson).",
                        row=row,
                        user=self.env["res.users"].browse(owner_id).sudo().name,  # sudo: name only
                    )
                )
            adding[owner_id] += 1
        for owner_id, count in adding.items():
            self._zz_check_owner_cap(self.env["res.users"].browse(owner_id), count)

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
    def _zz_check_owner_cap(self, user, count):
        """Refuse when ``user`` would hold more than the cap of customers (Settings >
        Public Pool) after receiving ``count`` more.

        The one check of the cap: claim, transfer, create, direct assignment and the
        import call it before they give customers to a salesperson.
        """
        cap = self._zz_owner_cap()
        if not cap or not count or not user:
            return
        self.flush_model(["user_id", "parent_id"])
        # sudo: count all the salesperson's customers, visible or not
        held = self.sudo().search_count([("user_id", "=", user.id), ("parent_id", "=", False)])
        if held + count > cap:
            raise UserError(
                self.env._(
                    "%(user)s already holds %(held)s customers; the limit is %(cap)s.",
                    user=user.sudo().name,  # sudo: the name of a colleague
                    held=held,
                    cap=cap,
                )
            )

    def _zz_lock_unowned(self):
        """Lock these customers if they are still in the pool; return those locked.

        NOWAIT: when two salespeople claim the same customer at once, the second is
        told at once instead of waiting; ``None`` when someone holds the lock.
        """
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM res_partner WHERE id IN %s AND user_id IS NULL"
                        " FOR UPDATE NOWAIT",
                        tuple(self.ids),
                    ),
                    log_exceptions=False,  # a lost race is expected, not a server error
                )
                return self.browse([row[0] for row in self.env.cr.fetchall()])
        except (pg_errors.LockNotAvailable, pg_errors.SerializationFailure):
            return None

    def action_zz_claim(self):
        """Take customers from the public pool, first come first served.

        Customers a colleague claimed meanwhile are named with their new owner in a
        notification, and the list is reloaded so that they leave the pool.
        """
        # sudo: a colleague may have claimed one a moment ago; the salesman no longer
        # reads it but is told who has it
        partners = self.sudo().commercial_partner_id
        if not partners:
            return True
        self.env.flush_all()
        partners.invalidate_recordset(["user_id"])
        user = self.env.user
        free = partners.filtered(lambda p: not p.user_id)
        claimed = self.browse()
        busy = False
        if free:
            self._zz_check_owner_cap(user, len(free))
            locked = free._zz_lock_unowned()
            busy = locked is None
            claimed = locked or self.browse()
        if claimed:
            contacts = claimed.child_ids.filtered(lambda c: not c.user_id)
            # sudo: the rows are locked and still in the pool; contacts follow their company
            (claimed | contacts).sudo().with_context(zz_owner_change="claim").write(
                {"user_id": user.id}
            )
        lost = partners - claimed
        lost.invalidate_recordset(["user_id"])
        return self._zz_claim_notification(claimed, lost, busy)

    def _zz_claim_notification(self, claimed, lost, busy):
        messages = []
        if claimed:
            messages.append(
                self.env._(
                    "%(names)s is now yours.", names=", ".join(claimed.mapped("display_name"))
                )
            )
        for partner in lost:
            if busy and not partner.user_id:
                msg = self.env._(
                    "%(name)s is being claimed by a colleague right now.",
                    name=partner.display_name,
                )
            elif partner.user_id == self.env.user:
                msg = self.env._("%(name)s is already yours.", name=partner.display_name)
            else:
                msg = self.env._(
                    "%(name)s has already been claimed by %(user)s.",
                    name=partner.display_name,
                    user=partner.user_id.name,
                )
            messages.append(msg)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Claim from the public pool"),
                "message": "\n".join(messages),
                "type": "warning" if lost else "success",
                "sticky": bool(lost),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

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

    _ZZ_RECALL_FIELDS = (
        "user_id",
        "zz_grade",
        "zz_owner_date",
        "create_date",
        "zz_last_contact_date",
        "zz_last_deal_date",
        "zz_recall_warned",
    )

    def _zz_recall_decisions(self, rules, today, warning_days):
        """{partner: (decision, due date)} for these customers, from their fields."""
        decisions = {}
        for partner in self:
            rule = rules.get(partner.zz_grade or False)
            if not rule or not partner.user_id or partner.parent_id:
                continue
            owner_since = pool.as_date(partner.zz_owner_date or partner.create_date)
            due = pool.recall_date(
                rule,
                owner_since,
                pool.as_date(partner.zz_last_contact_date),
                pool.as_date(partner.zz_last_deal_date),
            )
            decision = pool.decide(due, today, warning_days, partner.zz_recall_warned)
            if decision:
                decisions[partner] = (decision, due)
        return decisions

    def _zz_lock_skip_locked(self):
        """Lock these rows, skipping those someone is editing; return those locked.

        A row changed since this transaction started cannot be locked either
        (repeatable read): it is skipped too, and decided again next time.
        """
        query = SQL(
            "SELECT id FROM res_partner WHERE id IN %s ORDER BY id FOR UPDATE SKIP LOCKED",
            tuple(self.ids),
        )
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(query, log_exceptions=False)
                return self.browse([row[0] for row in self.env.cr.fetchall()])
        except pg_errors.SerializationFailure:
            _logger.info("Pool recall: customers changed meanwhile, locking them one by one")
        locked = []
        for partner in self:  # one by one, to skip only the rows changed meanwhile
            try:
                with self.env.cr.savepoint():
                    self.env.cr.execute(
                        SQL(
                            "SELECT id FROM res_partner WHERE id = %s FOR UPDATE SKIP LOCKED",
                            partner.id,
                        ),
                        log_exceptions=False,
                    )
                    locked += [row[0] for row in self.env.cr.fetchall()]
            except pg_errors.SerializationFailure:
                continue
        return self.browse(locked)

    @api.model
    def _cron_zz_pool_recall(self, batch_size=1000):
        """Return neglected customers to the pool; warn their owners a few days before.

        Works in batches: each call decides from a snapshot which customers need
        something today, then locks one batch (skipping the rows being edited),
        decides again from their current values and acts; the scheduler commits
        after each call and calls again while some remain, so a conflicting edit
        costs at most one batch, and one customer at most a day.
        """
        rules = self.env["crm.zz.pool.rule"]._zz_recall_rules()
        if not rules:
            return
        params = self.env["ir.config_parameter"].sudo()  # sudo: read-only setting
        warning_days = int(params.get_param("crm_zz_customer.pool_warning_days", 7) or 0)
        today = fields.Date.context_today(self)
        domain = [
            ("user_id", "!=", False),
            ("parent_id", "=", False),
            ("zz_grade", "in", list(rules)),
        ]
        snapshot = self.search_fetch(domain, self._ZZ_RECALL_FIELDS, order="id")
        todo = list(snapshot._zz_recall_decisions(rules, today, warning_days))
        batch = self.browse([partner.id for partner in todo[:batch_size]])
        locked = batch._zz_lock_skip_locked() if batch else batch
        if locked:
            locked.invalidate_recordset(self._ZZ_RECALL_FIELDS)
            locked.fetch(self._ZZ_RECALL_FIELDS)
            locked._zz_apply_recall(locked._zz_recall_decisions(rules, today, warning_days))
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=len(todo) - len(batch))

    def _zz_apply_recall(self, decisions):
        by_decision = defaultdict(lambda: self.browse())
        for partner, (decision, _due) in decisions.items():
            by_decision[decision] |= partner
        if by_decision[pool.RECALL]:
            by_decision[pool.RECALL]._zz_move_to_pool(
                "recall", self.env._("No interaction or deal within the pool rule of its grade.")
            )
        if by_decision[pool.WARN]:
            by_decision[pool.WARN]._zz_warn_recall(
                {partner.id: due for partner, (_decision, due) in decisions.items()}
            )
        if by_decision[pool.RESET]:
            by_decision[pool.RESET].with_context(zz_owner_logged=True).write(
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
