# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import fields, models

from ..tools import roi as roi_rules

DELIVERED = ("sent", "open", "reply")
OPENED = ("open", "reply")
NOT_SENT = ("outgoing", "process", "pending", "error", "cancel")


class UtmCampaign(models.Model):
    """What a campaign brought in, from the first message to the money received.

    Every figure set is one grouped query for all campaigns shown (traces, event
    registrations, leads, won leads, orders, invoices, costs), never one per campaign.
    The figures are totals over every salesperson's records (compute_sudo): a marketer
    measures the whole campaign without reading the deals themselves."""

    _inherit = "utm.campaign"

    # Messages (mailing.trace), per channel
    zz_mail_sent = fields.Integer(
        string="Emails Sent", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_mail_delivered = fields.Integer(
        string="Emails Delivered", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_mail_opened = fields.Integer(
        string="Emails Opened", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_mail_clicked = fields.Integer(
        string="Emails Clicked", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_mail_replied = fields.Integer(
        string="Emails Replied", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_mail_bounced = fields.Integer(
        string="Emails Bounced", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_mail_canceled = fields.Integer(
        string="Emails Not Sent",
        compute="_compute_zz_trace_figures",
        compute_sudo=True,
        help="Cancelled: no consent, blocklisted, duplicate or invalid address.",
    )
    zz_sms_sent = fields.Integer(
        string="SMS Sent", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_sms_delivered = fields.Integer(
        string="SMS Delivered", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_sms_clicked = fields.Integer(
        string="SMS Clicked", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_sms_bounced = fields.Integer(
        string="SMS Failed", compute="_compute_zz_trace_figures", compute_sudo=True
    )
    zz_sms_canceled = fields.Integer(
        string="SMS Not Sent",
        compute="_compute_zz_trace_figures",
        compute_sudo=True,
        help="Cancelled: no consent, blocklisted, duplicate or not a mainland mobile number.",
    )

    # Events
    zz_registration_count = fields.Integer(
        string="Registrations", compute="_compute_zz_event_figures", compute_sudo=True
    )
    zz_attendee_count = fields.Integer(
        string="Attendees", compute="_compute_zz_event_figures", compute_sudo=True
    )

    # Pipeline
    zz_lead_total = fields.Integer(
        string="Leads Generated",
        compute="_compute_zz_pipeline_figures",
        compute_sudo=True,
        help="Leads and opportunities of the campaign, lost ones included.",
    )
    zz_opportunity_total = fields.Integer(
        string="Opportunities", compute="_compute_zz_pipeline_figures", compute_sudo=True
    )
    zz_won_count = fields.Integer(
        string="Won", compute="_compute_zz_pipeline_figures", compute_sudo=True
    )
    zz_won_revenue = fields.Monetary(
        string="Won Revenue",
        compute="_compute_zz_pipeline_figures",
        compute_sudo=True,
        currency_field="currency_id",
    )

    # Money
    zz_order_count = fields.Integer(
        string="Sale Orders", compute="_compute_zz_sale_figures", compute_sudo=True
    )
    zz_order_amount = fields.Monetary(
        string="Ordered",
        compute="_compute_zz_sale_figures",
        compute_sudo=True,
        currency_field="currency_id",
    )
    zz_paid_amount = fields.Monetary(
        string="Paid Revenue",
        compute="_compute_zz_paid_amount",
        compute_sudo=True,
        currency_field="currency_id",
        help="Untaxed revenue of the campaign's invoices in the proportion already paid.",
    )
    zz_cost_total = fields.Monetary(
        string="Cost",
        compute="_compute_zz_cost_total",
        compute_sudo=True,
        currency_field="currency_id",
    )
    zz_budget_left = fields.Monetary(
        string="Budget Left",
        compute="_compute_zz_cost_total",
        compute_sudo=True,
        currency_field="currency_id",
    )

    # Return
    zz_roi = fields.Float(
        string="ROI",
        compute="_compute_zz_roi",
        compute_sudo=True,
        help="(Paid revenue - cost) / cost. Undefined without any cost recorded.",
    )
    zz_roi_defined = fields.Boolean(compute="_compute_zz_roi", compute_sudo=True)
    zz_roi_label = fields.Char(
        string="Return on Investment", compute="_compute_zz_roi", compute_sudo=True
    )
    zz_cost_per_lead = fields.Monetary(
        string="Cost per Lead",
        compute="_compute_zz_roi",
        compute_sudo=True,
        currency_field="currency_id",
    )
    zz_goal_actual = fields.Float(string="Achieved", compute="_compute_zz_roi", compute_sudo=True)
    zz_goal_progress = fields.Float(
        string="Goal Progress (%)", compute="_compute_zz_roi", compute_sudo=True
    )
    zz_funnel_html = fields.Html(
        string="Funnel", compute="_compute_zz_roi", compute_sudo=True, sanitize=False
    )

    def _compute_zz_trace_figures(self):
        counts = defaultdict(int)
        clicks = defaultdict(int)
        groups = self.env["mailing.trace"]._read_group(
            [("campaign_id", "in", self.ids)],
            ["campaign_id", "trace_type", "trace_status"],
            ["__count", "links_click_datetime:count"],
        )
        for campaign, trace_type, status, count, clicked in groups:
            counts[campaign.id, trace_type, status] += count
            clicks[campaign.id, trace_type] += clicked
        for campaign in self:

            def total(trace_type, statuses, campaign_id=campaign.id):
                return sum(counts[campaign_id, trace_type, status] for status in statuses)

            sent_statuses = ("sent", "open", "reply", "bounce")
            campaign.zz_mail_sent = total("mail", sent_statuses)
            campaign.zz_mail_delivered = total("mail", DELIVERED)
            campaign.zz_mail_opened = total("mail", OPENED)
            campaign.zz_mail_replied = total("mail", ("reply",))
            campaign.zz_mail_bounced = total("mail", ("bounce",))
            campaign.zz_mail_canceled = total("mail", ("cancel",))
            campaign.zz_mail_clicked = clicks[campaign.id, "mail"]
            campaign.zz_sms_sent = total("sms", ("pending",) + sent_statuses)
            campaign.zz_sms_delivered = total("sms", DELIVERED)
            campaign.zz_sms_bounced = total("sms", ("bounce", "error"))
            campaign.zz_sms_canceled = total("sms", ("cancel",))
            campaign.zz_sms_clicked = clicks[campaign.id, "sms"]

    def _compute_zz_event_figures(self):
        counts = defaultdict(int)
        groups = self.env["event.registration"]._read_group(
            [("utm_campaign_id", "in", self.ids), ("state", "in", ("open", "done"))],
            ["utm_campaign_id", "state"],
            ["__count"],
        )
        for campaign, state, count in groups:
            counts[campaign.id, state] += count
        for campaign in self:
            campaign.zz_attendee_count = counts[campaign.id, "done"]
            campaign.zz_registration_count = (
                counts[campaign.id, "open"] + counts[campaign.id, "done"]
            )

    def _compute_zz_pipeline_figures(self):
        Lead = self.env["crm.lead"].with_context(active_test=False)
        by_type = defaultdict(int)
        for campaign, lead_type, count in Lead._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id", "type"], ["__count"]
        ):
            by_type[campaign.id, lead_type] += count
        won = {
            campaign.id: (count, revenue)
            for campaign, count, revenue in self.env["crm.lead"]._read_group(
                [("campaign_id", "in", self.ids), ("stage_id.is_won", "=", True)],
                ["campaign_id"],
                ["__count", "expected_revenue:sum"],
            )
        }
        for campaign in self:
            campaign.zz_lead_total = (
                by_type[campaign.id, "lead"] + by_type[campaign.id, "opportunity"]
            )
            campaign.zz_opportunity_total = by_type[campaign.id, "opportunity"]
            campaign.zz_won_count, campaign.zz_won_revenue = won.get(campaign.id, (0, 0.0))

    def _compute_zz_sale_figures(self):
        orders = {
            campaign.id: (count, amount)
            for campaign, count, amount in self.env["sale.order"]._read_group(
                [("campaign_id", "in", self.ids), ("state", "=", "sale")],
                ["campaign_id"],
                ["__count", "amount_untaxed:sum"],
            )
        }
        for campaign in self:
            campaign.zz_order_count, campaign.zz_order_amount = orders.get(campaign.id, (0, 0.0))

    def _compute_zz_paid_amount(self):
        """Beside sale's invoiced amount: the part of it customers have paid."""
        paid = defaultdict(float)
        moves = self.env["account.move"].search_fetch(
            [
                ("campaign_id", "in", self.ids),
                ("state", "=", "posted"),
                ("move_type", "in", ("out_invoice", "out_refund")),
            ],
            [
                "campaign_id",
                "amount_untaxed_signed",
                "amount_total_signed",
                "amount_residual_signed",
            ],
        )
        for move in moves:
            paid[move.campaign_id.id] += roi_rules.paid_untaxed(
                move.amount_untaxed_signed, move.amount_total_signed, move.amount_residual_signed
            )
        for campaign in self:
            campaign.zz_paid_amount = paid[campaign.id]

    def _compute_zz_cost_total(self):
        costs = dict(
            self.env["crm.zz.marketing.cost"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id"], ["amount_company:sum"]
            )
        )
        for campaign in self:
            campaign.zz_cost_total = costs.get(campaign, 0.0)
            campaign.zz_budget_left = campaign.zz_budget - campaign.zz_cost_total

    def _compute_zz_roi(self):
        for campaign in self:
            value = roi_rules.roi(campaign.zz_paid_amount, campaign.zz_cost_total)
            campaign.zz_roi_defined = value is not None
            campaign.zz_roi = value or 0.0
            campaign.zz_roi_label = (
                f"{value:.0%}" if value is not None else self.env._("Undefined: no cost recorded")
            )
            campaign.zz_cost_per_lead = (
                roi_rules.ratio(campaign.zz_cost_total, campaign.zz_lead_total) or 0.0
            )
            actual = {
                "leads": campaign.zz_lead_total,
                "opportunities": campaign.zz_opportunity_total,
                "revenue": campaign.zz_paid_amount,
                "attendees": campaign.zz_attendee_count,
            }.get(campaign.zz_goal_type, 0)
            campaign.zz_goal_actual = actual
            progress = roi_rules.ratio(actual, campaign.zz_goal_target)
            campaign.zz_goal_progress = progress * 100 if progress is not None else 0.0
            campaign.zz_funnel_html = campaign._zz_funnel_html()

    def _zz_funnel_html(self):
        self.ensure_one()
        steps = roi_rules.funnel(
            [
                (self.env._("Messages delivered"), self.zz_mail_delivered + self.zz_sms_delivered),
                (self.env._("Clicked"), self.zz_mail_clicked + self.zz_sms_clicked),
                (self.env._("Registrations"), self.zz_registration_count),
                (self.env._("Leads"), self.zz_lead_total),
                (self.env._("Opportunities"), self.zz_opportunity_total),
                (self.env._("Won"), self.zz_won_count),
                (self.env._("Orders"), self.zz_order_count),
            ]
        )
        rows = Markup().join(
            Markup("<tr><td>%s</td><td class='text-end'>%s</td><td class='text-end'>%s</td></tr>")
            % (label, count, "" if rate is None else f"{rate:.0%}")
            for label, count, rate in steps
        )
        head = Markup(
            "<tr><th>%s</th><th class='text-end'>%s</th><th class='text-end'>%s</th></tr>"
        ) % (
            self.env._("Step"),
            self.env._("Count"),
            self.env._("Rate from Previous Step"),
        )
        return Markup(
            "<table class='table table-sm o_zz_funnel'><thead>%s</thead><tbody>%s</tbody></table>"
        ) % (
            head,
            rows,
        )
