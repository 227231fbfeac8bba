# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tools import drop_view_if_exists

from .report.crm_zz_report_abstract import REFRESHED_AT_KEY


def uninstall_hook(env):
    """Drop the pre-computed analyses: Odoo's uninstall drops tables and plain
    views of the module's models, not materialised views; and forget their
    refresh times."""
    names = env.registry.descendants(["crm.zz.report.abstract"], "_inherit")
    for name in sorted(names):
        model = env[name]
        if model._zz_materialized and not model._abstract:
            drop_view_if_exists(env.cr, model._table)
    env["ir.config_parameter"].search(
        [("key", "=like", REFRESHED_AT_KEY.replace("%s", "%"))]
    ).unlink()
