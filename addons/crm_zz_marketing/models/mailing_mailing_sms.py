# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    zz_aliyun_template_code = fields.Char(
        "Alibaba Cloud Template Code",
        help="Code of the approved marketing template (推广短信模板CODE) the provider sends for "
        "this mailing. The approved text must end with 拒收请回复R.",
    )
    zz_aliyun_param_ids = fields.One2many(
        "crm.zz.marketing.sms.param", "mailing_id", "Template Parameters", copy=True
    )
    zz_sms_provider_is_aliyun = fields.Boolean(
        "Sent through Alibaba Cloud", compute="_compute_zz_sms_provider_is_aliyun"
    )

    @api.depends("mailing_type")
    def _compute_zz_sms_provider_is_aliyun(self):
        is_aliyun = self.env["sms.sms"]._zz_sms_provider() == "aliyun"
        for mailing in self:
            mailing.zz_sms_provider_is_aliyun = is_aliyun and mailing.mailing_type == "sms"

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
