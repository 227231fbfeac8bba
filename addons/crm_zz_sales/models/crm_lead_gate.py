# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


class CrmLead(models.Model):
    """Stage gates (fields a stage requires) and leads stalled in their stage."""

    _inherit = "crm.lead"

    # Days in stage
    zz_days_in_stage = fields.Integer(string="Days in Stage", compute="_compute_zz_days_in_stage")
    zz_is_stalled = fields.Boolean(
        string="Stalled",
        compute="_compute_zz_days_in_stage",
        search="_search_zz_is_stalled",
        help="Left in its stage longer than the stage allows.",
    )
    zz_stall_reminded_date = fields.Datetime(
        string="Stall Reminder Sent", readonly=True, copy=False
    )

    @api.depends("date_last_stage_update", "stage_id.zz_stall_days", "active", "stage_id.is_won")
    def _compute_zz_days_in_stage(self):
        now = fields.Datetime.now()
        for lead in self:
            since = lead.date_last_stage_update or lead.create_date or now
            lead.zz_days_in_stage = max(0, (now - since).days)
            limit = lead.stage_id.zz_stall_days
            lead.zz_is_stalled = bool(
                limit
                and lead.active
                and not lead.stage_id.is_won
                and lead.zz_days_in_stage >= limit
            )

    def _search_zz_is_stalled(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        now = fields.Datetime.now()
        stages = self.env["crm.stage"].search([("zz_stall_days", ">", 0), ("is_won", "=", False)])
        stalled = expression.OR(
            [
                [
                    ("stage_id", "=", stage.id),
                    ("date_last_stage_update", "<=", now - timedelta(days=stage.zz_stall_days)),
                ]
                for stage in stages
            ]
            or [expression.FALSE_DOMAIN]
        )
        if (operator == "=") == value:
            return stalled
        return ["!", *stalled]

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._zz_check_stage_gate()
        return leads

    def write(self, vals):
        result = super().write(vals)
        if vals.get("stage_id"):
            self._zz_check_stage_gate()
        return result

    def _zz_check_stage_gate(self):
        """Refuse a stage whose required fields the lead has not filled in.

        Runs after the write, so the check sees computed fields too; the error
        rolls the whole write back, so nothing is changed.
        """
        # sudo: salespeople may not read ir.model.fields; only the names are used
        gates = {
            stage: stage.zz_required_field_ids.sudo().mapped("name") for stage in self.stage_id
        }
        for lead in self.filtered(lambda lead: gates.get(lead.stage_id)):
            missing = [
                lead._fields[name]._description_string(self.env)
                for name in gates[lead.stage_id]
                if name in lead._fields and not lead[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(lead)s cannot enter the stage %(stage)s: fill in %(fields)s first.",
                        lead=lead.display_name,
                        stage=lead.stage_id.name,
                        fields=", ".join(missing),
                    )
                )

    def _cron_zz_remind_stalled(self):
        """Give the salesperson of each stalled lead one to-do, once per stay in a stage.

        All to-dos are created in one ``create()``; each names its days and stage.
        """
        leads = self.search([("zz_is_stalled", "=", True), ("user_id", "!=", False)])
        leads = leads.filtered(
            lambda lead: not lead.zz_stall_reminded_date
            or lead.zz_stall_reminded_date < lead.date_last_stage_update
        )
        if not leads:
            return leads
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self.env["mail.activity"].create(
            [
                {
                    "activity_type_id": todo.id,
                    "automated": True,
                    "res_model_id": model_id,
                    "res_id": lead.id,
                    "user_id": lead.user_id.id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Stalled for %(days)s days in %(stage)s",
                        days=lead.zz_days_in_stage,
                        stage=lead.stage_id.name,
                    ),
                }
                for lead in leads
            ]
        )
        leads.write({"zz_stall_reminded_date": fields.Datetime.now()})
        return leads
