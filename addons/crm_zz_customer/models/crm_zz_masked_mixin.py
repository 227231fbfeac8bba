# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CrmZzMaskedMixin(models.AbstractModel):
    """Writing on a model whose numbers are shown masked (base_masking.py): a new
    record never takes a masked value for a real one, and a masked value sent back
    unchanged by a form keeps the real number."""

    _name = "crm.zz.masked.mixin"
    _description = "Masked Personal Numbers"

    @api.model_create_multi
    def create(self, vals_list):
        self._zz_check_masked_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        return super().write(self._zz_drop_masked_values(vals))
