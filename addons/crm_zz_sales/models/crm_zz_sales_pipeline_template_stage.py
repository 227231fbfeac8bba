# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models


class CrmZzSalesPipelineTemplateStage(models.Model):
    _name = "crm.zz.sales.pipeline.template.stage"
    _description = "Industry Pipeline Template Stage"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "crm.zz.sales.pipeline.template", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    is_won = fields.Boolean(string="Won Stage")
    fold = fields.Boolean(string="Folded")
    requirements = fields.Text()
    required_field_ids = fields.Many2many(
        "ir.model.fields",
        "crm_zz_sales_template_stage_field_rel",
        "template_stage_id",
        "field_id",
        string="Required to Enter",
        domain=[("model", "=", "crm.lead"), ("store", "=", True)],
    )
    stall_days = fields.Integer(string="Stalled After (Days)")

    def _prepare_stage_vals(self, team):
        self.ensure_one()
        return {
            "name": self.name,
            "sequence": self.sequence,
            "is_won": self.is_won,
            "fold": self.fold,
            "requirements": self.requirements,
            "team_id": team.id,
            "zz_required_field_ids": [Command.set(self.required_field_ids.ids)],
            "zz_stall_days": self.stall_days,
        }
