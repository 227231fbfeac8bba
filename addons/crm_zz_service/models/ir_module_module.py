# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import models
from odoo.tools.misc import file_open, file_path
from odoo.tools.translate import CodeTranslations, TranslationImporter, code_translations

_logger = logging.getLogger(__name__)

# OCA modules that ship no Chinese; their terms are provided from i18n_extra/.
EXTRA_TRANSLATED_MODULES = ("helpdesk_mgmt",)


def _extra_po_path(module_name, lang):
    try:
        return file_path(f"crm_zz_service/i18n_extra/{module_name}.{lang}.po")
    except FileNotFoundError:
        return None


# Terms in code (Python ``_()`` and the web client's JavaScript) are not read from the
# database but from each module's own i18n/<lang>.po, through this one function of
# Odoo's, which offers no other hook: add our file for the modules above.
_get_code_translations = CodeTranslations._get_code_translations


def _get_code_translations_with_extra(module_name, lang, filter_func):
    translations = _get_code_translations(module_name, lang, filter_func)
    path = module_name in EXTRA_TRANSLATED_MODULES and _extra_po_path(module_name, lang)
    if path:
        with file_open(path, mode="rb") as fileobj:
            extra = CodeTranslations._read_code_translations_file(fileobj, filter_func)
        translations = {**extra, **translations}
    return translations


CodeTranslations._get_code_translations = staticmethod(_get_code_translations_with_extra)
for _cache in (code_translations.python_translations, code_translations.web_translations):
    for _key in [key for key in _cache if key[0] in EXTRA_TRANSLATED_MODULES]:
        del _cache[_key]


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
