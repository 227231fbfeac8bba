# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzPark(models.Model):
    """An industry park or development zone of Zhengzhou."""

    _name = "crm.zz.park"
    _description = "Zhengzhou Industry Park"
    _order = "district_id, name"

    name = fields.Char(required=True)
    district_id = fields.Many2one(
        "crm.zz.district",
        string="Located In",
        required=True,
        ondelete="restrict",
        help="The district or functional zone the park lies in.",
    )
    focus_industries = fields.Text(
        help="Left empty where the park's focus is not confirmed by a source.",
    )
    partner_count = fields.Integer(compute="_compute_partner_count", string="Customers")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "An industry park with this name already exists."),
    ]

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("zz_park_id", "in", self.ids)], ["zz_park_id"], ["__count"]
            )
        )
        for park in self:
            park.partner_count = counts.get(park, 0)

    def action_view_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("contacts.action_contacts")
        action["domain"] = [("zz_park_id", "=", self.id)]
        action["context"] = {"default_zz_park_id": self.id}
        return action
