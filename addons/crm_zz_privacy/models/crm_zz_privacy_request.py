# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import privacy

REQUEST_TYPES = [
    ("access", "Access or Copy"),
    ("correction", "Correction"),
    ("deletion", "Deletion or Anonymisation"),
]
REQUEST_STATES = [
    ("new", "Received"),
    ("in_progress", "In Progress"),
    ("done", "Answered"),
    ("refused", "Refused"),
]


class CrmZzPrivacyRequest(models.Model):
    """A person's request under PIPL Arts. 44-47 to see, copy, correct or delete
    what the company holds about them, answered within 15 working days."""

    _name = "crm.zz.privacy.request"
    _description = "Data-Subject Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "received_date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    request_type = fields.Selection(
        REQUEST_TYPES, string="Type", required=True, default="access", tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        tracking=True,
        help="The contact the request is about. For a company, its contacts are included.",
    )
    lead_id = fields.Many2one(
        "crm.lead", help="A lead the person is only known by (no contact yet)."
    )
    requester = fields.Char(
        string="Requester as Given", help="Name, email or number the request came with."
    )
    received_date = fields.Date(
        string="Received On", required=True, default=fields.Date.context_today, tracking=True
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        help="15 working days after receipt on the company's working calendar (holidays skipped).",
    )
    state = fields.Selection(
        REQUEST_STATES, required=True, default="new", tracking=True, copy=False
    )
    outcome = fields.Text(help="What was done, and which records were kept and why.")
    answered_date = fields.Date(string="Answered On", readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    @api.depends("received_date", "company_id")
    def _compute_deadline(self):
        for request in self:
            calendar = request._zz_calendar()
            if not request.received_date or not calendar:
                request.deadline = False
                continue
            tz = pytz.timezone(calendar.tz or "Asia/Shanghai")
            start = tz.localize(
                datetime.combine(privacy.counting_start(request.received_date), time.min)
            )
            end = calendar.plan_days(privacy.RESPONSE_WORKING_DAYS, start, compute_leaves=True)
            request.deadline = end.astimezone(tz).date() if end else False

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.is_overdue = bool(
                request.deadline
                and request.deadline < today
                and request.state in ("new", "in_progress")
            )

    @api.constrains("partner_id", "lead_id")
    def _check_subject(self):
        for request in self:
            if not request.partner_id and not request.lead_id:
                raise UserError(
                    self.env._(
                        "Request %(name)s: choose the person or the lead.", name=request.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("crm.zz.privacy.request") or "/"
        requests = super().create(vals_list)
        for request in requests:
            request._zz_log(
                self.env._(
                    "Request %(name)s (%(type)s) received on %(received)s, due on %(deadline)s.",
                    name=request.name,
                    type=request._zz_type_label(),
                    received=request.received_date,
                    deadline=request.deadline,
                )
            )
        return requests

    # ------------------------------------------------------------------ actions
    def action_start(self):
        self.filtered(lambda r: r.state == "new").write({"state": "in_progress"})

    def action_correct(self):
        """Open the person's form to correct it (PIPL Art. 46)."""
        self.ensure_one()
        record = self.partner_id or self.lead_id
        self.action_start()
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_done(self):
        for request in self:
            if not request.outcome:
                raise UserError(
                    self.env._(
                        "Request %(name)s: write the outcome before closing it.", name=request.name
                    )
                )
        self._zz_close("done")

    def action_refuse(self):
        for request in self:
            if not request.outcome:
                raise UserError(
                    self.env._(
                        "Request %(name)s: write why it is refused before closing it.",
                        name=request.name,
                    )
                )
        self._zz_close("refused")

    def action_anonymise(self):
        """Erase the person (PIPL Art. 47): anonymise the contact(s), their leads,
        tickets, survey answers and message addresses; keep what the law keeps."""
        self.ensure_one()
        if self.request_type != "deletion":
            raise UserError(
                self.env._(
                    "Request %(name)s is not a deletion request: only those anonymise.",
                    name=self.name,
                )
            )
        if self.state in ("done", "refused"):
            raise UserError(self.env._("Request %(name)s is already closed.", name=self.name))
        found = self._zz_collect()
        self._zz_privacy_log(found)
        subjects = found["res.partner"]
        anonymised, kept = subjects._zz_anonymise()
        leads = found["crm.lead"] - found["crm.lead"].filtered("zz_anonymised_date")
        leads._zz_anonymise()
        self.outcome = self._zz_outcome_text(found, anonymised, kept)
        self._zz_close("done")
        return True

    # ------------------------------------------------------------------ business
    def _zz_calendar(self):
        """The China calendar with its public holidays where one is installed,
        otherwise the company's working calendar."""
        self.ensure_one()
        china = self.env.ref("crm_zz_service.resource_calendar_china", raise_if_not_found=False)
        company = self.company_id or self.env.company
        return china or company.resource_calendar_id

    def _zz_type_label(self):
        return dict(self._fields["request_type"]._description_selection(self.env))[
            self.request_type
        ]

    def _zz_subjects(self):
        """The partners the request is about: the person, or a company and its contacts."""
        self.ensure_one()
        # sudo: the officer answers for every contact of the person, whoever owns it
        partner = self.partner_id.sudo()
        if not partner:
            partner = self.lead_id.sudo().partner_id
        if partner.is_company:
            partner |= partner.with_context(active_test=False).child_ids.filtered(
                lambda child: not child.is_company
            )
        return partner

    def _zz_outcome_text(self, found, anonymised, kept):
        reasons = {
            "company_posted": self.env._(
                "a company named on posted accounting documents, kept for the legal "
                "retention period of accounting records (Accounting Law Art. 23)"
            ),
            "person_posted": self.env._(
                "named on posted accounting documents, kept for the legal retention "
                "period of accounting records"
            ),
            "legal_hold": self.env._("on legal hold"),
            "user": self.env._("a user of this database: archive the user first"),
        }
        lines = [
            self.env._(
                "Anonymised %(partners)s contact(s), %(leads)s lead(s), %(tickets)s ticket(s), "
                "%(inputs)s survey answer(s); the address of %(messages)s message(s) removed; "
                "%(consents)s consent event(s) kept as proof without address or proof text.",
                partners=len(anonymised),
                leads=len(found["crm.lead"].filtered("zz_anonymised_date")),
                tickets=len(found["helpdesk.ticket"].filtered("zz_anonymised_date")),
                inputs=len(found["survey.user_input"].filtered("zz_anonymised_date")),
                messages=len(found["mail.message"]) if anonymised else 0,
                consents=len(found["crm.zz.consent"]) if anonymised else 0,
            )
        ]
        for partner, reason in kept.items():
            lines.append(
                self.env._(
                    "Kept %(name)s: %(reason)s.", name=partner.display_name, reason=reasons[reason]
                )
            )
        # the company a contact works for is not the data subject: say why it stays
        companies = found["res.partner"].commercial_partner_id - found["res.partner"]
        company_reasons = companies._zz_keep_reasons()
        for company in companies:
            lines.append(
                self.env._(
                    "Kept %(name)s: the company is not the person; %(reason)s.",
                    name=company.display_name,
                    reason=reasons[company_reasons[company]]
                    if company in company_reasons
                    else self.env._("its own data stays"),
                )
            )
        held = [
            record
            for model in ("crm.lead", "helpdesk.ticket")
            for record in found[model].filtered("zz_legal_hold")
        ]
        for record in held:
            lines.append(
                self.env._(
                    "Kept %(name)s: %(reason)s.",
                    name=record.display_name,
                    reason=reasons["legal_hold"],
                )
            )
        return "\n".join(lines)

    def _zz_close(self, state):
        today = fields.Date.context_today(self)
        for request in self:
            request.write({"state": state, "answered_date": today})
            request._zz_log(
                self.env._(
                    "Request %(name)s answered on %(date)s (due %(deadline)s): %(outcome)s",
                    name=request.name,
                    date=today,
                    deadline=request.deadline,
                    outcome=request.outcome or "",
                )
            )

    def _zz_log(self, description):
        self.ensure_one()
        subject = self.partner_id or self.lead_id
        self.env["crm.zz.audit.log"]._zz_log("subject_request", subject, description=description)
        self.message_post(body=description)

    def _zz_privacy_log(self, found):
        """Odoo's privacy log: who was erased (masked), by whom, which records."""
        self.ensure_one()
        person = self.partner_id or self.lead_id.partner_id
        name = person.name or self.lead_id.contact_name or self.name
        email = person.email or self.lead_id.email_from or person.mobile or person.phone or name
        description = "\n".join(
            f"{model} ({len(records)}): {', '.join(f'#{rid}' for rid in records.ids)}"
            for model, records in found.items()
            if records
        )
        # sudo: Odoo's privacy log is readable by administrators only; the officer writes to it
        self.env["privacy.log"].sudo().create(
            {
                "anonymized_name": name,
                "anonymized_email": email,
                "user_id": self.env.uid,
                "execution_details": self.env._(
                    "Data-subject request %(name)s: anonymised", name=self.name
                ),
                "records_description": description,
                "additional_note": self.env._(
                    "Received %(received)s, due %(deadline)s",
                    received=self.received_date,
                    deadline=self.deadline,
                ),
            }
        )
