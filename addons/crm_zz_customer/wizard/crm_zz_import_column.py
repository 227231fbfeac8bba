# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzImportColumn(models.TransientModel):
    """A column of an uploaded file that no known header matched: the user
    maps it to a field of the imported model or leaves it ignored. The choice
    is remembered in base_import.mapping for the next file with this header."""

    _name = "crm.zz.import.column"
    _description = "Column of an Imported File"
    _order = "position, id"

    res_model = fields.Char(string="Importer", required=True)
    res_id = fields.Many2oneReference(string="Upload", model_field="res_model", required=True)
    target_model = fields.Char(required=True)
    position = fields.Integer()
    header = fields.Char(string="Column", required=True, readonly=True)
    field_id = fields.Many2one(
        "ir.model.fields",
        string="Import Into",
        ondelete="cascade",
        domain="[('model', '=', target_model), ('store', '=', True), ('readonly', '=', False),"
        " ('ttype', 'in', ('char', 'text', 'integer', 'float', 'monetary', 'date', 'datetime',"
        " 'boolean', 'selection', 'many2one'))]",
        help="Leave empty to ignore the column.",
    )
