# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import itertools
import json
import logging
import time

import psycopg2
from markupsafe import Markup
from psycopg2.extras import Json

from odoo import Command, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import district, import_parser
from ..tools.import_parser import Column

_logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
PREVIEW_ERRORS = 20
# what a batch write may refuse; anything else is a bug and must surface
# (AccessError is a UserError)
WRITE_ERRORS = (UserError, ValidationError, psycopg2.IntegrityError, psycopg2.DataError)


class CrmZzImportMixin(models.AbstractModel):
    """The Odoo side of the import engine, inherited by each importer.

    An importer (a TransientModel) names its columns, how a row finds an
    existing record and how a row becomes field values; this mixin does the
    rest: template, dry-run preview, the two modes, batch writes with tracking
    off, the error report and translated messages.
    """

    _name = "crm.zz.import.mixin"
    _description = "Excel Import (ZZ CRM)"

    file = fields.Binary(string="Excel File", attachment=False)
    filename = fields.Char()
    mode = fields.Selection(
        [
            ("valid", "Import the valid rows and give me an error report"),
            ("all", "All or nothing"),
        ],
        required=True,
        default="valid",
    )
    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview"), ("done", "Done")],
        required=True,
        default="upload",
    )
    row_count = fields.Integer(string="Rows Read", readonly=True)
    create_count = fields.Integer(string="To Create", readonly=True)
    update_count = fields.Integer(string="To Update", readonly=True)
    error_count = fields.Integer(string="Rows with Errors", readonly=True)
    errors_html = fields.Html(string="First Errors", readonly=True, sanitize=False)
    error_report = fields.Binary(attachment=False, readonly=True)
    error_report_name = fields.Char(readonly=True)
    duration = fields.Float(string="Seconds", readonly=True, digits=(16, 2))

    # Hooks of the importers

    def _zz_import_columns(self):
        """[import_parser.Column] this importer accepts, choices filled in."""
        raise NotImplementedError

    def _zz_import_model(self):
        """The model rows are written to (an empty recordset)."""
        raise NotImplementedError

    def _zz_import_match(self, rows):
        """{row number: existing record id} for the valid rows [(row, values)]."""
        return {}

    def _zz_import_create_vals(self, values):
        raise NotImplementedError

    def _zz_import_update_vals(self, values):
        return {key: value for key, value in self._zz_import_create_vals(values).items() if value}

    # Columns every importer of customers or leads shares

    def _zz_place_columns(self, district="zz_district_id", zone="zz_zone_id", park="zz_park_id"):
        """The district, functional zone and industry park columns, matched by
        Chinese name, short name or code."""
        places = self.env["crm.zz.district"].search_fetch(
            [], ["name", "short_name", "code", "stat_code", "kind"]
        )
        zones = places.filtered(lambda place: place.kind == "zone")
        parks = self.env["crm.zz.park"].search_fetch([], ["name"])
        return [
            Column(
                district,
                "所属区县",
                ("District", "区县", "行政区"),
                kind="place",
                choices=_place_index(places - zones),
            ),
            Column(
                zone,
                "功能区",
                ("Functional Zone", "Zone", "开发区"),
                kind="place",
                choices=_place_index(zones),
            ),
            Column(
                park,
                "产业园区",
                ("Industry Park", "Park", "园区"),
                kind="choice",
                choices=import_parser.build_choices((park.name, park.id) for park in parks),
            ),
        ]

    def _zz_industry_column(self, field="industry_id"):
        """Industry, by its name in the user's language, full name or English name."""
        industries = self.env["res.partner.industry"].search_fetch([], ["name", "full_name"])
        return Column(
            field,
            "行业",
            ("Industry",),
            kind="choice",
            choices=import_parser.build_choices(
                [(i.name, i.id) for i in industries]
                + [(i.full_name, i.id) for i in industries if i.full_name]
                + [(i.name, i.id) for i in industries.with_context(lang="en_US")]
            ),
        )

    def _zz_salesperson_column(self, field="user_id"):
        """Salesperson, by name or login."""
        users = self.env["res.users"].search_fetch([("share", "=", False)], ["name", "login"])
        return Column(
            field,
            "销售员",
            ("Salesperson", "负责人", "业务员"),
            kind="choice",
            choices=import_parser.build_choices(
                [(u.name, u.id) for u in users] + [(u.login, u.id) for u in users]
            ),
        )

    def _zz_import_template_rows(self):
        """Example rows of the template (lists, in the order of the columns)."""
        return []

    def _zz_import_template_name(self):
        return "template.xlsx"

    # Actions

    def action_download_template(self):
        self.ensure_one()
        columns = self._zz_import_columns()
        content = import_parser.write_xlsx(
            [column.header for column in columns], self._zz_import_template_rows()
        )
        return self._zz_download(content, self._zz_import_template_name())

    def action_preview(self):
        """Dry run: read and match everything, write nothing."""
        self.ensure_one()
        started = time.monotonic()
        result = self._zz_parse()
        matches = self._zz_import_match(result.rows)
        self._zz_show_result(result, matches, started, "preview")
        return self._zz_reopen()

    def action_import(self):
        self.ensure_one()
        started = time.monotonic()
        result = self._zz_parse()
        if self.mode == "all" and result.errors:
            raise UserError(self._zz_errors_text(result.errors))
        matches = self._zz_import_match(result.rows)
        if self.mode == "all":
            try:
                with self.env.cr.savepoint():
                    write_errors = self._zz_write(result.rows, matches)
                    if write_errors:
                        raise _RefusedRows(write_errors)
            except _RefusedRows as refused:
                # the savepoint has undone the rows already written
                raise UserError(self._zz_errors_text(refused.errors)) from None
        else:
            write_errors = self._zz_write(result.rows, matches)
        result.errors.extend(write_errors)
        failed = {error.row for error in write_errors}
        result.rows = [(row, values) for row, values in result.rows if row not in failed]
        self._zz_show_result(result, matches, started, "done")
        return self._zz_reopen()

    # Workers

    def _zz_parse(self):
        if not self.file:
            raise UserError(self.env._("Choose an Excel file (.xlsx) to import."))
        try:
            return import_parser.parse(
                base64.b64decode(self.file),
                self._zz_import_columns(),
                filename=self.filename or "file",
            )
        except import_parser.ImportFileError as err:
            raise UserError(self._zz_file_error_message(err)) from err

    def _zz_write(self, rows, matches):
        """Create and update in batches, tracking off; [CellError] of refused rows."""
        Model = self._zz_import_model().with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        to_create = [(row, values) for row, values in rows if row not in matches]
        errors = []
        defaults = None
        for start in range(0, len(to_create), BATCH_SIZE):
            batch = to_create[start : start + BATCH_SIZE]
            vals_list = [self._zz_import_create_vals(values) for _row, values in batch]
            if defaults is None:
                defaults = self._zz_batch_defaults(Model, vals_list[0])
            try:
                with self.env.cr.savepoint():
                    self._zz_import_create(Model, vals_list, defaults)
            except WRITE_ERRORS:
                # find the refused rows one by one, keep the others (in "all or
                # nothing", action_import then raises and nothing is kept)
                for (row, _values), vals in zip(batch, vals_list, strict=True):
                    vals = {**defaults, **vals}
                    errors += self._zz_write_one(row, lambda vals=vals: Model.create(vals))
        for row, values in rows:
            if row in matches:
                record = Model.browse(matches[row])
                vals = self._zz_import_update_vals(values)
                errors += self._zz_write_one(row, lambda r=record, v=vals: r.write(v))
        return errors

    def _zz_import_create(self, Model, vals_list, defaults):
        """Create one batch; ``defaults`` are the default values of the fields
        the rows do not give. The ORM by default; an importer may return
        ``self._zz_sql_create(...)`` instead."""
        return Model.create([{**defaults, **vals} for vals in vals_list])

    def _zz_sql_create(self, Model, vals_list, defaults):
        """Create a batch as create() would, in a few statements.

        One ``INSERT ... SELECT FROM jsonb_to_recordset`` for the stored
        columns (values converted by the fields themselves, defaults converted
        once for all rows, log-access columns as the ORM sets them), one
        INSERT per many2many relation table, then every stored computed field
        the rows do not give is computed by the ORM in batch, the Python
        constraints, record rules and company checks run as in create().
        Falls back to create() for what this does not cover (_inherits,
        parent_store, one2many or non-stored values, other x2many commands).
        The importer applies the value changes its model's create() overrides
        make before calling this (see crm.zz.partner.import), and may give the
        values of stored computed fields itself (``_zz_sql_computed``): they
        go into the INSERT, so that no UPDATE of every new row follows.
        """
        Model.check_access("create")
        names = set(vals_list[0])
        model_fields = Model._fields
        x2many_defaults = Model.default_get(
            [
                name
                for name, field in model_fields.items()
                if field.type in ("one2many", "many2many") and name not in names
            ]
        )
        if (
            Model._inherits
            or Model._parent_store
            or any(x2many_defaults.values())
            or any(set(vals) != names for vals in vals_list)
            or not all(_sql_storable(model_fields[name]) for name in {*names, *defaults})
            or not all(
                _link_ids(vals[name]) is not None
                for vals in vals_list
                for name in names
                if model_fields[name].type == "many2many"
            )
        ):
            return Model.create([{**defaults, **vals} for vals in vals_list])

        # the ids first, so that computed values may name the row itself
        self.env.cr.execute(
            SQL(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                Model._table,
                len(vals_list),
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        computed = self._zz_sql_computed(Model, vals_list, defaults, ids)
        if computed:
            vals_list = [
                {**vals, **{name: values[index] for name, values in computed.items()}}
                for index, vals in enumerate(vals_list)
            ]
            names |= set(computed)
        for index, vals in enumerate(vals_list):
            vals["id"] = ids[index]
        names.add("id")
        stored = [model_fields[name] for name in sorted(names) if model_fields[name].store]
        columns = [field for field in stored if field.column_type]
        links = [field for field in stored if field.type == "many2many"]
        constants = {
            name: field.convert_to_column_insert(defaults[name], Model, defaults)
            for name, field in model_fields.items()
            if name in defaults and name not in names and field.store and field.column_type
        }
        if Model._log_access:
            now, uid = self.env.cr.now(), self.env.uid
            constants.update(create_uid=uid, create_date=now, write_uid=uid, write_date=now)
        convert = {field.name: _column_converter(field, Model) for field in columns}
        records_json = [
            {
                **{name: to_column(vals[name], vals) for name, to_column in convert.items()},
                "zz_row": index,
            }
            for index, vals in enumerate(vals_list)
        ]
        record_types = [
            SQL("%s %s", SQL.identifier(field.name), SQL(_record_type(field))) for field in columns
        ]
        record_types.append(SQL("zz_row int4"))
        selected = [SQL("r.%s", SQL.identifier(field.name)) for field in columns]
        selected += [
            SQL("CAST(%s AS %s)", value, SQL(model_fields[name].column_type[1]))
            for name, value in constants.items()
        ]
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT %s FROM jsonb_to_recordset(%s::jsonb) AS r(%s) "
                "ORDER BY r.zz_row",
                SQL.identifier(Model._table),
                SQL(", ").join(
                    SQL.identifier(name) for name in [f.name for f in columns] + list(constants)
                ),
                SQL(", ").join(selected),
                json.dumps(records_json, default=str),
                SQL(", ").join(record_types),
            )
        )
        records = Model.browse(ids)
        for field in links:
            pairs = [
                (record_id, target_id)
                for record_id, vals in zip(ids, vals_list, strict=True)
                for target_id in _link_ids(vals[field.name])
            ]
            if pairs:
                self.env.cr.execute(
                    SQL(
                        "INSERT INTO %s (%s, %s) SELECT * FROM unnest(%s::int4[], %s::int4[]) "
                        "ON CONFLICT DO NOTHING",
                        SQL.identifier(field.relation),
                        SQL.identifier(field.column1),
                        SQL.identifier(field.column2),
                        [pair[0] for pair in pairs],
                        [pair[1] for pair in pairs],
                    )
                )
        names.discard("id")
        given = {name for name in names | set(defaults) if model_fields[name].store}
        # what a new record is known to have, as create() puts it in cache:
        # the links just written, no attachment (images), no lines; computing
        # and marking dependents then read nothing back
        cache = self.env.cache
        for field in links:
            cache.update(
                records,
                field,
                [tuple(dict.fromkeys(_link_ids(vals[field.name]))) for vals in vals_list],
            )
        empty_fields = set()
        for field in model_fields.values():
            if field.store and field.name not in given and not field.column_type:
                empty = () if field.type in ("one2many", "many2many") else None
                cache.update(records, field, itertools.repeat(empty))
                empty_fields.add(field.name)
        protected = set()
        for name in given:
            field = model_fields[name]
            protected.add(field)
            if name in computed:
                protected.update(self.pool.field_computed.get(field, [field]))
            elif field.compute and (not field.readonly or field.precompute):
                protected.update(self.pool.field_computed.get(field, [field]))
        with self.env.protecting(protected, records):
            for field in model_fields.values():
                if field.store and field.compute and field not in protected:
                    # the resized images of no image are no image: nothing to compute
                    if (
                        field.related
                        and field.name in empty_fields
                        and field.related.split(".")[0] in empty_fields
                    ):
                        continue
                    self.env.add_to_compute(field, records)
            records.modified(list(given), create=True)
        records._validate_fields(given)
        records.check_access("create")
        if Model._check_company_auto:
            records._check_company()
        self.env.flush_all()
        records.invalidate_recordset()
        return records

    def _zz_sql_computed(self, Model, vals_list, defaults, ids):
        """{stored computed field: [value of each row]} an importer knows
        without the ORM, for new records with these values and ids; the other
        stored computed fields are computed by the ORM after the INSERT."""
        return {}

    def _zz_batch_defaults(self, Model, vals):
        """The default values, computed once for all rows.

        create() asks default_get for every record, and some defaults run a
        query each time (account's invoice template count): giving them in the
        values skips that. x2many defaults are left to create(), which turns
        them into commands.
        """
        names = [
            name
            for name, field in Model._fields.items()
            if name not in vals and field.type not in ("one2many", "many2many")
        ]
        return Model.default_get(names)

    def _zz_write_one(self, row, write):
        try:
            with self.env.cr.savepoint():
                write()
        except WRITE_ERRORS as err:
            message = err.args[0] if isinstance(err, UserError | ValidationError) else str(err)
            return [import_parser.CellError(row, "-", None, "write", {"message": message})]
        return []

    def _zz_show_result(self, result, matches, started, state):
        errors = sorted(result.errors, key=lambda e: e.row)
        rows = [
            (error.row, error.column, error.value, self._zz_cell_message(error)) for error in errors
        ]
        vals = {
            "state": state,
            "row_count": result.total,
            "create_count": sum(1 for row, _v in result.rows if row not in matches),
            "update_count": sum(1 for row, _v in result.rows if row in matches),
            "error_count": result.error_rows,
            "errors_html": self._zz_errors_html(rows[:PREVIEW_ERRORS], len(rows)),
            "error_report": False,
            "error_report_name": False,
            "duration": time.monotonic() - started,
        }
        if rows:
            content = import_parser.write_xlsx(
                [self.env._("Row"), self.env._("Column"), self.env._("Value"), self.env._("Error")],
                [[row, column, _cell_text(value), message] for row, column, value, message in rows],
                sheet_name=self.env._("Errors"),
                widths={3: 60},
            )
            stem = (self.filename or "import").rsplit(".", 1)[0]
            vals["error_report"] = base64.b64encode(content)
            vals["error_report_name"] = self.env._("%(name)s-errors.xlsx", name=stem)
        self.write(vals)
        _logger.info(
            "%s %s: %s rows, %s errors, %.2fs",
            self._name,
            state,
            result.total,
            len(rows),
            vals["duration"],
        )

    def _zz_errors_html(self, rows, total):
        if not rows:
            return False
        head = Markup("").join(
            Markup("<th>%s</th>") % label
            for label in (
                self.env._("Row"),
                self.env._("Column"),
                self.env._("Value"),
                self.env._("Error"),
            )
        )
        body = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (row, column, _cell_text(value), message)
            for row, column, value, message in rows
        )
        more = ""
        if total > len(rows):
            more = Markup("<p>%s</p>") % self.env._(
                "%(count)s more errors are in the error report.", count=total - len(rows)
            )
        return (
            Markup('<table class="table table-sm o_zz_import_errors"><thead><tr>%s</tr></thead>')
            % head
            + Markup("<tbody>%s</tbody></table>") % body
            + more
        )

    def _zz_errors_text(self, errors, limit=10):
        errors = sorted(errors, key=lambda e: e.row)
        lines = [
            self.env._(
                "Row %(row)s, column %(column)s, value %(value)s: %(message)s",
                row=error.row,
                column=error.column,
                value=_cell_text(error.value) or "-",
                message=self._zz_cell_message(error),
            )
            for error in errors[:limit]
        ]
        if len(errors) > limit:
            lines.append(self.env._("... and %(count)s more.", count=len(errors) - limit))
        return "\n".join(
            [
                self.env._(
                    "Nothing was imported: %(count)s rows have errors (All or nothing).",
                    count=len({error.row for error in errors}),
                ),
                *lines,
            ]
        )

    def _zz_cell_message(self, error):
        params = error.params
        messages = {
            "required": lambda: self.env._("A value is required."),
            "too_long": lambda: self.env._(
                "Longer than %(size)s characters.", size=params.get("size")
            ),
            "invalid_phone": lambda: self.env._("Not a valid phone number."),
            "invalid_credit_code": lambda: self.env._(
                "Not a valid Unified Social Credit Code: %(reason)s.",
                reason=self.env["res.partner"]._zz_credit_code_reason(params.get("reason")),
            ),
            "unknown_value": lambda: self.env._(
                "No %(column)s is known by this name or code.", column=error.column
            ),
            "invalid_date": lambda: self.env._(
                "Not a date: write it as 2026-03-08 or as an Excel date."
            ),
            "invalid_number": lambda: self.env._("Not a number."),
            "invalid_boolean": lambda: self.env._("Write yes or no."),
            "duplicate_in_file": lambda: self.env._(
                "The same value is already in row %(first_row)s.",
                first_row=params.get("first_row"),
            ),
            "write": lambda: self.env._("Refused: %(message)s", message=params.get("message")),
        }
        return messages[error.code]() if error.code in messages else error.message

    def _zz_file_error_message(self, err):
        params = err.params
        messages = {
            "not_xlsx": lambda: self.env._(
                "%(filename)s is not an Excel .xlsx file: save it as Excel Workbook (.xlsx) "
                "and upload it again.",
                filename=params["filename"],
            ),
            "corrupt": lambda: self.env._(
                "%(filename)s is damaged or is not a valid .xlsx workbook.",
                filename=params["filename"],
            ),
            "empty": lambda: self.env._(
                "%(filename)s has no rows to import.", filename=params["filename"]
            ),
            "missing_headers": lambda: self.env._(
                "Row %(row)s: the required columns %(missing)s were not found (found: %(found)s). "
                "Download the template to see the expected headers.",
                row=params["row"],
                missing=params["missing"],
                found=params["found"],
            ),
            "too_many_rows": lambda: self.env._(
                "The sheet has more than %(limit)s rows (row %(row)s): "
                "split it into several files.",
                limit=params["limit"],
                row=params["row"],
            ),
            "timeout": lambda: self.env._(
                "Reading stopped at row %(row)s after %(seconds)s seconds: split the file.",
                row=params["row"],
                seconds=params["seconds"],
            ),
        }
        return messages[err.code]() if err.code in messages else str(err)

    def _zz_download(self, content, filename):
        attachment = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": content,
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def _zz_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import"),
        }


class _RefusedRows(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _sql_storable(field):
    """A value the set-based create handles: a column, a many2many link, or a
    non-stored field without inverse (a form-only default create() ignores)."""
    if not field.store:
        return not field.inverse
    return bool(field.column_type or field.type == "many2many")


def _link_ids(commands):
    """Ids linked by many2many commands on a new record (None: other commands)."""
    ids = []
    for command in commands or []:
        if command[0] == Command.LINK:
            ids.append(command[1])
        elif command[0] == Command.SET:
            ids.extend(command[2])
        else:
            return None
    return ids


def _column_converter(field, Model):
    """field.convert_to_column_insert as a function (value, vals) -> JSON value,
    with the common cases short-cut: an empty value converts the same for
    every row, a text in a plain text column is itself."""
    plain_text = (
        field.type in ("char", "text") and not field.translate and not field.company_dependent
    )
    empty = (
        None
        if field.type == "monetary"
        else _json_value(field.convert_to_column_insert(None, Model, {}))
    )

    def to_column(value, vals):
        if value is None or value is False:
            if field.type != "monetary":
                return empty
        elif plain_text and isinstance(value, str):
            return value
        return _json_value(field.convert_to_column_insert(value, Model, vals))

    return to_column


def _json_value(value):
    """A column value as JSON: jsonb columns (translations, company-dependent
    values) come wrapped for psycopg2."""
    return value.adapted if isinstance(value, Json) else value


def _record_type(field):
    """The type of the field in jsonb_to_recordset; text for varchar so that a
    too long value fails on INSERT instead of being cut by the cast."""
    column_type = field.column_type[1]
    return "text" if field.column_type[0] == "varchar" else column_type


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _place_index(places):
    return district.build_index(
        district.Place(p.id, p.name, p.short_name or "", p.code or "", p.stat_code or "")
        for p in places
    )
