# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CrmZzDistrict(models.Model):
    """A county-level division of Zhengzhou (GB/T 2260) or a functional zone.

    Functional zones (郑东新区, 高新区, 经开区, 航空港区) are what people say when
    asked where a company sits, but only the county-level divisions carry a
    GB/T 2260 code; the statistics bureau gives three zones a code of its own.
    Both live in one table so that parks can lie in either.
    """

    _name = "crm.zz.district"
    _description = "Zhengzhou District or Functional Zone"
    _order = "sequence, code, id"

    name = fields.Char(required=True)
    short_name = fields.Char(
        help="What people write for short, used to match imported values (金水, 高新区).",
    )
    code = fields.Char(
        string="GB/T 2260 Code",
        size=6,
        help="Administrative division code; functional zones have none.",
    )
    stat_code = fields.Char(
        string="Statistics Code",
        size=6,
        help="Code the statistics bureau gives a functional zone (410171 经开区).",
    )
    kind = fields.Selection(
        [
            ("district", "District"),
            ("county", "County"),
            ("city", "County-level City"),
            ("zone", "Functional Zone"),
        ],
        required=True,
        default="district",
    )
    is_zone = fields.Boolean(compute="_compute_is_zone", store=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A GB/T 2260 code can be used by one district only."),
    ]

    @api.depends("kind")
    def _compute_is_zone(self):
        for district in self:
            district.is_zone = district.kind == "zone"
