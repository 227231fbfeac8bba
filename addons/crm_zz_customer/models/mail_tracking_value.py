# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..tools import masking


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    def _tracking_value_format_model(self, model):
        """The chatter shows a tracked number masked where the user reads it masked."""
        formatted = super()._tracking_value_format_model(model)
        if not model or model not in self.env:
            return formatted
        # tracking values are formatted as superuser: decide for the real user
        Model = self.env(su=False)[model]
        kinds = Model._zz_masked_fields()
        if not kinds or not any(info["fieldName"] in kinds for info in formatted):
            return formatted
        res_id_by_tracking = {tracking.id: tracking.mail_message_id.res_id for tracking in self}
        records = Model.browse(set(res_id_by_tracking.values())).exists()
        unmasked_ids = set(records._zz_unmasked_records().ids)
        for info in formatted:
            kind = kinds.get(info["fieldName"])
            if kind and res_id_by_tracking.get(info["id"]) not in unmasked_ids:
                for side in ("oldValue", "newValue"):
                    info[side]["value"] = masking.mask(kind, info[side]["value"])
        return formatted
