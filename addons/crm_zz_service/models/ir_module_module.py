# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Chinese for OCA modules that ship none (helpdesk_mgmt), from
``i18n_extra/<module>.<lang>.po`` of this module, in the databases where this
module is installed only: nothing is patched in the process.

- Terms of models, views, menus and data are loaded into the database whenever
  the OCA module's or this module's terms are (re)loaded (``_load_module_terms``).
- Terms of the web client's JavaScript are added to what ``ir.http`` serves
  (models/ir_http.py).
- Terms in the OCA module's Python code (``_()``) stay in English: Odoo reads them
  from the OCA module's own folder, through a process-wide cache that offers no
  per-database hook.
"""

import logging

from odoo import api, models, tools
from odoo.tools.misc import file_open, file_path
from odoo.tools.translate import (
    JAVASCRIPT_TRANSLATION_COMMENT,
    CodeTranslations,
    TranslationImporter,
)

_logger = logging.getLogger(__name__)

# OCA modules that ship no Chinese; their terms are provided from i18n_extra/.
EXTRA_TRANSLATED_MODULES = ("helpdesk_mgmt",)


def _extra_po_path(module_name, lang):
    try:
        return file_path(f"crm_zz_service/i18n_extra/{module_name}.{lang}.po")
    except FileNotFoundError:
        return None


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        """Also load ``i18n_extra/<module>.<lang>.po`` for the OCA modules above,
        whenever they or this module get their terms (re)loaded."""
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        targets = [m for m in EXTRA_TRANSLATED_MODULES if m in modules]
        if "crm_zz_service" in modules:
            targets = list(EXTRA_TRANSLATED_MODULES)
        if not targets:
            return result
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        for module_name in targets:
            for lang in langs:
                path = _extra_po_path(module_name, lang)
                if not path:
                    continue
                _logger.info("module %s: loading extra translations %s", module_name, path)
                importer.load_file(path, lang)
                loaded = True
        if loaded:
            importer.save(overwrite=overwrite)
        return result

    @api.model
    @tools.ormcache("module_name", "lang")
    def _zz_extra_web_translations(self, module_name, lang):
        """``((source, translation), ...)`` of the web client's terms of an OCA
        module in ``lang``, from this module's i18n_extra (cached per registry)."""
        path = (
            module_name in EXTRA_TRANSLATED_MODULES and lang and _extra_po_path(module_name, lang)
        )
        if not path:
            return ()
        with file_open(path, mode="rb") as fileobj:
            terms = CodeTranslations._read_code_translations_file(
                fileobj,
                lambda row: row.get("value") and JAVASCRIPT_TRANSLATION_COMMENT in row["comments"],
            )
        return tuple(terms.items())
