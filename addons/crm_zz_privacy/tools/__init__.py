# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure rules of the privacy module (no Odoo import): what anonymising blanks, when
a request is due, when a record is old enough for the retention policy."""

from . import privacy
