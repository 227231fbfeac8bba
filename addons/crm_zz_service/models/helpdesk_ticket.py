# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ticket's core: who the customer is, what kind of request, the knowledge
articles. The other concerns live beside it: ``helpdesk_ticket_sla.py`` (the SLA
clock), ``helpdesk_ticket_assignment.py`` (skill and workload),
``helpdesk_ticket_complaint.py`` (root cause and follow-up visit) and
``helpdesk_ticket_survey.py`` (satisfaction)."""

from odoo import api, fields, models

REQUEST_TYPES = [
    ("service", "Service Request"),
    ("complaint", "Complaint"),
    ("consultation", "Consultation"),
    ("repair", "Repair"),
]
PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Very High")]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Customer
    # Where the customer sits, so that the agent sees it without opening the customer.
    zz_district_id = fields.Many2one(
        related="partner_id.commercial_partner_id.zz_district_id",
        string="District",
        store=True,
        index=True,
    )
    zz_zone_id = fields.Many2one(
        related="partner_id.commercial_partner_id.zz_zone_id",
        string="Functional Zone",
        store=True,
    )
    # Stored related: the nightly value analysis changes the customer's grade and
    # its modified() carries the new grade here.
    zz_grade = fields.Selection(
        related="partner_id.commercial_partner_id.zz_grade",
        string="Customer Grade",
        store=True,
    )
    zz_request_type = fields.Selection(
        REQUEST_TYPES,
        string="Request Type",
        required=True,
        default="service",
        tracking=True,
        index=True,
    )

    # Knowledge base
    zz_article_ids = fields.Many2many(
        "crm.zz.service.article",
        "crm_zz_service_article_ticket_rel",
        "ticket_id",
        "article_id",
        string="Linked Articles",
    )
    zz_suggested_article_ids = fields.Many2many(
        "crm.zz.service.article",
        string="Suggested Articles",
        compute="_compute_zz_suggested_article_ids",
    )

    @api.depends("name", "category_id", "zz_article_ids")
    def _compute_zz_suggested_article_ids(self):
        suggestions = self.env["crm.zz.service.article"]._zz_suggest_batch(self)
        for ticket in self:
            ticket.zz_suggested_article_ids = suggestions[ticket]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        stage = self.env["helpdesk.ticket.stage"].browse(vals.get("stage_id"))
        result = super().write(vals)
        if stage:
            self._zz_on_stage_change(stage)
        return result

    def _zz_on_stage_change(self, stage):
        """Hook: the tickets have moved to ``stage``; each concern (SLA, complaint,
        survey) reacts in its own file."""
        return True
