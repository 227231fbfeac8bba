# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import models


class MailingSmsTest(models.TransientModel):
    """The test send of an SMS mailing goes through Alibaba Cloud too when it
    is the provider: the approved template with the parameters of the first
    recipient record, and the result of each number logged on the mailing."""

    _inherit = "mailing.sms.test"

    def action_send_sms(self):
        if self.env["sms.sms"]._zz_sms_provider() != "aliyun":
            return super().action_send_sms()
        self.ensure_one()
        mailing = self.mailing_id
        numbers = [number.strip() for number in self.numbers.splitlines() if number.strip()]
        record = self.env[mailing.mailing_model_real].search([], limit=1)
        body = mailing.body_plaintext or ""
        values = {}
        if record:
            body = self.env["mail.render.mixin"]._render_template(
                body, mailing.mailing_model_real, record.ids
            )[record.id]
            values = mailing._zz_aliyun_sms_values(record).get(record.id, {})
        sms_model = self.env["sms.sms"].sudo()  # sudo: test SMS are technical rows, as in Odoo
        sms_all = sms_model.create([{"body": body, "number": n, **values} for n in numbers])
        sms_all._send(unlink_failed=False, unlink_sent=False)
        lines = []
        for sms in sms_all:
            if sms.state == "pending":
                lines.append(
                    self.env._(
                        "Test SMS successfully sent to %(destination)s", destination=sms.number
                    )
                )
            elif sms.state == "error":
                lines.append(
                    self.env._(
                        "Test SMS could not be sent to %(destination)s: %(reason)s",
                        destination=sms.number,
                        reason=sms.zz_failure_reason,
                    )
                )
            else:
                lines.append(
                    self.env._(
                        "Test SMS to %(destination)s: %(reason)s",
                        destination=sms.number,
                        reason=sms.zz_failure_reason,
                    )
                )
        sms_all.filtered(lambda sms: sms.state != "outgoing").to_delete = True
        if lines:
            mailing._message_log(
                body=Markup("<ul>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % line for line in lines)
            )
        return True
