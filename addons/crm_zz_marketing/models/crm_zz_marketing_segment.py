# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from odoo.addons.crm_zz_customer.models.res_partner import GRADES, LIFECYCLE_STAGES
from odoo.addons.crm_zz_customer.models.res_partner_value import RFM_SEGMENTS

from ..tools import segment as segment_rules

PREVIEW_LIMIT = 80


class CrmZzMarketingSegment(models.Model):
    """A saved group of customers ("manufacturers in 经开区 with grade A"), defined by
    criteria and evaluated again whenever it is counted or a mailing is sent to it."""

    _name = "crm.zz.marketing.segment"
    _description = "Customer Segment"
    _order = "name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    description = fields.Text()
    user_id = fields.Many2one("res.users", string="Owner", default=lambda self: self.env.user)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")

    # Criteria
    kind = fields.Selection(
        [("company", "Companies"), ("person", "Contacts"), ("all", "Companies and Contacts")],
        string="Who",
        default="company",
        required=True,
    )
    district_ids = fields.Many2many(
        "crm.zz.district",
        "crm_zz_marketing_segment_district_rel",
        string="Districts",
        domain=[("kind", "!=", "zone")],
    )
    zone_ids = fields.Many2many(
        "crm.zz.district",
        "crm_zz_marketing_segment_zone_rel",
        string="Functional Zones",
        domain=[("kind", "=", "zone")],
    )
    park_ids = fields.Many2many("crm.zz.park", string="Industry Parks")
    industry_ids = fields.Many2many("res.partner.industry", string="Industries")
    tag_ids = fields.Many2many("res.partner.category", string="Tags")
    salesperson_ids = fields.Many2many(
        "res.users", "crm_zz_marketing_segment_salesperson_rel", string="Salespeople"
    )
    grade_a = fields.Boolean()
    grade_b = fields.Boolean()
    grade_c = fields.Boolean()
    grade_d = fields.Boolean()
    rfm_segment = fields.Selection(RFM_SEGMENTS, string="RFM Segment")
    lifecycle = fields.Selection(LIFECYCLE_STAGES, string="Lifecycle Stage")
    min_amount = fields.Monetary(
        string="Purchases From",
        currency_field="currency_id",
        help="Invoiced amount of the value analysis (RFM monetary) at least this much.",
    )
    max_amount = fields.Monetary(string="Purchases Up To", currency_field="currency_id")
    last_order_after = fields.Date()
    last_order_before = fields.Date()
    last_contact_after = fields.Date(string="Last Interaction After")
    last_contact_before = fields.Date(string="Last Interaction Before")

    # Result
    domain = fields.Char(
        compute="_compute_domain",
        store=True,
        help="The customers' domain a mailing to this segment evaluates when it is sent.",
    )
    partner_count = fields.Integer(string="Customers", compute="_compute_counts")
    email_reachable_count = fields.Integer(
        string="Reachable by Email",
        compute="_compute_counts",
        help="With an email address, email consent given and not on the blocklist.",
    )
    sms_reachable_count = fields.Integer(
        string="Reachable by SMS",
        compute="_compute_counts",
        help="With a mobile number, SMS consent given and not on the blocklist.",
    )
    preview_partner_ids = fields.Many2many(
        "res.partner", string="Preview", compute="_compute_preview_partner_ids"
    )
    mailing_ids = fields.One2many(
        "mailing.mailing",
        "zz_segment_id",
        string="Mailings",
        groups="mass_mailing.group_mass_mailing_user",
    )

    @api.depends(
        "kind",
        "district_ids",
        "zone_ids",
        "park_ids",
        "industry_ids",
        "tag_ids",
        "salesperson_ids",
        "grade_a",
        "grade_b",
        "grade_c",
        "grade_d",
        "rfm_segment",
        "lifecycle",
        "min_amount",
        "max_amount",
        "last_order_after",
        "last_order_before",
        "last_contact_after",
        "last_contact_before",
    )
    def _compute_domain(self):
        for segment in self:
            try:
                segment.domain = repr(segment_rules.build_domain(segment._zz_criteria()))
            except segment_rules.InvalidCriterion:
                segment.domain = "[]" if not segment.domain else segment.domain

    def _compute_counts(self):
        # one count per segment: each segment has its own domain, nothing to group by
        Partner = self.env["res.partner"]
        for segment in self:
            domain = segment._zz_partner_domain()
            segment.partner_count = Partner.search_count(domain)
            segment.email_reachable_count = Partner.search_count(
                segment._zz_partner_domain("email")
            )
            segment.sms_reachable_count = Partner.search_count(segment._zz_partner_domain("sms"))

    def _compute_preview_partner_ids(self):
        Partner = self.env["res.partner"]
        for segment in self:
            segment.preview_partner_ids = Partner.search(
                segment._zz_partner_domain(), limit=PREVIEW_LIMIT
            )

    @api.constrains(
        "min_amount",
        "max_amount",
        "last_order_after",
        "last_order_before",
        "last_contact_after",
        "last_contact_before",
    )
    def _check_criteria(self):
        for segment in self:
            try:
                segment_rules.build_domain(segment._zz_criteria())
            except segment_rules.InvalidCriterion as error:
                raise ValidationError(
                    self.env._(
                        "Segment %(segment)s: %(field)s cannot be %(value)s.",
                        segment=segment.name,
                        field=segment._fields[error.field].get_description(self.env)["string"],
                        value=error.value,
                    )
                ) from error

    def _zz_criteria(self):
        self.ensure_one()
        return segment_rules.SegmentCriteria(
            district_ids=self.district_ids.ids,
            zone_ids=self.zone_ids.ids,
            park_ids=self.park_ids.ids,
            industry_ids=self.industry_ids.ids,
            tag_ids=self.tag_ids.ids,
            salesperson_ids=self.salesperson_ids.ids,
            grades=[code for code, _label in GRADES if self[f"grade_{code}"]],
            rfm_segments=[self.rfm_segment] if self.rfm_segment else [],
            lifecycles=[self.lifecycle] if self.lifecycle else [],
            kind=self.kind,
            min_amount=self.min_amount,
            max_amount=self.max_amount,
            last_order_after=self.last_order_after or None,
            last_order_before=self.last_order_before or None,
            last_contact_after=self.last_contact_after or None,
            last_contact_before=self.last_contact_before or None,
        )

    def _zz_partner_domain(self, channel=None):
        """The segment's customers; with ``channel``, only those marketing may reach."""
        self.ensure_one()
        domain = literal_eval(self.domain or "[]")
        if channel == "email":
            domain = expression.AND(
                [
                    domain,
                    [
                        ("email_normalized", "!=", False),
                        ("zz_consent_email", "=", "given"),
                        ("is_blacklisted", "=", False),
                    ],
                ]
            )
        elif channel == "sms":
            domain = expression.AND(
                [
                    domain,
                    [
                        ("phone_sanitized", "!=", False),
                        ("zz_consent_sms", "=", "given"),
                        ("phone_sanitized_blacklisted", "=", False),
                    ],
                ]
            )
        return domain

    def action_view_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("base.action_partner_form")
        action.update(
            {
                "name": self.name,
                "domain": self._zz_partner_domain(),
                "view_mode": "list,kanban,form",
                "views": [(False, "list"), (False, "kanban"), (False, "form")],
                "context": {"create": False},
            }
        )
        return action

    def action_new_mailing(self):
        """A new email (or SMS, with ``zz_mailing_type``) mailing to this segment."""
        self.ensure_one()
        mailing_type = self.env.context.get("zz_mailing_type", "mail")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mass_mailing_sms.mailing_mailing_action_sms"
            if mailing_type == "sms"
            else "mass_mailing.mailing_mailing_action_mail"
        )
        action.update(
            {
                "views": [(False, "form")],
                "view_mode": "form",
                "context": {
                    "default_mailing_type": mailing_type,
                    "default_zz_segment_id": self.id,
                    "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "default_campaign_id": self.env.context.get("zz_campaign_id", False),
                },
            }
        )
        return action
