# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IrModelData(models.Model):
    _inherit = "ir.model.data"

    @api.model
    def _zz_keep_on_uninstall(self, module, model_names):
        """Demo business documents stay when the module that loaded them is
        uninstalled, as an ERP keeps its documents: confirmed orders and posted
        invoices cannot be deleted, nor what they name (customers, products). Their
        external ids are dropped once the demo is loaded, so that uninstalling the
        module leaves them like any data a user entered."""
        self.search([("module", "=", module), ("model", "in", model_names)]).unlink()
