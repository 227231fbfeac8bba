# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import scoring

# Stored by hand rather than with ``config_parameter``: that deletes a parameter set
# to 0, and a weight of 0 is a real choice (the factor does not count).
PARAMS = {
    **{
        f"zz_bant_weight_{factor}": f"crm_zz_sales.bant_weight_{factor}"
        for factor in scoring.FACTORS
    },
    "zz_bant_share": "crm_zz_sales.bant_share",
}
DEFAULTS = {
    **{f"zz_bant_weight_{f}": w for f, w in scoring.DEFAULT_WEIGHTS.items()},
    "zz_bant_share": 50,
}


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    zz_bant_weight_budget = fields.Integer(string="Budget Weight")
    zz_bant_weight_authority = fields.Integer(string="Authority Weight")
    zz_bant_weight_need = fields.Integer(string="Need Weight")
    zz_bant_weight_timeline = fields.Integer(string="Timeline Weight")
    zz_bant_weight_intent = fields.Integer(string="Purchase Intent Weight")
    zz_bant_share = fields.Integer(
        string="BANT Share of Blended Score (%)",
        help="The rest of the blended score comes from the predictive probability.",
    )

    @api.model
    def get_values(self):
        res = super().get_values()
        params = self.env["ir.config_parameter"].sudo()  # sudo: settings are read by managers
        for name, key in PARAMS.items():
            res[name] = int(params.get_param(key, DEFAULTS[name]))
        return res

    def set_values(self):
        res = super().set_values()
        weights = {factor: self[f"zz_bant_weight_{factor}"] for factor in scoring.FACTORS}
        try:
            scoring.check_weights(weights)
        except scoring.InvalidWeight as error:
            raise UserError(
                self.env._(
                    "BANT weights must be whole numbers from 0, not all 0 (%(field)s: %(value)s).",
                    field=error.field,
                    value=error.value,
                )
            ) from error
        params = self.env["ir.config_parameter"].sudo()  # sudo: settings are set by managers
        changed = False
        for name, key in PARAMS.items():
            value = str(min(100, self[name]) if name == "zz_bant_share" else self[name])
            if params.get_param(key, str(DEFAULTS[name])) != value:
                params.set_param(key, value)
                changed = True
        if changed:
            self.env["crm.lead"]._zz_recompute_scores()
        return res
