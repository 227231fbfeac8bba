# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The satisfaction answers follow the tickets from 18.0.1.2.0 on: an own-tickets
agent reads the answers of his own tickets and of his teams' unassigned ones, no
longer his team mates'. The rule is in a ``noupdate`` block: set its domain here."""

from odoo import SUPERUSER_ID, api

OWN_TICKETS_DOMAIN = (
    "['|', ('user_id', '=', user.id), '&', ('user_id', '=', False), "
    "('team_id', 'in', user.helpdesk_team_ids.ids)]"
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref(
        "crm_zz_service.crm_zz_service_satisfaction_report_rule_personal",
        raise_if_not_found=False,
    )
    if rule:
        rule.domain_force = OWN_TICKETS_DOMAIN
