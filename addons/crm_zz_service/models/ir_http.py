# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .ir_module_module import EXTRA_TRANSLATED_MODULES


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @api.model
    def get_translations_for_webclient(self, modules, lang):
        """The web client's terms of helpdesk_mgmt in Chinese, from this module's
        i18n_extra, where the OCA module ships none of its own."""
        translations, lang_params = super().get_translations_for_webclient(modules, lang)
        lang = lang or self.env.context.get("lang")
        Module = self.env["ir.module.module"]
        for module_name in EXTRA_TRANSLATED_MODULES:
            if module_name not in translations:
                continue
            extra = Module._zz_extra_web_translations(module_name, lang)
            if not extra:
                continue
            messages = translations[module_name]["messages"]
            own = {message["id"] for message in messages}
            translations[module_name] = {
                **translations[module_name],
                "messages": (
                    *messages,
                    *({"id": src, "string": value} for src, value in extra if src not in own),
                ),
            }
        return translations, lang_params
