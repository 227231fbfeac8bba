# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools.aliyun_sms_gateway import DEFAULT_ENDPOINT


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    zz_sms_provider = fields.Selection(
        [("iap", "Odoo IAP"), ("aliyun", "Alibaba Cloud SMS")],
        "SMS Provider",
        default="iap",
        required=True,
        config_parameter="crm_zz_marketing.sms_provider",
        help="Alibaba Cloud sends approved templates only (sign name and template code).",
    )
    zz_aliyun_access_key_id = fields.Char(
        "AccessKey ID",
        config_parameter="crm_zz_marketing.aliyun_access_key_id",
        groups="base.group_system",
    )
    zz_aliyun_access_key_secret = fields.Char(
        "AccessKey Secret",
        config_parameter="crm_zz_marketing.aliyun_access_key_secret",
        groups="base.group_system",
    )
    zz_aliyun_sign_name = fields.Char(
        "Sign Name",
        config_parameter="crm_zz_marketing.aliyun_sign_name",
        help="The approved signature (签名) shown as 【签名】 in front of every SMS.",
    )
    zz_aliyun_endpoint = fields.Char(
        "Endpoint",
        default=DEFAULT_ENDPOINT,
        config_parameter="crm_zz_marketing.aliyun_endpoint",
        help="Host of the SMS API (HTTPS); http://host:port for a local stand-in.",
    )
