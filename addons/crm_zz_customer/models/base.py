# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class Base(models.AbstractModel):
    _inherit = "base"

    def export_data(self, fields_to_export):
        """Every export of stored records (list export, API) goes into the audit log:
        who, when, which model, which fields, how many records."""
        result = super().export_data(fields_to_export)
        if not self._transient and self._name != "crm.zz.audit.log":
            self.env["crm.zz.audit.log"]._zz_log(
                "export", self, field_names=fields_to_export, count=len(self)
            )
        return result
