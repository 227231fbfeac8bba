# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    # an existing database gets the default of a new one: two-factor
    # authentication required of managers unless it holds demo data
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.users"]._zz_totp_default_enforcement()
