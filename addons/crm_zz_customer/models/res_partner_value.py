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


class ResPartner(models.Model):
    """Value analysis: RFM scores from posted customer invoices, Pareto, grade.

    Written by the scheduled action in one set-based SQL statement; the rules
    (segments, grade, Pareto cut) are in ``tools/rfm.py``.
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
                SELECT partner_id, last_date, frequency, monetary,
                       ntile(5) OVER (ORDER BY last_date, partner_id) AS r,
                       ntile(5) OVER (ORDER BY frequency, partner_id) AS f,
                       ntile(5) OVER (ORDER BY monetary, partner_id) AS m,
                       COALESCE(SUM(GREATEST(monetary, 0)) OVER (
                           ORDER BY monetary DESC, partner_id
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                       SUM(GREATEST(monetary, 0)) OVER () AS total
                  FROM stats
            ),
            result AS (
                SELECT partner.id, scored.last_date, scored.frequency, scored.monetary,
                       scored.r, scored.f, scored.m,
                       COALESCE(scored.monetary > 0
                                AND scored.before < scored.total * %(share)s, FALSE)
                           AS is_pareto
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
                   zz_grade_auto = segments.grade,
                   -- the stored compute of zz_grade: the override wins
                   zz_grade = COALESCE(partner.zz_grade_manual, segments.grade)
              FROM result
              LEFT JOIN segments
                ON (segments.r, segments.f, segments.m, segments.is_pareto)
                 = (result.r, result.f, result.m, result.is_pareto)
             WHERE partner.id = result.id
            RETURNING partner.id
            """,
            table=table,
            share=rfm.PARETO_SHARE,
            today=fields.Date.context_today(self),
        )

    @api.model
    def _cron_zz_rfm(self):
        """Recompute RFM scores, segments, Pareto flag and grade of all customers."""
        self.env.flush_all()
        self.env.cr.execute(self._zz_rfm_query())
        ids = [row[0] for row in self.env.cr.fetchall()]
        self.browse(ids).invalidate_recordset(
            [
                "zz_rfm_recency_days",
                "zz_rfm_frequency",
                "zz_rfm_monetary",
                "zz_rfm_r",
                "zz_rfm_f",
                "zz_rfm_m",
                "zz_rfm_segment",
                "zz_is_pareto",
                "zz_rfm_date",
                "zz_grade_auto",
                "zz_grade",
            ]
        )
        return len(ids)
