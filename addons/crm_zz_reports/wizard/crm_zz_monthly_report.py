# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models


def _default_month(self):
    return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)


class CrmZzMonthlyReport(models.TransientModel):
    """Choose the month of the management report (PDF)."""

    _name = "crm.zz.monthly.report"
    _description = "Monthly Management Report"

    month = fields.Date(required=True, default=_default_month, help="Any day of the month.")

    def action_print(self):
        self.ensure_one()
        start = self.month.replace(day=1)
        return self.env.ref("crm_zz_reports.crm_zz_monthly_report_action_pdf").report_action(
            self, data={"month": fields.Date.to_string(start)}
        )
