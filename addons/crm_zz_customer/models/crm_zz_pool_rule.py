# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import pool
from .res_partner import GRADES


class CrmZzPoolRule(models.Model):
    """When customers of a grade go back to the public pool (公海)."""

    _name = "crm.zz.pool.rule"
    _description = "Public Pool Recall Rule"
    _order = "grade, id"
    _rec_name = "grade"

    grade = fields.Selection(
        GRADES, string="Customer Grade", help="Empty: customers without a grade."
    )
    days_without_contact = fields.Integer(
        string="Days Without Interaction",
        default=30,
        help="Recall after this many days without a logged interaction; 0 never recalls.",
    )
    days_without_deal = fields.Integer(
        default=90,
        help="Recall after this many days without an order or invoice; 0 never recalls.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("grade_uniq", "unique(grade)", "There is already a recall rule for this grade."),
    ]

    @api.constrains("days_without_contact", "days_without_deal")
    def _check_days(self):
        for rule in self:
            if rule.days_without_contact < 0 or rule.days_without_deal < 0:
                raise ValidationError(self.env._("Recall days cannot be negative."))

    def _zz_recall_rules(self):
        """{grade or False: pool.RecallRule} of the active rules."""
        return {
            rule.grade or False: pool.RecallRule(rule.days_without_contact, rule.days_without_deal)
            for rule in self.search([])
        }
