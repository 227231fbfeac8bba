# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..tools import lifecycle, normalize

LIFECYCLE_STAGES = [
    ("potential", "Potential"),
    ("active", "Active Customer"),
    ("dormant", "Dormant"),
    ("lost", "Lost"),
]
GRADES = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # the "My Customers" filter and the public pool search on the salesperson
    user_id = fields.Many2one(index=True)

    # Location in Zhengzhou
    zz_district_id = fields.Many2one(
        "crm.zz.district",
        string="District",
        domain=[("kind", "!=", "zone")],
        compute="_compute_zz_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="County-level division (GB/T 2260) the customer is registered in.",
    )
    zz_zone_id = fields.Many2one(
        "crm.zz.district",
        string="Functional Zone",
        domain=[("kind", "=", "zone")],
        compute="_compute_zz_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Functional zone (郑东新区, 高新区, 经开区, 航空港区) the customer lies in.",
    )
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", index=True, tracking=True)

    # Identity
    zz_credit_code = fields.Char(
        string="Unified Social Credit Code",
        index="btree_not_null",
        tracking=True,
        copy=False,
        help="统一社会信用代码: 18 characters, checked with its check digit and stored normalised.",
    )

    # Lifecycle
    zz_last_deal_date = fields.Date(
        string="Last Deal",
        readonly=True,
        copy=False,
        help="Date of the last confirmed sale order or posted customer invoice.",
    )
    zz_lifecycle_date = fields.Date(
        string="Stage Checked On",
        readonly=True,
        copy=False,
        index=True,
        help="When the daily job last checked the stage; it resumes from the others.",
    )
    zz_lifecycle_auto = fields.Selection(
        LIFECYCLE_STAGES,
        string="Computed Stage",
        default="potential",
        readonly=True,
        copy=False,
        help="Stage from the last deal and the thresholds in Settings.",
    )
    zz_lifecycle_manual = fields.Selection(
        LIFECYCLE_STAGES,
        string="Stage Override",
        tracking=True,
        copy=False,
        help="Set to keep the customer in this stage whatever its orders say.",
    )
    zz_lifecycle = fields.Selection(
        LIFECYCLE_STAGES,
        string="Lifecycle Stage",
        compute="_compute_zz_lifecycle",
        store=True,
        index=True,
    )

    # Grade
    zz_grade_auto = fields.Selection(
        GRADES,
        string="Computed Grade",
        readonly=True,
        copy=False,
        help="Grade from the value analysis (RFM and Pareto).",
    )
    zz_grade_manual = fields.Selection(
        GRADES,
        string="Grade Override",
        tracking=True,
        copy=False,
    )
    zz_grade = fields.Selection(
        GRADES,
        string="Grade",
        compute="_compute_zz_grade",
        store=True,
        index=True,
    )

    @api.depends("zz_park_id")
    def _compute_zz_location(self):
        """A park implies its zone or district; other values stay as they were."""
        for partner in self:
            place = partner.zz_park_id.district_id
            if not place:
                continue
            if place.kind == "zone":
                partner.zz_zone_id = place
            else:
                partner.zz_district_id = place

    @api.depends("zz_lifecycle_auto", "zz_lifecycle_manual")
    def _compute_zz_lifecycle(self):
        for partner in self:
            partner.zz_lifecycle = partner.zz_lifecycle_manual or partner.zz_lifecycle_auto

    @api.depends("zz_grade_auto", "zz_grade_manual")
    def _compute_zz_grade(self):
        for partner in self:
            partner.zz_grade = partner.zz_grade_manual or partner.zz_grade_auto

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._zz_normalize_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._zz_normalize_vals(vals)
        return super().write(vals)

    @api.model
    def _zz_normalize_vals(self, vals):
        """Store the credit code normalised; refuse an invalid one, naming it."""
        if vals.get("zz_credit_code"):
            try:
                vals["zz_credit_code"] = normalize.normalize_uscc(vals["zz_credit_code"]) or False
            except normalize.InvalidValue as err:
                raise ValidationError(
                    self.env._(
                        "%(value)s is not a valid Unified Social Credit Code: %(reason)s.",
                        value=err.value,
                        reason=self._zz_credit_code_reason(err.reason),
                    )
                ) from err

    @api.model
    def _zz_credit_code_reason(self, reason):
        if reason == "wrong check digit":
            return self.env._("the check digit is wrong")
        return self.env._("it must have 18 digits and capital letters")

    # Lifecycle

    @api.model
    def _zz_lifecycle_thresholds(self):
        params = self.env["ir.config_parameter"].sudo()  # sudo: read-only settings
        try:
            return lifecycle.Thresholds(
                int(params.get_param("crm_zz_customer.lifecycle_dormant_days", 180)),
                int(params.get_param("crm_zz_customer.lifecycle_lost_days", 365)),
            )
        except (ValueError, lifecycle.InvalidThresholds):
            return lifecycle.Thresholds()

    def _zz_last_deal_dates(self):
        """{commercial partner id: date of its last deal}, in two queries."""
        partner_ids = self.ids
        # sudo: the stage is a fact about the customer, whoever sold to it
        orders = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [("state", "=", "sale"), ("partner_id.commercial_partner_id", "in", partner_ids)],
                ["partner_id"],
                ["date_order:max"],
            )
        )
        # sudo: the stage is a fact about the customer, whoever invoiced it
        invoices = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("commercial_partner_id", "in", partner_ids),
                ],
                ["commercial_partner_id"],
                ["invoice_date:max"],
            )
        )
        last = {}
        for partner, order_date in orders:
            key = partner.commercial_partner_id.id
            day = order_date.date()
            last[key] = max(last.get(key, day), day)
        for partner, invoice_date in invoices:
            if invoice_date:
                last[partner.id] = max(last.get(partner.id, invoice_date), invoice_date)
        return last

    def _zz_refresh_lifecycle(self):
        """Recompute last deal date and stage of these commercial partners, in batch.

        Idempotent: run twice, it writes the same values and marks the partners
        checked today.
        """
        partners = self.commercial_partner_id
        if not partners:
            return
        last = partners._zz_last_deal_dates()
        today = fields.Date.context_today(self)
        partners.fetch(["zz_last_deal_date"])
        moved = partners.filtered(lambda p: p.zz_last_deal_date != last.get(p.id))
        ids = partners.ids
        # one statement for dates that differ per partner (an ORM write would take
        # one UPDATE per distinct date), announced to the ORM right after
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner p
                      SET zz_last_deal_date = v.last_deal, zz_lifecycle_date = %s
                     FROM unnest(%s::int[], %s::date[]) AS v(id, last_deal)
                    WHERE p.id = v.id""",
                today,
                ids,
                [last.get(pid) for pid in ids],
            )
        )
        partners.invalidate_recordset(["zz_last_deal_date", "zz_lifecycle_date"])
        partners.modified(["zz_lifecycle_date"])
        moved.modified(["zz_last_deal_date"])
        thresholds = self._zz_lifecycle_thresholds()
        by_stage = defaultdict(list)
        for partner in partners:
            stage = lifecycle.stage(partner.zz_last_deal_date, today, thresholds)
            if partner.zz_lifecycle_auto != stage:
                by_stage[stage].append(partner.id)
        for stage, stage_ids in by_stage.items():
            # sudo: a system-computed stage; only manual overrides go to the chatter
            self.browse(stage_ids).sudo().with_context(tracking_disable=True).write(
                {"zz_lifecycle_auto": stage}
            )

    @api.model
    def _zz_lifecycle_todo_domain(self):
        """Commercial partners the daily job has not checked today."""
        today = fields.Date.context_today(self)
        return [
            ("parent_id", "=", False),
            "|",
            ("zz_lifecycle_date", "=", False),
            ("zz_lifecycle_date", "<", today),
        ]

    @api.model
    def _cron_zz_refresh_lifecycle(self, batch_size=1000):
        """Daily: move customers between stages as time passes.

        Works through the partners not checked today, ``batch_size`` at a time.
        Under the scheduler each call does one batch and reports its progress
        (``ir.cron._notify_progress``); the scheduler commits that batch and calls
        again until nothing remains, so a run that stops halfway resumes where it
        stopped and a second run the same day finds nothing to do. Called outside
        the scheduler (shell, tests), it does every batch in the caller's
        transaction. Returns the number of partners checked.
        """
        domain = self._zz_lifecycle_todo_domain()
        # the scheduler's progress record: present only when run as a scheduled job
        under_scheduler = bool(self.env.context.get("ir_cron_progress_id"))
        checked = 0
        remaining = None
        while True:
            partners = self.search(domain, order="id", limit=batch_size)
            partners._zz_refresh_lifecycle()
            checked += len(partners)
            left = self.search_count(domain) if partners else 0
            self.env["ir.cron"]._notify_progress(done=len(partners), remaining=left)
            if under_scheduler:
                if left:
                    # the scheduler calls again at once; so does a manual run ("Run
                    # Manually" does one call), through a trigger
                    cron = self.env.ref(
                        "crm_zz_customer.ir_cron_zz_refresh_lifecycle", raise_if_not_found=False
                    )
                    if cron:
                        cron._trigger()
                return checked
            # stop when done, or if a batch made no headway
            if not left or left == remaining:
                return checked
            remaining = left
