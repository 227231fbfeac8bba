# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResUsers(models.Model):
    """A user's resident ID number (his partner's) is masked to his colleagues as
    it is on the contact; he reads his own in full."""

    _inherit = "res.users"

    @api.model
    def _zz_masked_fields(self):
        return {"zz_resident_id": "resident_id"} if "zz_resident_id" in self._fields else {}

    def _zz_unmasked_records(self):
        unmasked = super()._zz_unmasked_records()
        if unmasked == self:
            return self
        return self & self.env.user
