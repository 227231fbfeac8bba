# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class ReportCrmZzMonthlyManagement(models.AbstractModel):
    """The month in figures for management, read from the analyses as the user
    who prints it (so a salesperson's copy holds his own figures only)."""

    _name = "report.crm_zz_reports.monthly_management"
    _description = "Monthly Management Report"

    def _sum(self, model, domain, measures, groupby=()):
        Model = self.env[model]
        return Model._read_group(domain, list(groupby), measures)

    @api.model
    def _get_report_values(self, docids, data=None):
        start = fields.Date.to_date((data or {}).get("month")) or fields.Date.context_today(
            self
        ).replace(day=1)
        end = start + relativedelta(months=1)
        period = [("date_closed", ">=", start), ("date_closed", "<", end)]
        created = [("create_date", ">=", start), ("create_date", "<", end)]
        [(new_count, new_revenue)] = self._sum(
            "crm.zz.pipeline.report",
            created + [("type", "=", "opportunity")],
            ["lead_count:sum", "expected_revenue:sum"],
        )
        [(won_count, won_revenue)] = self._sum(
            "crm.zz.pipeline.report",
            period + [("state", "=", "won")],
            ["lead_count:sum", "won_revenue:sum"],
        )
        [(lost_count, lost_revenue)] = self._sum(
            "crm.zz.pipeline.report",
            period + [("state", "=", "lost")],
            ["lead_count:sum", "lost_revenue:sum"],
        )
        [(open_count, open_revenue, weighted)] = self._sum(
            "crm.zz.pipeline.report",
            [("state", "=", "open"), ("type", "=", "opportunity")],
            ["lead_count:sum", "expected_revenue:sum", "prorated_revenue:sum"],
        )
        districts = self._sum(
            "crm.zz.pipeline.report",
            period + [("state", "=", "won")],
            ["won_revenue:sum"],
            ["zz_district_id"],
        )
        districts = sorted(districts, key=lambda row: -row[1])[:10]
        campaigns = self._sum(
            "crm.zz.campaign.report",
            [("date", ">=", start), ("date", "<", end)],
            ["lead_count:sum", "order_amount:sum", "paid_amount:sum"],
            ["campaign_id"],
        )
        service = None
        if self.env["crm.zz.ticket.report"].has_access("read"):
            [service] = self._sum(
                "crm.zz.ticket.report",
                created,
                ["ticket_count:sum", "response_on_time:avg", "resolution_on_time:avg", "csat:avg"],
            )
        at_risk = self.env["crm.zz.churn.risk"].search_count([("level", "=", "high")])
        closed = won_count + lost_count
        return {
            "doc_ids": docids,
            "docs": self.env["crm.zz.monthly.report"].browse(docids),
            "month": start,
            "company": self.env.company,
            "new_count": new_count,
            "new_revenue": new_revenue,
            "won_count": won_count,
            "won_revenue": won_revenue,
            "lost_count": lost_count,
            "lost_revenue": lost_revenue,
            "win_rate": 100.0 * won_count / closed if closed else 0.0,
            "open_count": open_count,
            "open_revenue": open_revenue,
            "weighted": weighted,
            "districts": districts,
            "campaigns": campaigns,
            "service": service,
            "at_risk": at_risk,
        }
