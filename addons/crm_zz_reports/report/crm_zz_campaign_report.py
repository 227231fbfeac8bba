# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

ROI = "roi"


class CrmZzCampaignReport(models.Model):
    """Which campaigns pay: one row per lead, confirmed sale order and posted
    customer invoice (or credit note) that names a marketing campaign, and per
    cost line of the campaign (crm_zz_marketing).

    Each row carries the salesperson of its own record (the lead's, the order's,
    the invoice's; none for a cost), the field the source's record rules test.
    Amounts are in the company's currency and exclude taxes; paid is the untaxed
    amount of the invoice in the proportion already paid, as on the campaign.

    The ROI of a group is (paid - cost) / cost of the group's sums, in %, and
    stays empty when the group has no cost (undefined, neither 0 nor infinite)."""

    _name = "crm.zz.campaign.report"
    _inherit = "crm.zz.report.abstract"
    _description = "Campaign Analysis"
    _auto = False
    _rec_name = "campaign_id"
    _order = "date desc"
    _zz_source_models = (
        "crm.lead",
        "crm.stage",
        "sale.order",
        "account.move",
        "res.partner",
        "crm.zz.marketing.cost",
    )

    row_type = fields.Selection(
        [("lead", "Lead"), ("order", "Sale Order"), ("invoice", "Invoice"), ("cost", "Cost")],
        string="Counted Record",
        readonly=True,
    )
    date = fields.Date(readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    medium_id = fields.Many2one("utm.medium", readonly=True)
    channel_id = fields.Many2one(
        "crm.zz.marketing.channel", readonly=True, help="Channel of a cost."
    )
    lead_id = fields.Many2one("crm.lead", readonly=True)
    order_id = fields.Many2one("sale.order", string="Sale Order", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    zz_district_id = fields.Many2one("crm.zz.district", string="District", readonly=True)
    zz_park_id = fields.Many2one("crm.zz.park", string="Industry Park", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", readonly=True)
    lead_count = fields.Integer(string="Leads", readonly=True)
    won_count = fields.Integer(string="Won Opportunities", readonly=True)
    won_revenue = fields.Float(readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True)
    order_amount = fields.Float(string="Ordered", readonly=True)
    invoiced_amount = fields.Float(string="Invoiced", readonly=True)
    paid_amount = fields.Float(string="Paid", readonly=True)
    cost_amount = fields.Float(string="Cost", readonly=True)
    roi = fields.Float(
        string="ROI (%)",
        readonly=True,
        aggregator="avg",
        help="(Paid - cost) / cost of the figures shown; empty without any cost.",
    )

    def _query(self):
        # ids: 4n for a lead, 4n+1 for an order, 4n+2 for an invoice, 4n+3 for a cost
        return SQL(
            """
            SELECT l.id::bigint * 4 AS id,
                   'lead' AS row_type,
                   l.create_date::date AS date,
                   l.campaign_id, l.source_id, l.medium_id, NULL::integer AS channel_id,
                   l.id AS lead_id, NULL::integer AS order_id, NULL::integer AS move_id,
                   l.user_id, l.team_id, l.company_id,
                   p.id AS partner_id, p.zz_district_id, p.zz_park_id, p.industry_id,
                   1 AS lead_count,
                   COALESCE(stage.is_won, FALSE)::int AS won_count,
                   CASE WHEN stage.is_won THEN COALESCE(l.expected_revenue, 0.0) ELSE 0.0 END
                       AS won_revenue,
                   0 AS order_count, 0.0 AS order_amount,
                   0.0 AS invoiced_amount, 0.0 AS paid_amount,
                   0.0 AS cost_amount, NULL::float AS roi
              FROM crm_lead l
         LEFT JOIN crm_stage stage ON stage.id = l.stage_id
         LEFT JOIN res_partner contact ON contact.id = l.partner_id
         LEFT JOIN res_partner p ON p.id = contact.commercial_partner_id
             WHERE l.campaign_id IS NOT NULL AND (l.active OR l.probability = 0)
            UNION ALL
            SELECT so.id::bigint * 4 + 1,
                   'order',
                   so.date_order::date,
                   so.campaign_id, so.source_id, so.medium_id, NULL,
                   NULL, so.id, NULL,
                   so.user_id, so.team_id, so.company_id,
                   p.id, p.zz_district_id, p.zz_park_id, p.industry_id,
                   0, 0, 0.0,
                   1, so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0),
                   0.0, 0.0, 0.0, NULL
              FROM sale_order so
              JOIN res_partner contact ON contact.id = so.partner_id
              JOIN res_partner p ON p.id = contact.commercial_partner_id
             WHERE so.campaign_id IS NOT NULL AND so.state = 'sale'
            UNION ALL
            SELECT am.id::bigint * 4 + 2,
                   'invoice',
                   am.invoice_date,
                   am.campaign_id, am.source_id, am.medium_id, NULL,
                   NULL, NULL, am.id,
                   am.invoice_user_id, am.team_id, am.company_id,
                   p.id, p.zz_district_id, p.zz_park_id, p.industry_id,
                   0, 0, 0.0,
                   0, 0.0,
                   am.amount_untaxed_signed,
                   CASE WHEN am.amount_total_signed <> 0
                        THEN am.amount_untaxed_signed
                             * (am.amount_total_signed - am.amount_residual_signed)
                             / am.amount_total_signed
                        ELSE 0.0 END,
                   0.0, NULL
              FROM account_move am
              JOIN res_partner contact ON contact.id = am.partner_id
              JOIN res_partner p ON p.id = contact.commercial_partner_id
             WHERE am.campaign_id IS NOT NULL AND am.state = 'posted'
                   AND am.move_type IN ('out_invoice', 'out_refund')
            UNION ALL
            SELECT cost.id::bigint * 4 + 3,
                   'cost',
                   cost.date,
                   cost.campaign_id, NULL, NULL, cost.channel_id,
                   NULL, NULL, NULL,
                   NULL, NULL, cost.company_id,
                   NULL, NULL, NULL, NULL,
                   0, 0, 0.0,
                   0, 0.0,
                   0.0, 0.0,
                   COALESCE(cost.amount_company, 0.0), NULL
              FROM crm_zz_marketing_cost cost
            """
        )

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        """The ROI of each group from its paid and cost sums (empty at zero cost)."""
        aggregates = tuple(aggregates)
        if not any(spec.split(":")[0] == ROI for spec in aggregates):
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        plain = tuple(spec for spec in aggregates if spec.split(":")[0] != ROI)
        if order:
            order = ",".join(
                term for term in order.split(",") if term.strip().split(" ")[0].split(":")[0] != ROI
            )
        size = len(tuple(groupby))
        rows = super()._read_group(
            domain,
            groupby,
            plain + ("paid_amount:sum", "cost_amount:sum"),
            having,
            offset,
            limit,
            order or None,
        )
        result = []
        for row in rows:
            paid, cost = row[-2:]
            roi = (paid - cost) / cost * 100.0 if cost else None
            values = iter(row[size:-2])
            result.append(
                tuple(row[:size])
                + tuple(roi if spec.split(":")[0] == ROI else next(values) for spec in aggregates)
            )
        return result
