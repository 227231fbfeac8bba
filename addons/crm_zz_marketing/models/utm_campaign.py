# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

GOAL_TYPES = [
    ("leads", "Leads"),
    ("opportunities", "Opportunities"),
    ("revenue", "Paid Revenue"),
    ("attendees", "Attendees"),
]


class UtmCampaign(models.Model):
    _inherit = "utm.campaign"

    # Goals and budget
    zz_budget = fields.Monetary(string="Budget", currency_field="zz_currency_id")
    zz_goal_revenue = fields.Monetary(string="Revenue Goal", currency_field="zz_currency_id")
    zz_goal_lead_count = fields.Integer(string="Lead Goal")
    zz_currency_id = fields.Many2one(
        "res.currency",
        string="Budget Currency",
        default=lambda self: self.env.company.currency_id,
        required=True,
    )

    # Plan
    zz_goal_type = fields.Selection(GOAL_TYPES, string="Goal", default="leads")
    zz_goal_target = fields.Float(
        string="Target",
        help="How many leads, opportunities or attendees, or how much paid revenue.",
    )
    zz_channel_ids = fields.Many2many("crm.zz.marketing.channel", string="Channels")
    zz_date_start = fields.Date(string="Start")
    zz_date_end = fields.Date(string="End")
    zz_cost_ids = fields.One2many(
        "crm.zz.marketing.cost",
        "campaign_id",
        string="Costs",
        groups="sales_team.group_sale_salesman,mass_mailing.group_mass_mailing_user",
    )
    zz_event_ids = fields.One2many(
        "event.event", "zz_campaign_id", string="Events", groups="event.group_event_user"
    )
    zz_event_count = fields.Integer(
        string="Event Count", compute="_compute_zz_event_count", groups="event.group_event_user"
    )

    def _compute_zz_event_count(self):
        counts = dict(
            self.env["event.event"]._read_group(
                [("zz_campaign_id", "in", self.ids)], ["zz_campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.zz_event_count = counts.get(campaign, 0)

    @api.constrains("zz_date_start", "zz_date_end")
    def _check_zz_period(self):
        for campaign in self:
            if (
                campaign.zz_date_start
                and campaign.zz_date_end
                and campaign.zz_date_start > campaign.zz_date_end
            ):
                raise ValidationError(
                    self.env._(
                        "Campaign %(campaign)s cannot end (%(end)s) before it starts (%(start)s).",
                        campaign=campaign.name,
                        end=campaign.zz_date_end,
                        start=campaign.zz_date_start,
                    )
                )

    @api.constrains("zz_budget", "zz_goal_revenue", "zz_goal_lead_count", "zz_goal_target")
    def _check_zz_goals(self):
        for campaign in self:
            for fname in ("zz_budget", "zz_goal_revenue", "zz_goal_lead_count", "zz_goal_target"):
                if campaign[fname] < 0:
                    raise ValidationError(
                        self.env._(
                            "Campaign %(campaign)s: %(field)s cannot be negative (%(value)s).",
                            campaign=campaign.name,
                            field=campaign._fields[fname].get_description(self.env)["string"],
                            value=campaign[fname],
                        )
                    )

    def action_zz_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("event.action_event_view")
        action["domain"] = [("zz_campaign_id", "=", self.id)]
        action["context"] = {"default_zz_campaign_id": self.id}
        return action

    def action_zz_view_segments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_marketing.crm_zz_marketing_segment_action"
        )
        action["domain"] = [("mailing_ids.campaign_id", "=", self.id)]
        # mailings written from these segments belong to this campaign
        action["context"] = {"zz_campaign_id": self.id}
        return action
