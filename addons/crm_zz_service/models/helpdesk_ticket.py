# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_datetime, split_every

from ..tools import sla_clock

_logger = logging.getLogger(__name__)

REQUEST_TYPES = [
    ("service", "Service Request"),
    ("complaint", "Complaint"),
    ("consultation", "Consultation"),
    ("repair", "Repair"),
]
PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Very High")]
SLA_STATUSES = [
    (sla_clock.ON_TRACK, "On Track"),
    (sla_clock.AT_RISK, "At Risk"),
    (sla_clock.BREACHED, "Breached"),
]
SATISFACTION = [
    ("1", "Very Dissatisfied"),
    ("2", "Dissatisfied"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very Satisfied"),
]
_SEVERITY = {False: 0, sla_clock.ON_TRACK: 0, sla_clock.AT_RISK: 1, sla_clock.BREACHED: 2}


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

    # SLA
    zz_sla_policy_id = fields.Many2one(
        "crm.zz.service.sla.policy",
        string="SLA Policy",
        compute="_compute_zz_sla_policy_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    zz_sla_start = fields.Datetime(
        string="SLA Start", default=fields.Datetime.now, copy=False, readonly=True
    )
    zz_first_response_date = fields.Datetime(string="First Response", copy=False, readonly=True)
    zz_first_response_deadline = fields.Datetime(
        string="First Response Due", copy=False, readonly=True
    )
    zz_resolved_date = fields.Datetime(string="Solved on", copy=False, readonly=True)
    zz_resolution_deadline = fields.Datetime(string="Resolution Due", copy=False, readonly=True)
    zz_sla_status = fields.Selection(
        SLA_STATUSES, string="SLA Status", copy=False, readonly=True, index=True
    )
    zz_sla_escalation = fields.Selection(
        SLA_STATUSES[1:], string="Escalated", copy=False, readonly=True
    )
    zz_sla_pause_ids = fields.One2many(
        "crm.zz.service.sla.pause", "ticket_id", string="SLA Pauses", readonly=True
    )
    zz_sla_paused = fields.Boolean(related="stage_id.zz_sla_pause", string="SLA Paused")

    # Complaint and follow-up visit
    zz_root_cause = fields.Text(string="Root Cause", tracking=True)
    zz_resolution = fields.Text(string="Resolution", tracking=True)
    zz_followup_date = fields.Datetime(string="Follow-up Done on", copy=False, readonly=True)
    zz_followup_satisfaction = fields.Selection(
        SATISFACTION, string="Follow-up Satisfaction", copy=False, tracking=True
    )
    zz_followup_note = fields.Text(string="Follow-up Notes", copy=False)

    # Knowledge base
    zz_article_ids = fields.Many2many(
        "crm.zz.service.article",
        "crm_zz_service_article_ticket_rel",
        "ticket_id",
        "article_id",
        string="Linked Articles",
    )
    # Satisfaction
    zz_csat = fields.Float(
        string="Customer Satisfaction",
        compute="_compute_zz_csat",
        help="CSAT (1-5) the customer gave in the survey sent when the ticket closed.",
    )

    zz_suggested_article_ids = fields.Many2many(
        "crm.zz.service.article",
        string="Suggested Articles",
        compute="_compute_zz_suggested_article_ids",
    )

    @api.depends("team_id", "priority", "zz_request_type", "company_id", "partner_id")
    def _compute_zz_sla_policy_id(self):
        found = self.env["crm.zz.service.sla.policy"]._find_for(self)
        for ticket in self:
            ticket.zz_sla_policy_id = found[ticket]

    def _compute_zz_csat(self):
        csat = dict(
            self.env["crm.zz.service.satisfaction.report"]
            .sudo()  # sudo: the ticket's own answer, shown to whoever sees the ticket
            ._read_group([("ticket_id", "in", self.ids)], ["ticket_id"], ["csat:avg"])
        )
        for ticket in self:
            ticket.zz_csat = csat.get(ticket, 0.0)

    @api.depends("name", "category_id", "zz_article_ids")
    def _compute_zz_suggested_article_ids(self):
        # A text search per ticket: the field is only shown on the ticket form.
        Article = self.env["crm.zz.service.article"]
        for ticket in self:
            ticket.zz_suggested_article_ids = Article._zz_suggest(
                ticket.name or "", ticket.category_id, exclude=ticket.zz_article_ids
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # An agent given explicitly is kept; helpdesk_mgmt's default (the creator,
        # when the company auto-assigns) gives way to the team's skill assignment.
        explicit = [bool(vals.get("user_id")) for vals in vals_list]
        tickets = super().create(vals_list)
        self.browse(
            t.id
            for t, given in zip(tickets, explicit, strict=True)
            if not given and t.team_id.zz_auto_assign
        )._zz_assign()
        tickets.filtered("zz_sla_paused")._zz_pause_sla()
        tickets._zz_refresh_sla()
        return tickets

    def write(self, vals):
        stage = self.env["helpdesk.ticket.stage"].browse(vals.get("stage_id"))
        result = super().write(vals)
        if stage:
            self._zz_on_stage_change(stage)
        if not self.env.context.get("zz_sla_no_refresh") and (
            stage or {"zz_sla_policy_id", "priority", "team_id", "zz_request_type"} & set(vals)
        ):
            self._zz_refresh_sla()
        return result

    def _message_post_after_hook(self, message, msg_vals):
        # A reply to the customer (not an internal note) by an agent is the first response.
        if (
            message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id.user_ids.filtered(lambda u: not u.share)
        ):
            unanswered = self.filtered(lambda t: not t.zz_first_response_date)
            if unanswered:
                # sudo: SLA bookkeeping; a follower may answer without write access
                unanswered.sudo().write({"zz_first_response_date": fields.Datetime.now()})
                unanswered._zz_refresh_sla()
        return super()._message_post_after_hook(message, msg_vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_zz_followup_done(self):
        """Record the follow-up visit: its satisfaction answer is required."""
        self.ensure_one()
        if not self.zz_followup_satisfaction:
            raise UserError(
                self.env._(
                    "Record the customer's satisfaction on %(ticket)s before finishing "
                    "the follow-up visit.",
                    ticket=self.number,
                )
            )
        followups = self.activity_ids.filtered(
            lambda a: a.activity_type_id == self._zz_followup_activity_type()
        )
        if followups:
            followups.action_feedback(feedback=self.zz_followup_note or "")
        if not self.zz_followup_date:
            self.zz_followup_date = fields.Datetime.now()
        return True

    # ------------------------------------------------------------------
    # Stage changes: SLA pauses, first response, complaints, surveys
    # ------------------------------------------------------------------

    def _zz_on_stage_change(self, stage):
        now = fields.Datetime.now()
        if stage.zz_sla_pause:
            self._zz_pause_sla()
        else:
            # sudo: SLA bookkeeping, not the agent's
            self.sudo().zz_sla_pause_ids.filtered(lambda p: not p.date_end).write({"date_end": now})
        if not stage.unattended:
            self.filtered(lambda t: not t.zz_first_response_date).write(
                {"zz_first_response_date": now}
            )
        if stage.zz_solved or stage.closed:
            self.filtered(lambda t: not t.zz_resolved_date).write({"zz_resolved_date": now})
        else:
            self.filtered("zz_resolved_date").write({"zz_resolved_date": False})
        complaints = self.filtered(lambda t: t.zz_request_type == "complaint")
        if stage.zz_solved or stage.closed:
            complaints._zz_check_complaint_solvable()
        if stage.closed:
            complaints._zz_check_complaint_closable()
        if stage.zz_solved:
            complaints._zz_schedule_followup()
        if stage.closed and stage.zz_send_survey:
            self._zz_send_satisfaction_survey()

    def _zz_pause_sla(self):
        running = self.filtered(lambda t: not t.zz_sla_pause_ids.filtered(lambda p: not p.date_end))
        now = fields.Datetime.now()
        self.env["crm.zz.service.sla.pause"].sudo().create(  # sudo: SLA bookkeeping
            [{"ticket_id": ticket.id, "date_start": now} for ticket in running]
        )

    def _zz_check_complaint_solvable(self):
        missing = self.filtered(lambda t: not (t.zz_root_cause and t.zz_resolution))
        if missing:
            raise UserError(
                self.env._(
                    "A complaint needs its root cause and resolution before it is solved: "
                    "%(tickets)s",
                    tickets=", ".join(missing.mapped("number")),
                )
            )

    def _zz_check_complaint_closable(self):
        missing = self.filtered(lambda t: not (t.zz_followup_date and t.zz_followup_satisfaction))
        if missing:
            raise UserError(
                self.env._(
                    "A complaint is closed only after its follow-up visit is done and the "
                    "customer's satisfaction recorded: %(tickets)s",
                    tickets=", ".join(missing.mapped("number")),
                )
            )

    def _zz_followup_activity_type(self):
        return self.env.ref("crm_zz_service.mail_activity_type_followup")

    def _zz_schedule_followup(self):
        activity_type = self._zz_followup_activity_type()
        for ticket in self:
            if ticket.zz_followup_date or ticket.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            ):
                continue
            ticket.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=(ticket.user_id or ticket.team_id.user_id or self.env.user).id,
                note=self.env._("Visit the customer and ask whether the complaint is settled."),
            )

    def _zz_send_satisfaction_survey(self):
        default = self.env.ref("crm_zz_service.survey_ticket_satisfaction", False)
        template = self.env.ref("survey.mail_template_user_input_invite")
        Answer = self.env["survey.user_input"].sudo()  # sudo: agents are not survey officers
        answered = set(Answer.search([("zz_ticket_id", "in", self.ids)]).mapped("zz_ticket_id").ids)
        for ticket in self:
            survey = ticket.team_id.zz_survey_id or default
            if not survey or not ticket.partner_id or ticket.id in answered:
                continue
            answer = survey.sudo()._create_answer(  # sudo: the answer is the customer's
                partner=ticket.partner_id,
                check_attempts=False,
                zz_ticket_id=ticket.id,
                zz_agent_id=ticket.user_id.id,
                zz_team_id=ticket.team_id.id,
                zz_survey_key=f"ticket:{ticket.id}",
            )
            template.sudo().send_mail(answer.id)  # sudo: template of the survey app
            ticket.message_post(
                body=self.env._(
                    "Satisfaction survey sent to %(customer)s.",
                    customer=ticket.partner_id.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # SLA clock (tools/sla_clock.py does the arithmetic)
    # ------------------------------------------------------------------

    @api.model
    def _zz_working_intervals(self, calendar, start, end):
        """Working intervals of ``calendar`` (its leaves, i.e. holidays, removed) as
        naive UTC pairs, for the pure clock."""
        intervals = calendar._work_intervals_batch(
            pytz.utc.localize(start), pytz.utc.localize(end), compute_leaves=True
        )[False]
        return [
            (
                s.astimezone(pytz.utc).replace(tzinfo=None),
                e.astimezone(pytz.utc).replace(tzinfo=None),
            )
            for s, e, _records in intervals
        ]

    def _zz_refresh_sla(self, now=None):
        """Recompute deadlines and status, one calendar query per working calendar."""
        now = now or fields.Datetime.now()
        without = self.filtered(lambda t: not t.zz_sla_policy_id and t.zz_sla_status)
        without.sudo().write(  # sudo: SLA bookkeeping, see below
            {
                "zz_sla_status": False,
                "zz_first_response_deadline": False,
                "zz_resolution_deadline": False,
            }
        )
        with_policy = self.filtered("zz_sla_policy_id")
        by_calendar = with_policy.grouped(lambda t: t.zz_sla_policy_id.resource_calendar_id)
        for calendar, tickets in by_calendar.items():
            starts = [t.zz_sla_start or t.create_date for t in tickets]
            longest = max(
                max(p.first_response_hours, p.resolution_hours) for p in tickets.zz_sla_policy_id
            )
            horizon = timedelta(days=sla_clock.horizon_days(longest, calendar.hours_per_day or 8.0))
            intervals = self._zz_working_intervals(
                calendar, min(starts), max(now, max(starts)) + horizon
            )
            for ticket, start in zip(tickets, starts, strict=True):
                vals = ticket._zz_sla_values(intervals, start, now)
                if any(ticket[name] != value for name, value in vals.items()):
                    # sudo: the SLA bookkeeping is the system's, also on a portal ticket
                    ticket.sudo().write(vals)

    def _zz_sla_values(self, intervals, start, now):
        self.ensure_one()
        policy = self.zz_sla_policy_id
        pauses = [(p.date_start, p.date_end) for p in self.zz_sla_pause_ids]
        targets = {
            "zz_first_response_deadline": sla_clock.Target(
                start, policy.first_response_hours, self.zz_first_response_date or None
            ),
            "zz_resolution_deadline": sla_clock.Target(
                start, policy.resolution_hours, self.zz_resolved_date or None
            ),
        }
        vals = {}
        statuses = []
        for name, target in targets.items():
            statuses.append(
                sla_clock.target_status(
                    intervals, target, now, pauses, policy.at_risk_percent / 100.0
                )[0]
            )
            try:
                vals[name] = sla_clock.deadline(intervals, target, now, pauses)
            except sla_clock.HorizonExceeded as error:
                _logger.info("Ticket %s: no SLA deadline within the calendar: %s", self.id, error)
                vals[name] = False
        vals["zz_sla_status"] = sla_clock.worst(statuses)
        return vals

    def _zz_escalate(self):
        """Raise the priority of at-risk or breached tickets and tell the team leader,
        once per level."""
        for ticket in self:
            status = ticket.zz_sla_status
            if ticket.zz_sla_paused or _SEVERITY[status] <= _SEVERITY[ticket.zz_sla_escalation]:
                continue
            priority = str(min(int(ticket.priority or "0") + 1, 3))
            ticket.with_context(zz_sla_no_refresh=True).write(
                {
                    "priority": priority,
                    "zz_sla_escalation": status,
                    # the policy stays the one the ticket was promised
                    "zz_sla_policy_id": ticket.zz_sla_policy_id.id,
                }
            )
            leader = ticket.team_id.user_id
            env = self.with_context(lang=leader.lang or self.env.lang).env
            labels = dict(self._fields["zz_sla_status"]._description_selection(env))
            ticket.message_post(
                body=env._(
                    "SLA %(status)s: priority raised, please follow up (resolution due "
                    "%(deadline)s).",
                    status=labels[status],
                    deadline=format_datetime(
                        env, ticket.zz_resolution_deadline, tz=leader.tz or "Asia/Shanghai"
                    )
                    if ticket.zz_resolution_deadline
                    else "-",
                ),
                partner_ids=leader.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            _logger.info("Ticket %s escalated: SLA %s", ticket.number, status)

    @api.model
    def _cron_zz_escalate_sla(self, batch_size=200):
        """Refresh the SLA status of open tickets and escalate, in batches; rows
        another run is working on are skipped, so two runs at once do no harm."""
        tickets = self.search(
            [("zz_sla_policy_id", "!=", False), ("stage_id.closed", "=", False)], order="id"
        )
        done = 0
        for ids in split_every(batch_size, tickets.ids):
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM helpdesk_ticket WHERE id IN %s "
                    "FOR NO KEY UPDATE SKIP LOCKED",
                    tuple(ids),
                )
            )
            batch = self.browse([row[0] for row in self.env.cr.fetchall()])
            batch._zz_refresh_sla()
            batch._zz_escalate()
            done += len(ids)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(tickets) - done)

    # ------------------------------------------------------------------
    # Assignment by skill and workload
    # ------------------------------------------------------------------

    def _zz_assign(self):
        """Give each ticket to the team member with a matching skill (category or
        tag), or any member when nobody matches, who has the fewest open tickets."""
        Ticket = self.env["helpdesk.ticket"].sudo()  # sudo: count every agent's tickets
        for team, tickets in self.grouped("team_id").items():
            members = team.user_ids.filtered("active")
            if not members:
                continue
            # Lock and bump the team row: a concurrent assignment in this team waits
            # for us, then fails to serialise and is retried seeing our tickets.
            self.env.cr.execute(
                SQL(
                    "UPDATE helpdesk_ticket_team SET zz_assignment_count = "
                    "COALESCE(zz_assignment_count, 0) + %s WHERE id = %s",
                    len(tickets),
                    team.id,
                )
            )
            team.invalidate_recordset(["zz_assignment_count"])
            counts = dict(
                Ticket._read_group(
                    [
                        ("user_id", "in", members.ids),
                        ("stage_id.closed", "=", False),
                        ("id", "not in", tickets.ids),
                    ],
                    ["user_id"],
                    ["__count"],
                )
            )
            # sudo: skills are configuration an agent creating a ticket may not read
            skills = {skill.user_id: skill for skill in team.sudo().zz_skill_ids}
            for ticket in tickets:
                skilled = members.filtered(
                    lambda u, t=ticket, s=skills: u in s
                    and (
                        (t.category_id and t.category_id in s[u].category_ids)
                        or t.tag_ids & s[u].tag_ids
                    )
                )
                user = min(skilled or members, key=lambda u: (counts.get(u, 0), u.id))
                counts[user] = counts.get(user, 0) + 1
                ticket.user_id = user
                reason = (
                    self.env._("matching skill")
                    if skilled
                    else self.env._("no matching skill in the team")
                )
                ticket.message_post(
                    body=self.env._(
                        "Assigned to %(agent)s (%(reason)s, %(count)s open tickets).",
                        agent=user.name,
                        reason=reason,
                        count=counts[user],
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                _logger.info("Ticket %s assigned to %s (%s)", ticket.number, user.login, reason)
