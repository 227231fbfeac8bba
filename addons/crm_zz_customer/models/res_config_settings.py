# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    zz_lifecycle_dormant_days = fields.Integer(
        string="Dormant After (Days)",
        config_parameter="crm_zz_customer.lifecycle_dormant_days",
        default=180,
        help="A customer without an order or invoice for this many days becomes dormant.",
    )
    zz_lifecycle_lost_days = fields.Integer(
        string="Lost After (Days)",
        config_parameter="crm_zz_customer.lifecycle_lost_days",
        default=365,
        help="A customer without an order or invoice for this many days is lost.",
    )
    zz_pool_max_customers = fields.Integer(
        string="Customers per Salesperson",
        config_parameter="crm_zz_customer.pool_max_customers",
        default=0,
        help="How many customers one salesperson may hold; 0 means no limit.",
    )
    zz_pool_warning_days = fields.Integer(
        string="Warn Before Recall (Days)",
        config_parameter="crm_zz_customer.pool_warning_days",
        default=7,
        help="The owner gets an activity this many days before a customer returns to the pool.",
    )

    @api.constrains("zz_lifecycle_dormant_days", "zz_lifecycle_lost_days")
    def _check_zz_lifecycle_days(self):
        for settings in self:
            if not 0 < settings.zz_lifecycle_dormant_days < settings.zz_lifecycle_lost_days:
                raise ValidationError(
                    self.env._(
                        "A customer must become dormant before it is lost, after at least one day."
                    )
                )
