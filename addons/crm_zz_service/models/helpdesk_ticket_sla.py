# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ticket's SLA clock. Deadlines and status are stored computes with one owner
each: the deadlines follow the policy, the start and the pauses; the status
follows the deadlines' targets, the first response and the resolution, and the
scheduled action moves it as time passes (on track, at risk, breached) and
escalates. tools/sla_clock.py does the arithmetic."""

import logging
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL, format_datetime, split_every

from ..tools import sla_clock

_logger = logging.getLogger(__name__)

SLA_STATUSES = [
    (sla_clock.ON_TRACK, "On Track"),
    (sla_clock.AT_RISK, "At Risk"),
    (sla_clock.BREACHED, "Breached"),
]
_SEVERITY = {False: 0, sla_clock.ON_TRACK: 0, sla_clock.AT_RISK: 1, sla_clock.BREACHED: 2}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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
    # The deadlines are the policy's promise from the start, pauses that ended
    # added; a pause still running moves them when it ends. Editing a policy's
    # hours does not move the deadlines of tickets already under it.
    zz_first_response_deadline = fields.Datetime(
        string="First Response Due",
        compute="_compute_zz_sla_deadlines",
        store=True,
        copy=False,
        readonly=True,
    )
    zz_resolved_date = fields.Datetime(string="Solved on", copy=False, readonly=True)
    zz_resolution_deadline = fields.Datetime(
        string="Resolution Due",
        compute="_compute_zz_sla_deadlines",
        store=True,
        copy=False,
        readonly=True,
    )
    # Computed when a target is met or the clock changes, then moved with time by
    # the scheduled action (_cron_zz_escalate_sla), its only other writer.
    zz_sla_status = fields.Selection(
        SLA_STATUSES,
        string="SLA Status",
        compute="_compute_zz_sla_status",
        store=True,
        copy=False,
        readonly=True,
        index=True,
    )
    zz_sla_escalation = fields.Selection(
        SLA_STATUSES[1:], string="Escalated", copy=False, readonly=True
    )
    zz_sla_pause_ids = fields.One2many(
        "crm.zz.service.sla.pause", "ticket_id", string="SLA Pauses", readonly=True
    )
    zz_sla_paused = fields.Boolean(related="stage_id.zz_sla_pause", string="SLA Paused")

    @api.depends("team_id", "priority", "zz_request_type", "company_id", "partner_id")
    def _compute_zz_sla_policy_id(self):
        found = self.env["crm.zz.service.sla.policy"]._find_for(self)
        for ticket in self:
            ticket.zz_sla_policy_id = found[ticket]

    @api.depends(
        "zz_sla_policy_id",
        "zz_sla_start",
        "zz_sla_pause_ids.date_start",
        "zz_sla_pause_ids.date_end",
    )
    def _compute_zz_sla_deadlines(self):
        without = self.filtered(lambda t: not t.zz_sla_policy_id)
        without.zz_first_response_deadline = False
        without.zz_resolution_deadline = False
        for calendar, tickets in (
            (self - without).grouped(lambda t: t.zz_sla_policy_id.resource_calendar_id).items()
        ):
            starts = [t._zz_sla_start() for t in tickets]
            paused = max(
                (
                    sum((p.date_end - p.date_start for p in t._zz_sla_closed_pauses()), timedelta())
                    for t in tickets
                ),
                default=timedelta(),
            )
            longest = max(
                max(p.first_response_hours, p.resolution_hours) for p in tickets.zz_sla_policy_id
            )
            horizon = timedelta(days=sla_clock.horizon_days(longest, calendar.hours_per_day or 8.0))
            intervals = self._zz_working_intervals(
                calendar, min(starts), max(starts) + paused + horizon
            )
            for ticket, start in zip(tickets, starts, strict=True):
                pauses = [(p.date_start, p.date_end) for p in ticket._zz_sla_closed_pauses()]
                for name, target in ticket._zz_sla_targets(start).items():
                    try:
                        ticket[name] = sla_clock.deadline(intervals, target, start, pauses)
                    except sla_clock.HorizonExceeded as error:
                        _logger.info(
                            "Ticket %s: no SLA deadline within the calendar: %s", ticket.id, error
                        )
                        ticket[name] = False

    @api.depends(
        "zz_sla_policy_id",
        "zz_sla_start",
        "zz_sla_pause_ids.date_start",
        "zz_sla_pause_ids.date_end",
        "zz_first_response_date",
        "zz_resolved_date",
    )
    def _compute_zz_sla_status(self):
        statuses = self._zz_sla_statuses(fields.Datetime.now())
        for ticket in self:
            ticket.zz_sla_status = statuses[ticket]

    # ------------------------------------------------------------------
    # CRUD and events
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets.filtered("zz_sla_paused")._zz_pause_sla()
        # the status is the one at creation, not at the next flush
        tickets.flush_recordset(["zz_sla_status"])
        return tickets

    def _message_post_after_hook(self, message, msg_vals):
        # A reply to the customer (not an internal note) by an agent is the first response.
        if (
            message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id.user_ids.filtered(lambda u: not u.share)
        ):
            unanswered = self.filtered(lambda t: not t.zz_first_response_date)
            # sudo: SLA bookkeeping; a follower may answer without write access
            unanswered.sudo().write({"zz_first_response_date": fields.Datetime.now()})
        return super()._message_post_after_hook(message, msg_vals)

    def _zz_on_stage_change(self, stage):
        """Pauses while waiting for the customer; leaving an unattended stage is the
        first response, a solved or closed stage the resolution."""
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
        return super()._zz_on_stage_change(stage)

    def _zz_pause_sla(self):
        running = self.filtered(lambda t: not t.zz_sla_pause_ids.filtered(lambda p: not p.date_end))
        now = fields.Datetime.now()
        self.env["crm.zz.service.sla.pause"].sudo().create(  # sudo: SLA bookkeeping
            [{"ticket_id": ticket.id, "date_start": now} for ticket in running]
        )

    # ------------------------------------------------------------------
    # SLA clock (tools/sla_clock.py does the arithmetic)
    # ------------------------------------------------------------------

    def _zz_sla_start(self):
        self.ensure_one()
        return self.zz_sla_start or self.create_date or fields.Datetime.now()

    def _zz_sla_closed_pauses(self):
        self.ensure_one()
        return self.zz_sla_pause_ids.filtered("date_end")

    def _zz_sla_targets(self, start):
        self.ensure_one()
        policy = self.zz_sla_policy_id
        return {
            "zz_first_response_deadline": sla_clock.Target(
                start, policy.first_response_hours, self.zz_first_response_date or None
            ),
            "zz_resolution_deadline": sla_clock.Target(
                start, policy.resolution_hours, self.zz_resolved_date or None
            ),
        }

    @api.model
    def _zz_working_intervals(self, calendar, start, end):
        """Working intervals of ``calendar`` (its leaves, i.e. holidays, removed;
        its dated attendances, i.e. make-up working days, added) as naive UTC
        pairs, for the pure clock."""
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

    def _zz_sla_statuses(self, now):
        """``{ticket: status}`` at ``now``, one calendar query per working calendar."""
        result = dict.fromkeys(self, False)
        with_policy = self.filtered("zz_sla_policy_id")
        by_calendar = with_policy.grouped(lambda t: t.zz_sla_policy_id.resource_calendar_id)
        for calendar, tickets in by_calendar.items():
            starts = [t._zz_sla_start() for t in tickets]
            intervals = self._zz_working_intervals(calendar, min(starts), max(now, max(starts)))
            for ticket, start in zip(tickets, starts, strict=True):
                policy = ticket.zz_sla_policy_id
                pauses = [(p.date_start, p.date_end) for p in ticket.zz_sla_pause_ids]
                result[ticket] = sla_clock.worst(
                    sla_clock.target_status(
                        intervals, target, now, pauses, policy.at_risk_percent / 100.0
                    )[0]
                    for target in ticket._zz_sla_targets(start).values()
                )
        return result

    def _zz_refresh_sla_status(self, now=None):
        """Move the stored status to the one at ``now``: one write per new status."""
        statuses = self._zz_sla_statuses(now or fields.Datetime.now())
        changed = self.filtered(lambda t: t.zz_sla_status != statuses[t])
        for status, tickets in changed.grouped(statuses.__getitem__).items():
            # sudo: the SLA bookkeeping is the system's, also on a portal ticket
            tickets.sudo().write({"zz_sla_status": status})

    def _zz_escalate(self):
        """Raise the priority of at-risk or breached tickets and tell the team leader,
        once per level."""
        for ticket in self:
            status = ticket.zz_sla_status
            if ticket.zz_sla_paused or _SEVERITY[status] <= _SEVERITY[ticket.zz_sla_escalation]:
                continue
            priority = str(min(int(ticket.priority or "0") + 1, 3))
            ticket.write(
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
        """Move the SLA status of open tickets with time and escalate, in batches;
        rows another run is working on are skipped, so two runs at once do no harm."""
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
            batch._zz_refresh_sla_status()
            batch._zz_escalate()
            done += len(ids)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(tickets) - done)
