# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Excel exports of the lifecycle and forecast backtest analyses (see
crm_zz_analysis_xlsx_models.py)."""

from odoo import models


class ReportLifecycleReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_lifecycle_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.lifecycle.report to Excel"


class ReportForecastBacktestReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_forecast_backtest_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.forecast.backtest.report to Excel"
