# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CrmZzServiceSatisfactionReport(models.Model):
    """One row per finished satisfaction answer, the latest per ticket (or per
    customer and relationship-survey wave): an answer given twice counts once, and
    an answer whose ticket was deleted still counts, with its agent and team.

    ``nps_score`` is +100 for a promoter (9-10), -100 for a detractor (0-6) and 0
    otherwise, so its average over any group is that group's Net Promoter Score."""

    _name = "crm.zz.service.satisfaction.report"
    _description = "Satisfaction Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(string="Answered on", readonly=True)
    kind = fields.Selection(
        [("ticket", "After a Ticket"), ("relationship", "Relationship")],
        string="Occasion",
        readonly=True,
    )
    survey_id = fields.Many2one("survey.survey", readonly=True)
    # not exported: the row's own id, and an answer only survey officers may read
    user_input_id = fields.Many2one(
        "survey.user_input", string="Answer", readonly=True, exportable=False
    )
    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Respondent", readonly=True)
    commercial_partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    csat = fields.Float(string="CSAT", aggregator="avg", readonly=True)
    nps = fields.Float(string="Likelihood to Recommend", aggregator="avg", readonly=True)
    nps_score = fields.Float(string="NPS", aggregator="avg", readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True)

    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # The view reads answers, their lines, questions, partners and teams: write
        # what is pending there before searching it (read_group searches too).
        for model in (
            "survey.user_input",
            "survey.user_input.line",
            "survey.question",
            "res.partner",
            "helpdesk.ticket.team",
            "crm.zz.service.relationship.survey",
        ):
            self.env[model].flush_model()
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    def _query(self):
        return SQL(
            """
            WITH latest AS (
                SELECT DISTINCT ON (ui.zz_survey_key)
                       ui.id, ui.end_datetime, ui.survey_id, ui.partner_id,
                       ui.zz_ticket_id, ui.zz_agent_id, ui.zz_team_id,
                       ui.zz_relationship_survey_id
                  FROM survey_user_input ui
                 WHERE ui.state = 'done' AND ui.zz_survey_key IS NOT NULL
                       AND NOT COALESCE(ui.test_entry, FALSE)
              ORDER BY ui.zz_survey_key, ui.end_datetime DESC NULLS LAST, ui.id DESC
            ), metrics AS (
                SELECT line.user_input_id,
                       MAX(line.value_scale) FILTER (WHERE q.zz_metric = 'csat') AS csat,
                       MAX(line.value_scale) FILTER (WHERE q.zz_metric = 'nps') AS nps
                  FROM survey_user_input_line line
                  JOIN survey_question q ON q.id = line.question_id
                 WHERE q.zz_metric IS NOT NULL AND NOT COALESCE(line.skipped, FALSE)
                       AND line.user_input_id IN (SELECT id FROM latest)
              GROUP BY line.user_input_id
            )
            SELECT latest.id AS id,
                   latest.id AS user_input_id,
                   latest.end_datetime AS date,
                   CASE WHEN latest.zz_relationship_survey_id IS NOT NULL
                        THEN 'relationship' ELSE 'ticket' END AS kind,
                   latest.survey_id,
                   latest.zz_ticket_id AS ticket_id,
                   latest.zz_agent_id AS user_id,
                   latest.zz_team_id AS team_id,
                   latest.partner_id,
                   partner.commercial_partner_id,
                   COALESCE(team.company_id, wave.company_id) AS company_id,
                   metrics.csat,
                   metrics.nps,
                   CASE WHEN metrics.nps >= 9 THEN 100.0
                        WHEN metrics.nps <= 6 THEN -100.0
                        WHEN metrics.nps IS NOT NULL THEN 0.0 END AS nps_score,
                   1 AS answer_count
              FROM latest
         LEFT JOIN helpdesk_ticket_team team ON team.id = latest.zz_team_id
         LEFT JOIN crm_zz_service_relationship_survey wave
                ON wave.id = latest.zz_relationship_survey_id
         LEFT JOIN res_partner partner ON partner.id = latest.partner_id
         LEFT JOIN metrics ON metrics.user_input_id = latest.id
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
