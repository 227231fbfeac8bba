# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The China working calendar arrives with 18.0.1.1.0: its holidays are loaded
here (the data file's loader runs at installation only) and the shipped SLA
policies still on Odoo's standard 40-hour (Europe/Brussels) calendar move to it."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    calendar = env.ref("crm_zz_service.resource_calendar_china", raise_if_not_found=False)
    if not calendar:
        return
    calendar._zz_load_public_holidays_file("crm_zz_service/data/china_public_holidays.csv")
    standard = env.ref("resource.resource_calendar_std", raise_if_not_found=False)
    policies = env["crm.zz.service.sla.policy"].browse(
        env.ref(f"crm_zz_service.{name}").id
        for name in ("sla_policy_complaint", "sla_policy_urgent", "sla_policy_standard")
        if env.ref(f"crm_zz_service.{name}", raise_if_not_found=False)
    )
    policies.filtered(lambda p: p.resource_calendar_id == standard).write(
        {"resource_calendar_id": calendar.id}
    )
