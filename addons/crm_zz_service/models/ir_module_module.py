# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import models
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationImporter

_logger = logging.getLogger(__name__)

# OCA modules that ship no Chinese; their terms are provided from i18n_extra/.
EXTRA_TRANSLATED_MODULES = ("helpdesk_mgmt",)


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
                try:
                    path = file_path(f"crm_zz_service/i18n_extra/{module_name}.{lang}.po")
                except FileNotFoundError:
                    continue
                _logger.info("module %s: loading extra translations %s", module_name, path)
                importer.load_file(path, lang)
                loaded = True
        if loaded:
            importer.save(overwrite=overwrite)
        return result
