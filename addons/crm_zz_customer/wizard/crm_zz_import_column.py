# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# field types a column can be mapped to (converted by the import's Column kinds)
MAPPABLE_TYPES = (
    "char",
    "text",
    "integer",
    "float",
    "monetary",
    "date",
    "datetime",
    "boolean",
    "selection",
    "many2one",
)
# the models an importer of the suite writes to, when the context names none
IMPORTED_MODELS = ("res.partner", "crm.lead")


class CrmZzImportColumn(models.TransientModel):
    """A column of an uploaded file that no known header matched: the user
    maps it to a field of the imported model or leaves it ignored. The choice
    is remembered in base_import.mapping for the next file with this header."""

    _name = "crm.zz.import.column"
    _description = "Column of an Imported File"
    _order = "position, id"

    res_model = fields.Char(string="Importer", required=True)
    res_id = fields.Many2oneReference(string="Upload", model_field="res_model", required=True)
    position = fields.Integer()
    header = fields.Char(string="Column", required=True, readonly=True)
    field_name = fields.Selection(
        selection="_selection_field_name",
        string="Import Into",
        help="Leave empty to ignore the column.",
    )

    @api.model
    def _selection_field_name(self):
        """The fields a column can go to: of the model the context names (the
        importer's action sets zz_import_model), else of every imported model."""
        names = self.env.context.get("zz_import_model")
        selection = {}
        for name in [names] if names else IMPORTED_MODELS:
            if name not in self.env:
                continue
            Model = self.env[name]
            for fname, field in Model._fields.items():
                if (
                    field.store
                    and not field.readonly
                    and field.type in MAPPABLE_TYPES
                    and fname not in models.MAGIC_COLUMNS
                    and fname not in selection
                ):
                    selection[fname] = field._description_string(self.env)
        return sorted(selection.items(), key=lambda item: item[1])

    @api.model
    def _zz_importable(self, Model, fname):
        field = Model._fields.get(fname)
        return bool(field and field.store and not field.readonly and field.type in MAPPABLE_TYPES)
