# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import contextlib
import gc
import itertools
import json
import logging
import sys
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor

import psycopg2
from markupsafe import Markup
from psycopg2.extras import Json

from odoo import Command, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.sql_db import Cursor
from odoo.tools import SQL

from ..tools import district, import_parser
from ..tools.import_parser import Column

_logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# a short first batch: PostgreSQL starts inserting while the rest is read
FIRST_BATCH_SIZE = 200
# new records finished (constraints, rules) and kept in cache at once
FINISH_ROWS = 20_000
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
        """Read, check and write the file in batches of BATCH_SIZE rows: while
        PostgreSQL inserts one batch, the next one is read and checked."""
        self.ensure_one()
        started = time.monotonic()
        self._zz_check_file()
        if self.mode == "all":
            try:
                with self.env.cr.savepoint():
                    result, matches, write_errors = self._zz_import_rows()
                    if result.errors or write_errors:
                        raise _RefusedRows(result.errors + write_errors)
            except _RefusedRows as refused:
                # the savepoint has undone the rows already written
                raise UserError(self._zz_errors_text(refused.errors)) from None
        else:
            result, matches, write_errors = self._zz_import_rows()
        result.errors.extend(write_errors)
        failed = {error.row for error in write_errors}
        result.rows = [(row, values) for row, values in result.rows if row not in failed]
        self._zz_show_result(result, matches, started, "done")
        return self._zz_reopen()

    def _zz_import_rows(self):
        """(ParseResult, matches, write errors) of the whole file, written.

        A file-level error found on the way (too many rows, a damaged part)
        undoes what was written; so does an error of the pipelined write that
        only the rows one by one can tell, and then the file is written again
        batch after batch, each refused row reported on its own.
        """
        try:
            with self.env.cr.savepoint(), _import_runtime():
                return self._zz_import_stream(pipelined=True)
        except _PipelineRefused:
            return self._zz_import_stream(pipelined=False)

    def _zz_import_stream(self, pipelined):
        """Read the file chunk by chunk and write each chunk while the next
        one is read. An importer that names its known records in SQL
        (_zz_import_known) has every row inserted unless known, the known
        ones matched and updated at the end; otherwise each chunk is matched
        once the previous INSERT is done, then written."""
        columns = self._zz_import_columns()
        inserter = _Inserter(self.env.cr) if pipelined else None
        if inserter:
            inserter.known = self._zz_import_known()
        result = import_parser.ParseResult(0, [], [])
        matches, write_errors = {}, []
        values_of = {}  # row -> values, of the rows sent to an INSERT skipping known ones
        try:
            for chunk in self._zz_parse_batches(columns):
                result.header_row = chunk.header_row
                result.total += chunk.total
                result.errors.extend(chunk.errors)
                if self.mode == "all" and result.errors:
                    continue  # read on to report every bad row, write no more
                result.rows.extend(chunk.rows)
                if inserter and inserter.known:
                    # no match needed first: the INSERT leaves the known out
                    values_of.update(chunk.rows)
                    write_errors += self._zz_write(chunk.rows, {}, inserter=inserter)
                    inserter.cache_done(self)
                    continue
                if inserter:
                    inserter.wait()  # the cursor is the ORM's again
                chunk_matches = self._zz_import_match(chunk.rows)
                matches.update(chunk_matches)
                write_errors += self._zz_write(chunk.rows, chunk_matches, inserter=inserter)
            if inserter:
                write_errors += inserter.finish(self)
                # the rows the INSERTs left out: matched, then updated
                skipped = [
                    (row, values_of[row]) for batch in inserter.batches for row in batch.skipped
                ]
                if skipped:
                    skipped_matches = self._zz_import_match(skipped)
                    matches.update(skipped_matches)
                    write_errors += self._zz_write(skipped, skipped_matches)
        finally:
            if inserter:
                inserter.close()
        return result, matches, write_errors

    def _zz_import_known(self):
        """SQL condition: the row ``r`` of a set-based INSERT matches a known
        record, as _zz_import_match would find it; such rows are left out by
        the INSERT and matched afterwards, so that no match query has to run
        before each batch. False: match first (the default)."""
        return False

    # Workers

    def _zz_check_file(self):
        if not self.file:
            raise UserError(self.env._("Choose an Excel file (.xlsx) to import."))

    def _zz_parse_batches(self, columns):
        """import_parser.iter_parse, file errors as translated UserErrors."""
        try:
            yield from import_parser.iter_parse(
                base64.b64decode(self.file),
                columns,
                filename=self.filename or "file",
                size=BATCH_SIZE,
                first=FIRST_BATCH_SIZE,
            )
        except import_parser.ImportFileError as err:
            raise UserError(self._zz_file_error_message(err)) from err

    def _zz_parse(self):
        self._zz_check_file()
        try:
            return import_parser.parse(
                base64.b64decode(self.file),
                self._zz_import_columns(),
                filename=self.filename or "file",
            )
        except import_parser.ImportFileError as err:
            raise UserError(self._zz_file_error_message(err)) from err

    def _zz_write(self, rows, matches, inserter=None):
        """Update the matched rows, create the others in batches, tracking
        off; [CellError] of refused rows. With an ``inserter``, the INSERTs
        of a set-based create run while the caller reads on (see _Inserter)."""
        Model = self._zz_import_model().with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        errors = []
        updates = [
            (row, Model.browse(matches[row]), self._zz_import_update_vals(values))
            for row, values in rows
            if row in matches
        ]
        if inserter:  # through the ORM, once the INSERTs are done
            inserter.updates += updates
        else:
            errors += self._zz_update_rows(updates)
        to_create = [(row, values) for row, values in rows if row not in matches]
        for start in range(0, len(to_create), BATCH_SIZE):
            batch = to_create[start : start + BATCH_SIZE]
            vals_list = [self._zz_import_create_vals(values) for _row, values in batch]
            defaults = self._zz_batch_defaults(Model, vals_list[0], inserter)
            try:
                if inserter:
                    # the batch is refused, if it is, when the inserter finishes
                    self._zz_import_create(
                        Model, vals_list, defaults, inserter=inserter.batch([r for r, _v in batch])
                    )
                    continue
                with self.env.cr.savepoint():
                    self._zz_import_create(Model, vals_list, defaults)
            except WRITE_ERRORS:
                if inserter:
                    inserter.wait()
                errors += self._zz_write_rows(
                    Model, [row for row, _values in batch], vals_list, defaults
                )
        return errors

    def _zz_update_rows(self, updates):
        """Write [(row, record, vals)] BATCH_SIZE at a time, flushed together;
        a batch that is refused is written row by row to tell which rows."""
        errors = []
        for start in range(0, len(updates), BATCH_SIZE):
            batch = updates[start : start + BATCH_SIZE]
            try:
                with self.env.cr.savepoint():
                    for _row, record, vals in batch:
                        record.write(vals)
                    self.env.flush_all()
            except WRITE_ERRORS:
                for row, record, vals in batch:
                    errors += self._zz_write_one(row, lambda r=record, v=vals: r.write(v))
        return errors

    def _zz_write_rows(self, Model, rows, vals_list, defaults):
        """Create rows one by one: [CellError] of the refused ones (in "all or
        nothing", action_import then raises and nothing is kept)."""
        errors = []
        for row, vals in zip(rows, vals_list, strict=True):
            vals = {**defaults, **vals}
            errors += self._zz_write_one(row, lambda vals=vals: Model.create(vals))
        return errors

    def _zz_import_create(self, Model, vals_list, defaults, inserter=None):
        """Create one batch; ``defaults`` are the default values of the fields
        the rows do not give. The ORM by default; an importer may return
        ``self._zz_sql_create(...)`` instead, passing ``inserter`` on."""
        return Model.create([{**defaults, **vals} for vals in vals_list])

    def _zz_sql_create(self, Model, vals_list, defaults, inserter=None):
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

        With an ``inserter`` (a batch of _Inserter), the INSERT runs in the
        background and the rest waits for the inserter's finish(); returns
        None then, else the new records.
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
            if inserter:
                inserter.wait()
            return Model.create([{**defaults, **vals} for vals in vals_list])

        computed = self._zz_sql_computed(Model, vals_list, defaults)
        batch = _SqlBatch(Model, vals_list, defaults, computed)
        names |= set(computed)
        # computed values: the new record itself, the same for every row, or a list
        own_id = {name for name, value in computed.items() if value is RECORD_ID}
        same = {name: value.value for name, value in computed.items() if isinstance(value, Same)}
        per_row = {name: value for name, value in computed.items() if isinstance(value, list)}
        stored = [model_fields[name] for name in sorted(names) if model_fields[name].store]
        columns = [field for field in stored if field.column_type and field.name not in same]
        columns_json = [field for field in columns if field.name not in own_id]
        links = [field for field in stored if field.type == "many2many"]
        constants = {
            name: field.convert_to_column_insert(defaults[name], Model, defaults)
            for name, field in model_fields.items()
            if name in defaults and name not in names and field.store and field.column_type
        }
        constants.update(
            (name, model_fields[name].convert_to_column_insert(value, Model, {}))
            for name, value in same.items()
        )
        if Model._log_access:
            now, uid = self.env.cr.now(), self.env.uid
            batch.log_access = dict(create_uid=uid, create_date=now, write_uid=uid, write_date=now)
            constants.update(batch.log_access)
        from_vals = [
            (field.name, _column_converter(field, Model))
            for field in columns_json
            if field.name not in per_row
        ]
        from_computed = [
            (field.name, _column_converter(field, Model), per_row[field.name])
            for field in columns_json
            if field.name in per_row
        ]
        # an absent key is NULL in jsonb_to_recordset: empty cells are left out
        records_json = []
        for index, vals in enumerate(vals_list):
            record = {"zz_row": index}
            for name, to_column in from_vals:
                value = to_column(vals[name], vals)
                if value is not None:
                    record[name] = value
            for name, to_column, values in from_computed:
                value = to_column(values[index], vals)
                if value is not None:
                    record[name] = value
            records_json.append(record)
        record_types = [
            SQL("%s %s", SQL.identifier(field.name), SQL(_record_type(field)))
            for field in columns_json
        ]
        record_types.append(SQL("zz_row int4"))
        selected = [
            SQL("n.zz_id") if field.name in own_id else SQL("n.%s", SQL.identifier(field.name))
            for field in columns
        ]
        selected += [
            SQL("CAST(%s AS %s)", value, SQL(model_fields[name].column_type[1]))
            for name, value in constants.items()
        ]
        # the ids are drawn in the order of the rows (ids and rows come back
        # together); with an inserter that skips known records, the rows that
        # match one are left out (see _zz_import_known)
        known = inserter.known if inserter else None
        query = SQL(
            "WITH r AS (SELECT * FROM jsonb_to_recordset(%s::jsonb) AS r(%s)),"
            " n AS MATERIALIZED (SELECT nextval(pg_get_serial_sequence(%s, 'id')) AS zz_id, s.*"
            "  FROM (SELECT * FROM r WHERE %s ORDER BY r.zz_row) s),"
            " i AS (INSERT INTO %s (id, %s) SELECT n.zz_id, %s FROM n)"
            " SELECT zz_id, zz_row FROM n ORDER BY zz_row",
            json.dumps(records_json, default=str),
            SQL(", ").join(record_types),
            Model._table,
            SQL("NOT (%s)", known) if known else SQL("TRUE"),
            SQL.identifier(Model._table),
            SQL(", ").join(
                SQL.identifier(name) for name in [f.name for f in columns] + list(constants)
            ),
            SQL(", ").join(selected),
        )
        batch.query, batch.links = query, links
        batch.given = {name for name in names | set(defaults) if model_fields[name].store}
        if inserter:
            inserter.submit(batch)
            return None
        self.env.cr.execute(query)
        batch.inserted(self.env.cr.fetchall())
        return self._zz_sql_finish([batch])

    def _zz_sql_finish(self, batches):
        """After the INSERTs of batches of one model: links, the computed
        fields the rows do not give, dependents, constraints and access, as
        create() does them; all batches at once. Returns the records."""
        Model = batches[0].Model
        model_fields = Model._fields
        ids = [record_id for batch in batches for record_id in batch.ids]
        vals_list = [vals for batch in batches for vals in batch.vals_list]
        records = Model.browse(ids)
        links = batches[0].links
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
        given, computed = batches[0].given, set(batches[0].computed)
        # what a new record is known to have, as create() puts it in cache:
        # the values just written, the links, no attachment (images), no
        # lines; computing, marking dependents and checking the record rules
        # then read nothing back
        cache = self.env.cache
        for batch in batches:
            if not batch.cached:
                self._zz_sql_cache_columns(batch)
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
            if name in computed or field.compute and (not field.readonly or field.precompute):
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
        self._zz_sql_check_rules(records)
        if Model._check_company_auto:
            records._check_company()
        self.env.flush_all()
        return records

    def _zz_sql_check_rules(self, records):
        """records.check_access("create") for records just inserted: the
        record rules evaluated by one query instead of filtered_domain()
        record by record in Python (the rows are in the database already)."""
        Model = records.browse()
        Model.check_access("create")
        if self.env.su:
            return
        domain = self.env["ir.rule"]._compute_domain(Model._name, "create")
        if not domain:
            return
        # sudo: the rules are the condition; reading them must not be
        # restricted by the read rules (check_access uses sudo() too)
        allowed = (
            Model.sudo()
            .with_context(active_test=False)
            ._search(expression.AND([[("id", "in", records.ids)], domain]))
        )
        forbidden = records - Model.browse(allowed)
        if forbidden:
            raise self.env["ir.rule"]._make_access_error("create", forbidden)

    def _zz_sql_cache_columns(self, batch):
        """Put the column values of the batch's new records in cache, as
        create() does: what was inserted, and empty for a stored field neither
        given nor computed. Translated, company-dependent, binary and json
        columns are left to be read. Python only: the inserter has it done
        for a batch inserted while the next INSERT runs."""
        records = batch.Model.browse(batch.ids)
        given = batch.given | set(batch.log_access)
        record = records[:1]
        for field in records._fields.values():
            if not field.store or not field.column_type or field.translate:
                continue
            if field.company_dependent or field.type in ("binary", "properties", "json"):
                continue
            if field.name in given:
                column = batch.column_values(field.name)
                if isinstance(column, list):
                    values = _cache_values(field, record, column)
                else:  # the same value in every row
                    [value] = _cache_values(field, record, [column.value])
                    values = itertools.repeat(value)
            elif not field.compute:
                values = itertools.repeat(field.convert_to_cache(None, record))
            else:
                continue
            self.env.cache.update(records, field, values)
        batch.cached = True

    def _zz_sql_computed(self, Model, vals_list, defaults):
        """{stored computed field: [value of each row]} an importer knows
        without the ORM, for new records with these values; instead of a
        list, Same(value) for the same value in every row, RECORD_ID for the
        new record itself. The other stored computed fields are computed by
        the ORM after the INSERT."""
        return {}

    def _zz_batch_defaults(self, Model, vals, inserter=None):
        """The default values, computed once for all rows.

        create() asks default_get for every record, and some defaults run a
        query each time (account's invoice template count): giving them in the
        values skips that. x2many defaults are left to create(), which turns
        them into commands.
        """
        if inserter is not None:
            if inserter.defaults is None:
                inserter.defaults = self._zz_batch_defaults(Model, vals)
            return inserter.defaults
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


@contextlib.contextmanager
def _planned_for_growth(execute, first=True):
    """The first INSERT of an import planned for a table that grows.

    Each row's foreign keys are checked with a plan PostgreSQL keeps for the
    session; planned while the table is small (a new database), the check
    of a key to the same table (commercial_partner_id) scans it whole, and
    an import of n rows costs n² (10,000 rows: 2 s more). Cached plans are
    dropped and sequential scans left out while the first batch plans its
    checks; the setting is restored after it.
    """
    if not first:
        yield
        return
    execute(SQL("DISCARD PLANS"))
    [(previous, _off)] = execute(
        SQL("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
    )
    try:
        yield
    finally:
        execute(SQL("SELECT set_config('enable_seqscan', %s, true)", previous))


@contextlib.contextmanager
def _import_runtime():
    """The interpreter tuned for an import, then restored.

    - The objects alive before the import (the server's registry, caches)
      frozen for Python's cycle collector: the import allocates enough to
      trigger full collections, each walking all of them (some 0.1 s each);
      the import's own garbage is still collected.
    - A shorter thread switch interval: the inserter's thread needs the GIL
      for a moment before and after each statement, and would otherwise wait
      up to 5 ms each time for the reading thread to let it go.
    """
    interval = sys.getswitchinterval()
    # a server that froze its heap itself is left as it is
    freeze = not gc.get_freeze_count()
    if freeze:
        gc.freeze()
    sys.setswitchinterval(min(interval, 0.0005))
    try:
        yield
    finally:
        sys.setswitchinterval(interval)
        if freeze:
            gc.unfreeze()


class _RefusedRows(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class _PipelineRefused(Exception):
    """The finish of pipelined batches was refused: write them one by one."""


class _RecordId:
    def __repr__(self):
        return "RECORD_ID"


RECORD_ID = _RecordId()


class _SqlBatch:
    """One prepared set-based INSERT, its rows and, once run, their ids."""

    def __init__(self, Model, vals_list, defaults, computed):
        self.Model = Model
        self.vals_list = vals_list  # as the importer gave them
        self.defaults = defaults
        self.computed = computed  # {field: [value of each row]}
        self.log_access = {}
        self.query = None
        self.links = []
        self.given = set()
        self.rows = []  # the Excel rows, for errors
        self.skipped = []  # the Excel rows the INSERT left out (known records)
        self.ids = None
        self.error = None
        self.cached = False  # the values are in the ORM cache
        self.job = None

    def inserted(self, fetched):
        """Keep the rows the INSERT wrote ([(id, row index)], in row order);
        the Excel rows it left out are in ``skipped``."""
        self.ids = [record_id for record_id, _index in fetched]
        kept = [index for _record_id, index in fetched]
        if len(kept) == len(self.vals_list):
            return
        kept_set = set(kept)
        self.skipped = [row for index, row in enumerate(self.rows) if index not in kept_set]
        self.rows = [self.rows[index] for index in kept]
        self.vals_list = [self.vals_list[index] for index in kept]
        self.computed = {
            name: [values[index] for index in kept] if isinstance(values, list) else values
            for name, values in self.computed.items()
        }

    def column_values(self, name):
        """The values of a field in the rows, as inserted: a list, or a
        Same when every row has the same."""
        if name in self.computed:
            values = self.computed[name]
            return self.ids if values is RECORD_ID else values
        if name in self.log_access:
            return Same(self.log_access[name])
        if self.vals_list and name in self.vals_list[0]:
            return [vals[name] for vals in self.vals_list]
        return Same(self.defaults.get(name))


class Same:
    """A computed value that is the same for every row of a batch."""

    def __init__(self, value):
        self.value = value


class _Inserter:
    """Runs the INSERTs of an import in a second thread while it reads on.

    Reading and checking the next rows is Python work, inserting a batch is
    PostgreSQL's: on two cores they overlap. The thread runs the queued
    INSERTs one after the other, with its own cursor on the same connection,
    hence in the same transaction (psycopg2 runs one statement at a time per
    connection). The import writes through the ORM only after wait(), so
    that statements keep their order: the updates of known records are kept
    for finish(). Each INSERT has its own savepoint: a refused batch is
    undone alone and finish() writes its rows one by one. Test cursors
    (HttpCase) run the statements in place.
    """

    def __init__(self, cr):
        self.cr = cr
        self.defaults = None
        self.batches = []
        self.updates = []  # (row, record, vals)
        self.known = False  # SQL: the row r of an INSERT matches a known record
        self._rows = None
        self._jobs = []
        self._first = True
        self._cursor = cr._cnx.cursor() if type(cr) is Cursor else None
        self._pool = ThreadPoolExecutor(1, "zz_import") if self._cursor else None

    def batch(self, rows):
        """Name the Excel rows of the batch about to be submitted."""
        self._rows = rows
        return self

    def submit(self, batch):
        batch.rows, self._rows = self._rows, None
        self.batches.append(batch)
        batch.job = self._queue(self._insert, batch)

    def cache_done(self, importer):
        """Put the values of the batches already inserted in cache while the
        thread inserts the next ones (Python only, no statement)."""
        cached = 0
        for batch in self.batches:
            if batch.cached:
                cached += len(batch.ids)
            elif cached >= FINISH_ROWS:
                return  # the rest once the first ones are finished (memory)
            elif batch.job.done() and batch.ids and batch.error is None:
                importer._zz_sql_cache_columns(batch)
                cached += len(batch.ids)

    def _queue(self, job, arg):
        if self._pool:
            self._jobs.append(self._pool.submit(job, arg, self._cursor))
            return self._jobs[-1]
        future = Future()
        future.set_result(job(arg, None))
        return future

    def _insert(self, batch, cursor):
        if cursor is None:  # in place, through the Odoo cursor

            def execute_here(query):
                self.cr.execute(query)
                return self.cr.fetchall() if self.cr.description else None

            try:
                with self.cr.savepoint(), _planned_for_growth(execute_here, self._first):
                    self.cr.execute(batch.query)
                    batch.inserted(self.cr.fetchall())
            except (psycopg2.IntegrityError, psycopg2.DataError) as err:
                batch.error = err
            self._first = False
            return

        def execute(query):
            cursor.execute(query.code, query.params)
            return cursor.fetchall() if cursor.description else None

        savepoint = SQL.identifier(f"zz_import_{uuid.uuid4().hex}")
        execute(SQL("SAVEPOINT %s", savepoint))
        try:
            with _planned_for_growth(execute, self._first):
                batch.inserted(execute(batch.query))
        except (psycopg2.IntegrityError, psycopg2.DataError) as err:
            execute(SQL("ROLLBACK TO SAVEPOINT %s", savepoint))
            batch.error = err
        execute(SQL("RELEASE SAVEPOINT %s", savepoint))
        self._first = False

    def wait(self):
        """Until what is queued has run; a job's error is raised here."""
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.result()

    def finish(self, importer):
        """Wait for the last statements, then finish the inserted batches as
        create() would, write the rows of refused batches one by one and the
        updates of known records. Returns [CellError]; raises
        _PipelineRefused when the finish of the inserted batches is refused."""
        for batch in self.batches:  # each in cache while the next is inserted
            batch.job.result()
            self.cache_done(importer)
        self.wait()
        errors = []
        groups = {}
        for batch in self.batches:
            if batch.error is not None and self.known:
                # matched, then written one by one (see _zz_import_stream)
                batch.skipped, batch.rows = batch.rows, []
            elif batch.error is not None:
                errors += importer._zz_write_rows(
                    batch.Model, batch.rows, batch.vals_list, batch.defaults
                )
            if batch.error is not None:
                continue
            key = (batch.Model._name, frozenset(batch.given), frozenset(batch.computed))
            groups.setdefault(key, []).append(batch)
        # by slices of FINISH_ROWS rows: the cache of a large file's new
        # records is let go of slice after slice
        slices = _slices(groups.values())
        for index, batches in enumerate(slices):
            try:
                with self.cr.savepoint():
                    for batch in batches:
                        if not batch.cached:
                            importer._zz_sql_cache_columns(batch)
                    records = importer._zz_sql_finish(batches)
            except WRITE_ERRORS as err:
                raise _PipelineRefused() from err
            if index < len(slices) - 1:
                records.invalidate_recordset()
                for batch in batches:
                    batch.vals_list, batch.computed = [], {}
        errors += importer._zz_update_rows(self.updates)
        return errors

    def close(self):
        try:
            self.wait()
        finally:
            if self._pool:
                self._pool.shutdown()
                self._cursor.close()


def _slices(groups):
    """The inserted batches of each group, by slices of about FINISH_ROWS rows."""
    slices = []
    for batches in groups:
        slices.append([])
        for batch in batches:
            if not batch.ids:
                continue
            if sum(len(b.ids) for b in slices[-1]) >= FINISH_ROWS:
                slices.append([])
            slices[-1].append(batch)
    return [batches for batches in slices if batches]


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


def _cache_values(field, record, values):
    """[field.convert_to_cache(value) for value in values], with the common
    case of plain text and ids in bulk."""
    empty = field.convert_to_cache(None, record)
    plain = None
    if field.type in ("char", "text") and not field.size:
        plain = str
    elif field.type == "many2one":
        plain = int
    if plain and all(value is None or value is False or type(value) is plain for value in values):
        return [empty if value is None or value is False else value for value in values]
    return [
        empty if value is None or value is False else field.convert_to_cache(value, record)
        for value in values
    ]


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
