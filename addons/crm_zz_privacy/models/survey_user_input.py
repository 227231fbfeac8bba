# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools import privacy


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    zz_anonymised_date = fields.Datetime(string="Anonymised On", copy=False, readonly=True)

    def _zz_anonymise(self):
        """Detach these answers from the person: no contact, email, nickname nor
        free-text answer; the scores (CSAT, NPS) stay for the statistics."""
        # sudo: the officer or the retention job anonymises whoever sent the survey
        inputs = self.sudo()
        values = privacy.blank_values("survey.user_input", inputs._fields)
        values.update(partner_id=False, zz_anonymised_date=fields.Datetime.now())
        inputs.write(values)
        inputs.user_input_line_ids.filtered(
            lambda line: line.value_char_box or line.value_text_box
        ).write({"value_char_box": False, "value_text_box": False})
        return inputs.with_env(self.env)
