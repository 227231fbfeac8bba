# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResourceCalendarAttendance(models.Model):
    _inherit = "resource.calendar.attendance"

    zz_source = fields.Char(
        string="Official Notice",
        help="The State Council notice that makes this weekend day a working day (调休).",
    )
