# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# who may send a wave of surveys to customers
SENDER_GROUPS = ("survey.group_survey_manager", "helpdesk_mgmt.group_helpdesk_manager")


class CrmZzServiceRelationshipSurvey(models.Model):
    """A satisfaction survey sent periodically to a list of customers."""

    _name = "crm.zz.service.relationship.survey"
    _description = "Relationship Survey"
    _inherit = ["mail.thread"]
    _order = "next_date, id"

    name = fields.Char(required=True)
    survey_id = fields.Many2one("survey.survey", required=True)
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain=lambda self: self._zz_customer_domain(),
        help="Customers and their contacts only: not employees nor mere vendors.",
    )
    interval_months = fields.Integer(string="Every (months)", default=3, required=True)
    next_date = fields.Date(string="Next Sending", default=fields.Date.context_today)
    last_date = fields.Date(string="Last Sent", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, index=True
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    active = fields.Boolean(default=True)
    answer_count = fields.Integer(string="Answers", compute="_compute_answer_count")

    _sql_constraints = [
        ("interval_positive", "CHECK(interval_months > 0)", "The interval must be positive.")
    ]

    def _compute_answer_count(self):
        counts = dict(
            self.env["survey.user_input"]
            .sudo()  # sudo: count answers without being a survey officer
            ._read_group(
                [("zz_relationship_survey_id", "in", self.ids), ("state", "=", "done")],
                ["zz_relationship_survey_id"],
                ["__count"],
            )
        )
        for wave in self:
            wave.answer_count = counts.get(wave, 0)

    @api.model
    def _zz_customer_domain(self):
        """Partners that are customers: outside partners (not internal users nor the
        companies of this database) that are not mere vendors (a vendor who also
        buys, or has a salesperson, is a customer; so is a pool customer)."""
        return [
            ("partner_share", "=", True),
            ("commercial_partner_id.ref_company_ids", "=", False),
            "|",
            "|",
            ("commercial_partner_id.supplier_rank", "=", 0),
            ("commercial_partner_id.customer_rank", ">", 0),
            ("commercial_partner_id.user_id", "!=", False),
        ]

    @api.constrains("partner_ids")
    def _check_partner_ids(self):
        for wave in self:
            # sudo: judge every partner of the list, also those the user cannot read
            partners = wave.sudo().partner_ids
            customers = partners.filtered_domain(self._zz_customer_domain())
            if partners - customers:
                raise ValidationError(
                    self.env._(
                        "Relationship survey %(wave)s: %(names)s are not customers (field "
                        "Customers); surveys go to customers only.",
                        wave=wave.name,
                        names=", ".join((partners - customers).mapped("display_name")),
                    )
                )

    def action_send(self):
        """Send the survey now to every customer of the list (once per customer a day).

        Survey and helpdesk managers only: a wave writes to many customers at once.
        """
        if not self.env.su and not any(self.env.user.has_group(g) for g in SENDER_GROUPS):
            raise AccessError(
                self.env._("Only survey managers and helpdesk managers send relationship surveys.")
            )
        today = fields.Date.context_today(self)
        template = self.env.ref("survey.mail_template_user_input_invite")
        Answer = self.env["survey.user_input"].sudo()  # sudo: agents are not survey officers
        for wave in self:
            customers = wave.partner_ids.filtered_domain(self._zz_customer_domain())
            keys = {
                partner: f"relationship:{wave.id}:{today}:{partner.id}" for partner in customers
            }
            sent = set(
                Answer.search([("zz_survey_key", "in", list(keys.values()))]).mapped(
                    "zz_survey_key"
                )
            )
            for partner, key in keys.items():
                if key in sent:
                    continue
                answer = wave.survey_id.sudo()._create_answer(  # sudo: see above
                    partner=partner,
                    check_attempts=False,
                    zz_relationship_survey_id=wave.id,
                    zz_survey_key=key,
                )
                template.sudo().send_mail(answer.id)  # sudo: the survey app's template
            wave.write(
                {
                    "last_date": today,
                    "next_date": today + relativedelta(months=wave.interval_months),
                }
            )
        return True

    @api.model
    def _cron_send_due(self):
        due = self.search([("next_date", "<=", fields.Date.context_today(self))])
        due.action_send()
        self.env["ir.cron"]._notify_progress(done=len(due), remaining=0)
