# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SmsComposer(models.TransientModel):
    """Give each SMS the approved template code and rendered parameters of
    its mailing or SMS template when Alibaba Cloud is the provider."""

    _inherit = "sms.composer"

    def _zz_aliyun_sms_values(self, records):
        if not records or self.env["sms.sms"]._zz_sms_provider() != "aliyun":
            return {}
        # a mailing's own template code first, else the one of its SMS template
        values = self.mailing_id._zz_aliyun_sms_values(records) if self.mailing_id else {}
        if not values and self.template_id:
            values = self.template_id._zz_aliyun_sms_values(records)
        return values

    def _prepare_mass_sms_values(self, records):
        result = super()._prepare_mass_sms_values(records)
        aliyun_values = self._zz_aliyun_sms_values(records)
        for res_id, sms_values in result.items():
            sms_values.update(aliyun_values.get(res_id, {}))
            for command in sms_values.get("mailing_trace_ids", []):
                command[2]["zz_aliyun_out_id"] = sms_values["uuid"]
        return result

    def _action_send_sms_comment(self, records=None):
        records = records if records is not None else self._get_records()
        aliyun_values = self._zz_aliyun_sms_values(records)
        if not aliyun_values:
            return super()._action_send_sms_comment(records=records)
        messages = self.env["mail.message"]
        for record in records:
            # mail.thread creates the SMS in the record's environment
            with_values = record.with_context(zz_aliyun_sms_values=aliyun_values[record.id])
            messages += super()._action_send_sms_comment(records=with_values)
        return messages
