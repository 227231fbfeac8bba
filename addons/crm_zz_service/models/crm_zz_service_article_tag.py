# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzServiceArticleTag(models.Model):
    _name = "crm.zz.service.article.tag"
    _description = "Knowledge Article Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(string="Color Index")

    _sql_constraints = [("name_unique", "unique(name)", "A tag with this name already exists.")]
