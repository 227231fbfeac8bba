# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Personal numbers shown masked, and their export restricted (PIPL Arts. 28, 51).

A model lists its sensitive fields in ``_zz_masked_fields`` ({field: kind}) and says
in ``_zz_unmasked_records`` which of its records the current user sees in full.
Every other user gets ``138****5678`` through ``read``/``search_read``/``web_read``
(``_read_format``) and through exports (``_export_rows``); grouping by them
needs the right (``read_group``); the chatter's tracking
values are masked in ``mail.tracking.value``. Superuser mode (business code) sees
the real values. Exporting a model's ``_zz_personal_fields`` needs the group
*Export personal data*; the export is logged by ``base.export_data``.
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from ..tools import masking

PERSONAL_DATA_GROUP = "crm_zz_customer.group_zz_personal_data"
EXPORT_PERSONAL_DATA_GROUP = "crm_zz_customer.group_zz_export_personal_data"


class Base(models.AbstractModel):
    _inherit = "base"

    # ------------------------------------------------------------------ hooks
    @api.model
    def _zz_masked_fields(self):
        """{field name: masking kind} of the fields shown masked (tools/masking.py)."""
        return {}

    @api.model
    def _zz_personal_fields(self):
        """Field names whose export needs the group *Export personal data*."""
        return set(self._zz_masked_fields())

    def _zz_unmasked_records(self):
        """The records of ``self`` whose masked fields the user sees in full."""
        if self.env.su or self.env.user.has_group(PERSONAL_DATA_GROUP):
            return self
        return self.browse()

    def _zz_unmasked_records_for(self, fname, unmasked):
        """The records of ``self`` whose field ``fname`` the user sees in full;
        ``unmasked``: those whose every masked field he sees (``_zz_unmasked_records``).
        A model widens it per field (a marketer sees the contact data a consent allows)."""
        return unmasked

    # ------------------------------------------------------------------ plan
    def _zz_masking_plan(self, fnames):
        """[(field, kind, records to mask)] for the masked fields among ``fnames``."""
        kinds = {fname: kind for fname, kind in self._zz_masked_fields().items() if fname in fnames}
        if not kinds or self.env.su:
            return []
        unmasked = self._zz_unmasked_records()
        plan = []
        for fname, kind in kinds.items():
            to_mask = self - self._zz_unmasked_records_for(fname, unmasked)
            if to_mask:
                plan.append((fname, kind, to_mask))
        return plan

    # ------------------------------------------------------------------ read
    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        plan = self._zz_masking_plan(fnames)
        if plan:
            rows = {vals.get("id"): vals for vals in result}
            for fname, kind, to_mask in plan:
                for record_id in to_mask.ids:
                    vals = rows.get(record_id)
                    if vals is not None and fname in vals:
                        vals[fname] = masking.mask(kind, vals[fname])
        return result

    # ------------------------------------------------------------------ group
    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """Grouping by a masked field would show the numbers in the group headers
        and in each group's domain: it needs the right to see them in full."""
        self._zz_check_masked_groupby(groupby)
        return super().read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy
        )

    @api.model
    def _zz_sees_masked_fields_in_full(self):
        """Whether the user sees every record's masked fields in full."""
        return self.env.su or self.env.user.has_group(PERSONAL_DATA_GROUP)

    @api.model
    def _zz_check_masked_groupby(self, groupby):
        if self._zz_sees_masked_fields_in_full():
            return
        specs = [groupby] if isinstance(groupby, str) else list(groupby or [])
        masked = self._zz_masked_fields()
        names = [spec.split(":")[0].strip() for spec in specs]
        refused = [name for name in names if name in masked]
        if refused:
            raise AccessError(
                self.env._(
                    "Grouping by %(fields)s would show personal numbers in full: it needs "
                    "the right “Full personal data”.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env) for name in refused
                    ),
                )
            )

    # ------------------------------------------------------------------ export
    def export_data(self, fields_to_export):
        self._zz_check_personal_export(fields_to_export)
        return super().export_data(fields_to_export)

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        """Export masked values where the user would read them masked.

        Odoo's export reads ``record[name]``; the masked values are put in the
        cache of the masked records for the time of the export, and the cache is
        dropped afterwards (the database is never written). Relational paths
        (``child_ids/mobile``, ``partner_id/phone``) come here for their own model.
        """
        plan = self._zz_masking_plan({path[0] for path in fields if path})
        if not plan:
            return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        cache = self.env.cache
        for fname, kind, to_mask in plan:
            to_mask.flush_recordset([fname])
            for record in to_mask:
                value = record[fname]
                if value:
                    cache.set(record, self._fields[fname], masking.mask(kind, value))
        try:
            return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        finally:
            for fname, _kind, to_mask in plan:
                to_mask.invalidate_recordset([fname], flush=False)

    def _zz_check_personal_export(self, fields_to_export):
        """Refuse exporting personal data without the group, naming the fields."""
        if self.env.su or self.env.user.has_group(EXPORT_PERSONAL_DATA_GROUP):
            return
        personal = []
        for path in fields_to_export:
            model = self
            for name in path.split("/"):
                name = name.split(":")[0].removesuffix(".id")
                field = model._fields.get(name)
                if not field:
                    break
                if name in model._zz_personal_fields():
                    personal.append(f"{model._description} / {field.string}")
                    break
                if not field.relational:
                    break
                model = self.env[field.comodel_name]
        if personal:
            raise AccessError(
                self.env._(
                    "You may not export personal data (%(fields)s). "
                    "Ask your administrator for the right “Export personal data”.",
                    fields=", ".join(dict.fromkeys(personal)),
                )
            )

    # ------------------------------------------------------------------ write
    def _zz_drop_masked_values(self, vals):
        """``vals`` without the masked values sent back unchanged.

        A form shows ``138****5678`` and sends it back only if the user typed it
        again: a value equal to the mask of the real number keeps the number. A
        masked value that masks nothing of the record is refused.
        """
        kinds = {
            fname: kind
            for fname, kind in self._zz_masked_fields().items()
            if masking.is_masked(vals.get(fname))
        }
        if not kinds:
            return vals
        for record in self:
            for fname, kind in kinds.items():
                if masking.mask(kind, record[fname]) != vals[fname]:
                    raise UserError(
                        self.env._(
                            "%(value)s is a masked value, not a number: type the full %(field)s.",
                            value=vals[fname],
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )
        return {key: value for key, value in vals.items() if key not in kinds}

    @api.model
    def _zz_check_masked_create(self, vals_list):
        """A new record never takes a masked value for a real one."""
        kinds = self._zz_masked_fields()
        for vals in vals_list:
            for fname in kinds:
                if masking.is_masked(vals.get(fname)):
                    raise UserError(
                        self.env._(
                            "%(value)s is a masked value, not a number: type the full %(field)s.",
                            value=vals[fname],
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )
