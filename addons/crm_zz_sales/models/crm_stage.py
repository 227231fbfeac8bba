# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

    # Stage gate
    zz_required_field_ids = fields.Many2many(
        "ir.model.fields",
        "crm_stage_zz_required_field_rel",
        "stage_id",
        "field_id",
        string="Required to Enter",
        domain=[("model", "=", "crm.lead"), ("store", "=", True)],
        help="Fields a lead must have filled in before it may enter this stage.",
    )
    # Stalled leads
    zz_stall_days = fields.Integer(
        string="Stalled After (Days)",
        help="A lead left this many days in the stage is flagged as stalled and its "
        "salesperson gets a reminder; 0 never flags it.",
    )
