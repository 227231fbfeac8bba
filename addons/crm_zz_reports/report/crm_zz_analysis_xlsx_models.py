# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One report name per analysis: report_xlsx finds the model of an export by its
report name, so each analysis gets its own (empty) report model."""

from odoo import models


class ReportCustomerReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_customer_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.customer.report to Excel"


class ReportCustomerValueReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_customer_value_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.customer.value.report to Excel"


class ReportPipelineReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_pipeline_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.pipeline.report to Excel"


class ReportFunnelReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_funnel_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.funnel.report to Excel"


class ReportForecastReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_forecast_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.forecast.report to Excel"


class ReportCampaignReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_campaign_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.campaign.report to Excel"


class ReportTicketReportXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_ticket_report_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.ticket.report to Excel"


class ReportChurnRiskXlsx(models.AbstractModel):
    _name = "report.crm_zz_reports.crm_zz_churn_risk_xlsx"
    _inherit = "report.crm_zz_reports.analysis_xlsx"
    _description = "Export of crm.zz.churn.risk to Excel"
