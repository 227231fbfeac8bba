# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json

from odoo.tests import HttpCase, tagged

from .common import CrmZzReportsCommon


@tagged("post_install", "-at_install")
class TestDashboards(CrmZzReportsCommon, HttpCase):
    """The three dashboards open in the Dashboards app and draw their key
    figures and charts; each key figure is a total of an analysis the user may
    read, here computed for the salesperson's own opportunities."""

    DASHBOARDS = (
        "crm_zz_reports.spreadsheet_dashboard_sales_manager",
        "crm_zz_reports.spreadsheet_dashboard_marketing",
        "crm_zz_reports.spreadsheet_dashboard_service",
    )

    def _spreadsheet(self, xmlid):
        dashboard = self.env.ref(xmlid)
        return json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))

    def test_figures_are_totals_of_readable_analyses(self):
        self._opportunity("看板-甲", self.customer_a, self.user_a, 30000)
        self._opportunity("看板-乙", self.customer_b, self.user_b, 50000)
        self._refresh_analyses()
        for xmlid, user in zip(
            self.DASHBOARDS, (self.user_a, self.user_a, self.env.user), strict=True
        ):
            data = self._spreadsheet(xmlid)
            pivot = data["pivots"]["1"]
            measures = [m["fieldName"] for m in pivot["measures"]]
            # every figure is a field of the analysis its dashboard's users may read
            self.env[pivot["model"]].with_user(user)._read_group(
                pivot["domain"], [], [f"{m}:sum" for m in measures]
            )
            figures = data["sheets"][0]["figures"]
            # one key figure per measure of the dashboard's pivots, and a chart
            self.assertEqual(
                len(figures), sum(len(p["measures"]) for p in data["pivots"].values()) + 1
            )
        pipeline = self._spreadsheet(self.DASHBOARDS[0])["pivots"]["1"]
        [(count, revenue)] = (
            self.env[pipeline["model"]]
            .with_user(self.user_a)
            ._read_group(
                pipeline["domain"] + [("lead_id.name", "like", "看板")],
                [],
                ["lead_count:sum", "expected_revenue:sum"],
            )
        )
        self.assertEqual((count, revenue), (1, 30000.0))

    def test_global_filters_are_wired(self):
        """Each dashboard filters by period, team and person; every pivot and chart
        follows each filter through a field of its own analysis."""
        for xmlid in self.DASHBOARDS:
            data = self._spreadsheet(xmlid)
            filters = data["globalFilters"]
            self.assertEqual([f["type"] for f in filters], ["date", "relation", "relation"])
            self.assertEqual(filters[2]["modelName"], "res.users")
            sources = list(data["pivots"].values()) + [
                figure["data"] | {"model": figure["data"]["metaData"]["resModel"]}
                for figure in data["sheets"][0]["figures"]
                if figure["data"]["type"].startswith("odoo_")
            ]
            for source in sources:
                model = self.env[source["model"]]
                for global_filter in filters:
                    match = source["fieldMatching"][global_filter["id"]]
                    field = model._fields[match["chain"]]
                    if global_filter["type"] == "date":
                        self.assertEqual(field.type, match["type"])
                    else:
                        self.assertEqual(field.comodel_name, global_filter["modelName"])

    def test_dashboards_tour(self):
        helpdesk = self.env.ref("helpdesk_mgmt.group_helpdesk_manager")
        self.env.ref("base.user_admin").groups_id |= helpdesk
        # the dashboards as their users see them: in Chinese
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.ref("base.user_admin").lang = "zh_CN"
        self.start_tour("/odoo", "crm_zz_reports_dashboards", login="admin", timeout=120)
