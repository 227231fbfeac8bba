# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import aliyun_sms

PARAM_KEY = re.compile(r"[A-Za-z0-9_]+")


class CrmZzMarketingSmsParam(models.Model):
    """One parameter of an approved Alibaba Cloud SMS template (``${key}`` in
    the template), filled per recipient from an inline template such as
    ``{{ object.name }}``. It belongs to an SMS template or to an SMS mailing."""

    _name = "crm.zz.marketing.sms.param"
    _description = "Alibaba Cloud SMS Template Parameter"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    key = fields.Char(
        "Parameter",
        required=True,
        help="Variable name in the approved template, without ${ }, e.g. name for ${name}.",
    )
    value = fields.Char(
        help="Inline template rendered on each recipient, e.g. {{ object.name }}.",
    )
    sms_template_id = fields.Many2one(
        "sms.template", "SMS Template", ondelete="cascade", index="btree_not_null"
    )
    mailing_id = fields.Many2one("mailing.mailing", ondelete="cascade", index="btree_not_null")

    @api.constrains("key", "sms_template_id", "mailing_id")
    def _check_key(self):
        for param in self:
            if not PARAM_KEY.fullmatch(param.key or ""):
                raise ValidationError(
                    self.env._(
                        "Template parameter %(key)r: use only letters, digits and underscores, "
                        "as in the approved template's ${...}.",
                        key=param.key,
                    )
                )
            if bool(param.sms_template_id) == bool(param.mailing_id):
                raise ValidationError(
                    self.env._(
                        "Parameter %(key)r must belong to one SMS template or one mailing.",
                        key=param.key,
                    )
                )

    def _zz_render(self, model, res_ids):
        """``{res_id: TemplateParam JSON}`` for ``res_ids`` of ``model``:
        one rendering per parameter for all records."""
        render = self.env["mail.render.mixin"]._render_template
        rendered = [
            (param.key, render(param.value or "", model, res_ids, engine="inline_template"))
            for param in self
        ]
        return {
            res_id: aliyun_sms.template_param_json(
                [(key, values[res_id]) for key, values in rendered]
            )
            for res_id in res_ids
        }
