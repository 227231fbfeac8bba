# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class HelpdeskTicket(models.Model):
    """Assignment by skill and workload for teams that ask for it."""

    _inherit = "helpdesk.ticket"

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
        return tickets

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
            team.modified(["zz_assignment_count"])
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
            chosen = {}
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
                chosen[ticket] = (user, bool(skilled), counts[user])
            # one write per agent, then the note on each ticket
            for user, assigned in tickets.grouped(lambda t, c=chosen: c[t][0]).items():
                assigned.write({"user_id": user.id})
            for ticket, (user, skilled, count) in chosen.items():
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
                        count=count,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                _logger.info("Ticket %s assigned to %s (%s)", ticket.number, user.login, reason)
