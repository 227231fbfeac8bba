# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SmsTemplate(models.Model):
    _inherit = "sms.template"

    zz_aliyun_template_code = fields.Char(
        "Alibaba Cloud Template Code",
        help="Code of the approved template (模板CODE, e.g. SMS_123456789) the provider sends "
        "in place of this text. Without it, SMS of this template are refused when Alibaba Cloud "
        "is the SMS provider.",
    )
    zz_aliyun_param_ids = fields.One2many(
        "crm.zz.marketing.sms.param", "sms_template_id", "Template Parameters", copy=True
    )

    def _zz_aliyun_sms_values(self, records):
        """Values for the sms.sms of ``records``: template code and parameters."""
        self.ensure_one()
        if not self.zz_aliyun_template_code or not records:
            return {}
        params = self.zz_aliyun_param_ids._zz_render(records._name, records.ids)
        return {
            record.id: {
                "zz_aliyun_template_code": self.zz_aliyun_template_code,
                "zz_aliyun_params": params[record.id],
            }
            for record in records
        }
