# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import rfm

RFM_SEGMENTS = [
    ("important_value", "Important Value"),
    ("important_develop", "Important Development"),
    ("important_keep", "Important Retention"),
    ("important_retain", "Important Win-back"),
    ("general_value", "General Value"),
    ("general_develop", "General Development"),
    ("general_keep", "General Retention"),
    ("general_retain", "General Win-back"),
]


# written by the value analysis' SQL statement on every analysed customer
RFM_FIGURES = [
    "zz_rfm_recency_days",
    "zz_rfm_frequency",
    "zz_rfm_monetary",
    "zz_rfm_r",
    "zz_rfm_f",
    "zz_rfm_m",
    "zz_rfm_date",
]
# ... and on those whose classification changed
RFM_CLASS = ["zz_rfm_segment", "zz_is_pareto", "zz_grade_auto"]


class ResPartner(models.Model):
    """Value analysis: RFM scores from posted customer invoices, Pareto, grade.

    Written by the scheduled action in one set-based SQL statement, then announced
    to the ORM; the rules (scores, segments, grade, Pareto cut) are in
    ``tools/rfm.py``.
    """

    _inherit = "res.partner"

    zz_rfm_recency_days = fields.Integer(
        string="Days Since Last Invoice", readonly=True, copy=False
    )
    zz_rfm_frequency = fields.Integer(string="Invoice Count", readonly=True, copy=False)
    zz_rfm_monetary = fields.Monetary(
        string="Invoiced Revenue",
        currency_field="currency_id",
        readonly=True,
        copy=False,
        help="Posted customer invoices minus credit notes, taxes excluded.",
    )
    zz_rfm_r = fields.Integer(string="Recency Score", readonly=True, copy=False)
    zz_rfm_f = fields.Integer(string="Frequency Score", readonly=True, copy=False)
    zz_rfm_m = fields.Integer(string="Monetary Score", readonly=True, copy=False)
    zz_rfm_segment = fields.Selection(
        RFM_SEGMENTS, string="RFM Segment", readonly=True, copy=False, index=True
    )
    zz_is_pareto = fields.Boolean(
        string="Top 80% Revenue",
        readonly=True,
        copy=False,
        index=True,
        help="Among the customers that together make 80% of invoiced revenue.",
    )
    zz_rfm_date = fields.Date(string="Analysed On", readonly=True, copy=False)

    @api.model
    def _zz_rfm_query(self):
        """The one statement that scores every invoiced customer and clears the others."""
        table = SQL(", ").join(
            SQL("(%s, %s, %s, %s, %s, %s)", r, f, m, is_pareto, code, grade)
            for r, f, m, is_pareto, code, grade in rfm.segment_table()
        )
        return SQL(
            """
            WITH segments(r, f, m, is_pareto, segment, grade) AS (VALUES %(table)s),
            stats AS (
                SELECT move.commercial_partner_id AS partner_id,
                       MAX(move.invoice_date) FILTER (WHERE move.move_type = 'out_invoice')
                           AS last_date,
                       COUNT(*) FILTER (WHERE move.move_type = 'out_invoice') AS frequency,
                       SUM(move.amount_untaxed_signed) AS monetary
                  FROM account_move move
                 WHERE move.state = 'posted'
                   AND move.move_type IN ('out_invoice', 'out_refund')
                   AND move.commercial_partner_id IS NOT NULL
                 GROUP BY move.commercial_partner_id
                HAVING COUNT(*) FILTER (WHERE move.move_type = 'out_invoice') > 0
            ),
            scored AS (
                -- ranked on the values only: equal values, equal scores
                -- (tools/rfm.py quintiles: percent_rank() in integers)
                SELECT partner_id, last_date, frequency, monetary,
                       COALESCE(LEAST(5, 1 + 5 * (rank() OVER (ORDER BY last_date) - 1)
                                         / NULLIF(COUNT(*) OVER () - 1, 0)), 1) AS r,
                       COALESCE(LEAST(5, 1 + 5 * (rank() OVER (ORDER BY frequency) - 1)
                                         / NULLIF(COUNT(*) OVER () - 1, 0)), 1) AS f,
                       COALESCE(LEAST(5, 1 + 5 * (rank() OVER (ORDER BY monetary) - 1)
                                         / NULLIF(COUNT(*) OVER () - 1, 0)), 1) AS m,
                       -- revenue of the customers that invoiced strictly more
                       COALESCE(SUM(GREATEST(monetary, 0)) OVER (
                           ORDER BY monetary DESC
                           RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                           EXCLUDE GROUP), 0) AS before,
                       SUM(GREATEST(monetary, 0)) OVER () AS total
                  FROM stats
            ),
            result AS (
                SELECT partner.id, scored.last_date, scored.frequency, scored.monetary,
                       scored.r, scored.f, scored.m,
                       COALESCE(scored.monetary > 0
                                AND scored.before < scored.total * %(share)s, FALSE)
                           AS is_pareto,
                       partner.zz_rfm_segment AS old_segment,
                       partner.zz_is_pareto AS old_is_pareto,
                       partner.zz_grade_auto AS old_grade
                  FROM res_partner partner
                  LEFT JOIN scored ON scored.partner_id = partner.id
                 WHERE scored.partner_id IS NOT NULL OR partner.zz_rfm_segment IS NOT NULL
            )
            UPDATE res_partner partner
               SET zz_rfm_recency_days = %(today)s::date - result.last_date,
                   zz_rfm_frequency = result.frequency,
                   zz_rfm_monetary = result.monetary,
                   zz_rfm_r = result.r,
                   zz_rfm_f = result.f,
                   zz_rfm_m = result.m,
                   zz_rfm_segment = segments.segment,
                   zz_is_pareto = result.is_pareto,
                   zz_rfm_date = %(today)s,
                   zz_grade_auto = segments.grade
              FROM result
              LEFT JOIN segments
                ON (segments.r, segments.f, segments.m, segments.is_pareto)
                 = (result.r, result.f, result.m, result.is_pareto)
             WHERE partner.id = result.id
            RETURNING partner.id,
                      result.old_segment IS DISTINCT FROM segments.segment
                          OR result.old_is_pareto IS DISTINCT FROM result.is_pareto
                          OR result.old_grade IS DISTINCT FROM segments.grade
            """,
            table=table,
            share=rfm.PARETO_SHARE,
            today=fields.Date.context_today(self),
        )

    @api.model
    def _cron_zz_rfm(self):
        """Recompute RFM scores, segments, Pareto flag and grade of all customers.

        The statement writes the analysis fields only; it then announces them to
        the ORM (``modified``) so that every stored field depending on them is
        recomputed by its own compute: the partner's ``zz_grade`` (manual
        override or analysis, ``_compute_zz_grade`` is its only owner) and, through
        it, the grades stored on leads, orders or tickets. Segment, Pareto flag and
        automatic grade are announced only where they changed, so a night that
        changes few grades recomputes few records.
        """
        self.env.flush_all()
        self.env.cr.execute(self._zz_rfm_query())
        rows = self.env.cr.fetchall()
        partners = self.browse(partner_id for partner_id, _changed in rows)
        reclassified = self.browse(partner_id for partner_id, changed in rows if changed)
        partners.invalidate_recordset(RFM_FIGURES + RFM_CLASS)
        partners.modified(RFM_FIGURES)
        reclassified.modified(RFM_CLASS)
        # recompute the dependents now, while the job runs, not at some later flush
        self.env.flush_all()
        return len(partners)
