# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import fields, models
from odoo.exceptions import UserError


class CrmZzServiceHolidayImport(models.TransientModel):
    """Load a year of China's public holidays and make-up working days into a
    working calendar from a CSV file in the format of the one shipped with the
    module (date_from,date_to,kind,name,source)."""

    _name = "crm.zz.service.holiday.import"
    _description = "Import Public Holidays"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        required=True,
        default=lambda self: self.env["resource.calendar"]._zz_china_calendar(),
    )
    data_file = fields.Binary(string="CSV File", required=True)
    file_name = fields.Char()

    def action_import(self):
        self.ensure_one()
        try:
            text = base64.b64decode(self.data_file).decode("utf-8")
        except UnicodeDecodeError as error:
            raise UserError(
                self.env._("The file %(file)s is not UTF-8 text.", file=self.file_name or "")
            ) from error
        calendar = self.calendar_id
        leaves, attendances = calendar._zz_import_public_holidays(
            calendar._zz_parse_public_holidays(text)
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(calendar)s: %(holidays)s public holidays and %(workdays)s make-up "
                    "working days added.",
                    calendar=calendar.display_name,
                    holidays=len(leaves),
                    workdays=len(set(attendances.mapped("date_from"))),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
