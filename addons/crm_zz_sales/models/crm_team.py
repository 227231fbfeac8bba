# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import assignment, forecast

FORECAST_HISTORY_MONTHS = 36


class CrmTeam(models.Model):
    _inherit = "crm.team"

    # Industry pipeline
    zz_pipeline_template_id = fields.Many2one(
        "crm.zz.sales.pipeline.template",
        string="Pipeline Template",
        help="Industry template whose stages this team's pipeline uses.",
    )
    # Rule-based assignment
    zz_rule_assignment = fields.Boolean(
        string="Rule-based Assignment",
        help="Give each new unassigned lead of this team, when it is created and in the "
        "assignment cron, to the member whose district, park, industry and product rules "
        "match it most specifically, the least loaded first; the salesperson is notified.",
    )
    # Forecast of won revenue
    zz_forecast_next_month = fields.Monetary(
        string="Forecast Next Month",
        compute="_compute_zz_forecast",
        groups="sales_team.group_sale_salesman",
        currency_field="currency_id",
        help="Won revenue expected next month from the team's monthly history.",
    )
    zz_forecast_next_quarter = fields.Monetary(
        string="Forecast Next 3 Months",
        compute="_compute_zz_forecast",
        groups="sales_team.group_sale_salesman",
        currency_field="currency_id",
    )
    zz_forecast_mape = fields.Float(
        string="Backtest Error (MAPE %)",
        compute="_compute_zz_forecast",
        groups="sales_team.group_sale_salesman",
        digits=(16, 2),
        help="Mean absolute percentage error of the same method on the last six months; "
        "the lower, the more the forecast can be trusted.",
    )
    zz_forecast_months = fields.Integer(
        string="Months of History",
        compute="_compute_zz_forecast",
        groups="sales_team.group_sale_salesman",
    )
    zz_forecast_method = fields.Selection(
        [("none", "Not Enough History"), ("trend", "Trend"), ("seasonal", "Trend and Seasonality")],
        string="Forecast Method",
        compute="_compute_zz_forecast",
        groups="sales_team.group_sale_salesman",
    )

    def _compute_zz_forecast(self):
        histories = self._zz_won_revenue_history()
        for team in self:
            values = histories.get(team.id, [])
            team.zz_forecast_months = len(values)
            try:
                result = forecast.forecast(
                    values, start_month=team._zz_history_start(values), horizon=3
                )
            except forecast.NotEnoughHistory:
                team.update(
                    {
                        "zz_forecast_next_month": 0.0,
                        "zz_forecast_next_quarter": 0.0,
                        "zz_forecast_mape": 0.0,
                        "zz_forecast_method": "none",
                    }
                )
                continue
            team.update(
                {
                    "zz_forecast_next_month": result.values[0],
                    "zz_forecast_next_quarter": sum(result.values),
                    "zz_forecast_mape": result.mape or 0.0,
                    "zz_forecast_method": "seasonal" if result.seasonal else "trend",
                }
            )

    def _zz_history_start(self, values):
        first = fields.Date.context_today(self).replace(day=1) - relativedelta(months=len(values))
        return first.month

    def _zz_won_revenue_history(self):
        """Won revenue per full month for each team, from its first won month to last month."""
        this_month = fields.Date.context_today(self).replace(day=1)
        since = this_month - relativedelta(months=FORECAST_HISTORY_MONTHS)
        groups = self.env["crm.lead"]._read_group(
            [
                ("team_id", "in", self.ids),
                ("stage_id.is_won", "=", True),
                ("date_closed", ">=", since),
                ("date_closed", "<", this_month),
            ],
            ["team_id", "date_closed:month"],
            ["expected_revenue:sum"],
        )
        by_team = {}
        for team, month, revenue in groups:
            by_team.setdefault(team.id, {})[month.date().replace(day=1)] = revenue
        histories = {}
        for team_id, months in by_team.items():
            month, values = min(months), []
            while month < this_month:
                values.append(months.get(month, 0.0))
                month += relativedelta(months=1)
            histories[team_id] = values
        return histories

    def action_zz_apply_pipeline_template(self):
        """Create the stages of the team's industry template in its pipeline."""
        for team in self:
            if not team.zz_pipeline_template_id:
                raise UserError(
                    self.env._(
                        "Choose a pipeline template for the team %(team)s first.", team=team.name
                    )
                )
            stages = team.zz_pipeline_template_id._apply_to_team(team)
            team.message_post(
                body=self.env._(
                    "Pipeline template %(template)s applied: %(count)s new stages.",
                    template=team.zz_pipeline_template_id.name,
                    count=len(stages),
                )
            )
        return True

    def _assign_and_convert_leads(self, force_quota=False):
        """Odoo's assignment cron: rule-based teams are served by the ZZ rules first."""
        rule_teams = self.filtered("zz_rule_assignment")
        for team in rule_teams:
            leads = self.env["crm.lead"].search(team._get_lead_to_assign_domain())
            team._zz_assign_leads(leads, trigger="cron")
        return super(CrmTeam, self - rule_teams)._assign_and_convert_leads(force_quota=force_quota)

    def _zz_assign_leads(self, leads, trigger="manual"):
        """Give each unassigned lead of these teams to one member; return the assigned leads.

        The leads are locked with ``FOR UPDATE SKIP LOCKED``, so a second run at
        the same time skips the leads this one holds instead of assigning them again.
        """
        Lead = self.env["crm.lead"]
        assigned = Lead
        if not leads:
            return assigned
        Lead.flush_model(["user_id", "team_id"])
        for team in self:
            team_leads = leads.filtered(lambda lead, team=team: lead.team_id == team)
            if not team_leads:
                continue
            rows = self.env.execute_query(
                SQL(
                    "SELECT id FROM crm_lead WHERE id IN %s AND user_id IS NULL "
                    "ORDER BY id FOR UPDATE SKIP LOCKED",
                    tuple(team_leads.ids),
                )
            )
            locked = Lead.browse([row[0] for row in rows])
            # another run may have assigned them since they were read
            locked.invalidate_recordset(["user_id"])
            members = team.crm_team_member_ids.filtered(lambda m: not m.assignment_optout)
            if not locked or not members:
                continue
            loads = members._zz_open_lead_counts()
            tool_members = [member._zz_assignment_member(loads) for member in members]
            facts = {lead.id: lead._zz_assignment_facts() for lead in locked}
            choice = assignment.distribute(tool_members, facts)
            assigned |= team._zz_apply_assignment(locked, choice, trigger)
        return assigned

    def _zz_apply_assignment(self, leads, choice, trigger):
        """Write the salespersons chosen, notify them and log each assignment."""
        self.ensure_one()
        members = self.env["crm.team.member"].browse(set(choice.values()))
        by_member = {
            member: leads.browse([lid for lid, mid in choice.items() if mid == member.id])
            for member in members
        }
        logs = []
        for member, member_leads in by_member.items():
            member_leads.with_context(mail_auto_subscribe_no_notify=True).write(
                {"user_id": member.user_id.id}
            )
            rule = member._zz_rule_summary()
            self._zz_notify_assignment(member.user_id, member_leads, rule)
            for lead in member_leads:
                logs.append(
                    {
                        "lead_id": lead.id,
                        "user_id": member.user_id.id,
                        "team_id": self.id,
                        "trigger": trigger,
                        "rule": rule,
                    }
                )
        # sudo: the log is written by the system; salespeople may only read their lines
        self.env["crm.zz.sales.assignment.log"].sudo().create(logs)
        return leads.browse(list(choice))

    def _zz_notify_assignment(self, user, leads, rule):
        """One notification per salesperson and run: on the lead when there is one, on
        the team with a link to each lead when an import or the cron gives several."""
        self.ensure_one()
        if len(leads) == 1:
            leads.message_notify(
                partner_ids=user.partner_id.ids,
                subject=self.env._("New lead assigned: %(lead)s", lead=leads.name),
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Lead %(lead)s assigned to you by the rules of %(team)s (%(rule)s).",
                    lead=leads.name,
                    team=self.name,
                    rule=rule,
                ),
                record_name=leads.display_name,
            )
            return
        links = Markup("").join(
            Markup('<li><a href="/odoo/crm.lead/%s">%s</a></li>') % (lead.id, lead.name)
            for lead in leads
        )
        self.message_notify(
            partner_ids=user.partner_id.ids,
            subject=self.env._("%(count)s new leads assigned to you", count=len(leads)),
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                self.env._(
                    "%(count)s leads assigned to you by the rules of %(team)s (%(rule)s):",
                    count=len(leads),
                    team=self.name,
                    rule=rule,
                ),
                links,
            ),
            record_name=self.display_name,
        )
