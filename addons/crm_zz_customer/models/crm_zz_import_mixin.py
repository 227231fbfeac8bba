# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import dataclasses
import logging
import time

import psycopg2
from markupsafe import Markup

from odoo import Command, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import district as places_tool
from ..tools import import_parser, industry
from ..tools.import_parser import Column

_logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
PREVIEW_LINES = 30
# a file larger than this runs as a background job (crm.zz.import.job): the
# request would not finish within limit_time_real (120 s) on a busy server
BACKGROUND_ROWS = 5000
BACKGROUND_BYTES = 2 * 1024 * 1024
# what a batch write may refuse; anything else is a bug and must surface
# (AccessError is a UserError)
WRITE_ERRORS = (UserError, ValidationError, psycopg2.IntegrityError, psycopg2.DataError)
# what an import writes: no tracking, no creation message, no followers
IMPORT_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "import_file": True,
}


class CrmZzImportMixin(models.AbstractModel):
    """The Odoo side of the import engine, inherited by each importer.

    An importer (a TransientModel in wizard/) names its columns, how a row
    finds an existing record and how a row becomes field values; this mixin
    does the rest: template, dry-run preview listing every refusal, warning
    and merged row, the two modes, writing through create()/write() in
    batches of BATCH_SIZE with the import context, the error report and the
    translated messages. A large file is handed to a background job
    (crm.zz.import.job) that runs the same methods chunk by chunk.
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
        [("upload", "Upload"), ("preview", "Preview"), ("done", "Done"), ("queued", "Queued")],
        required=True,
        default="upload",
    )
    row_count = fields.Integer(string="Rows Read", readonly=True)
    create_count = fields.Integer(string="To Create", readonly=True)
    update_count = fields.Integer(string="To Update", readonly=True)
    error_count = fields.Integer(string="Rows Refused", readonly=True)
    warning_count = fields.Integer(string="Warnings", readonly=True)
    merged_count = fields.Integer(string="Rows Merged", readonly=True)
    errors_html = fields.Html(string="What the Import Will Do", readonly=True, sanitize=False)
    error_report = fields.Binary(attachment=False, readonly=True)
    error_report_name = fields.Char(readonly=True)
    duration = fields.Float(string="Seconds", readonly=True, digits=(16, 2))
    job_id = fields.Many2one("crm.zz.import.job", string="Background Job", readonly=True)
    column_ids = fields.One2many(
        "crm.zz.import.column",
        "res_id",
        string="Columns Not Recognised",
        help="Map a column to a field, or leave it empty to ignore it; the choice is "
        "remembered for the next file with this header.",
    )

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

    def _zz_import_merge_key(self, values):
        """A key telling that two rows of the file are one record (besides the
        ``unique`` columns), or None."""
        return None

    def _zz_import_refuse(self, rows, matches):
        """[CellError] of valid rows refused before anything is written (a
        rule of the business: a salesperson's cap...)."""
        return []

    def _zz_import_create_vals(self, values):
        raise NotImplementedError

    def _zz_import_update_vals(self, values):
        return {key: value for key, value in self._zz_import_create_vals(values).items() if value}

    def _zz_import_written(self, records_by_row, values_by_row):
        """After a batch is written: {row: record}, {row: values} (contacts...)."""

    def _zz_import_job_vals(self):
        """The settings of this importer a background job recreates it with."""
        return {"mode": self.mode}

    # Columns every importer of customers or leads shares

    def _zz_place_columns(self, district="zz_district_id", zone="zz_zone_id", park="zz_park_id"):
        """The district, functional zone and industry park columns. The
        district column takes county-level names, short names, GB/T 2260 codes
        and also functional zones (their names and codes): the importer puts
        a zone written there into the zone field (_zz_split_place)."""
        places = self.env["crm.zz.district"].search_fetch(
            [], ["name", "short_name", "code", "stat_code", "kind"]
        )
        zones = places.filtered(lambda place: place.kind == "zone")
        parks = self.env["crm.zz.park"].search_fetch([], ["name"])
        return [
            Column(
                district,
                "所属区县",
                ("District", "区县", "行政区", "区域", "所在区县", "区", "县区", "所属区域"),
                kind="place",
                choices=_place_index(places - zones, zones),
            ),
            Column(
                zone,
                "功能区",
                ("Functional Zone", "Zone", "开发区", "所属功能区", "所在功能区"),
                kind="place",
                choices=_place_index(zones),
            ),
            Column(
                park,
                "产业园区",
                ("Industry Park", "Park", "园区", "所属园区", "所在园区", "产业园"),
                kind="choice",
                choices=import_parser.build_choices(
                    [(alias, p.id) for p in parks for alias in places_tool.park_aliases(p.name)],
                    strong=[(p.name, p.id) for p in parks],
                ),
            ),
        ]

    def _zz_split_place(self, vals, district="zz_district_id", zone="zz_zone_id"):
        """A zone written in the district column (its id negated there, see
        _place_index) goes to the zone field."""
        place = vals.get(district)
        if place and place < 0:
            vals[district] = False
            if not vals.get(zone):
                vals[zone] = -place
        return vals

    def _zz_industry_column(self, field="industry_id", create=False):
        """Industry, by its name in the user's language or in English, its full
        name, a common synonym (制造业, 信息技术, 物流) or a close match; with
        ``create``, an industry matching none is created."""
        industries = self.env["res.partner.industry"].search_fetch([], ["name", "full_name"])
        english = industries.with_context(lang="en_US")
        names = [(i.name, i.id) for i in industries] + [(i.name, i.id) for i in english]
        return Column(
            field,
            "行业",
            ("Industry", "所属行业", "行业类别", "行业分类", "所在行业"),
            kind="choice",
            choices=import_parser.build_choices(
                industry.synonym_pairs({i.name: i.id for i in english}, import_parser.choice_key)
                + [(i.full_name, i.id) for i in industries if i.full_name],
                strong=names,
            ),
            matcher=lambda text, choices: _close_or_new(text, choices, create),
        )

    def _zz_salesperson_column(self, field="user_id"):
        """Salesperson, by name or login; two users of one name are ambiguous."""
        users = self.env["res.users"].search_fetch([("share", "=", False)], ["name", "login"])
        return Column(
            field,
            "销售员",
            (
                "Salesperson",
                "负责人",
                "业务员",
                "客户经理",
                "销售",
                "销售人员",
                "跟进人",
                "归属人",
                "所属销售",
                "Owner",
            ),
            kind="choice",
            choices=import_parser.build_choices(
                [(u.name, u.id) for u in users], strong=[(u.login, u.id) for u in users]
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
        """Dry run: read, merge, match and check everything, write nothing."""
        self.ensure_one()
        started = time.monotonic()
        result = self._zz_parse()
        matches = self._zz_import_match(result.rows)
        refused = self._zz_import_refuse(result.rows, matches)
        self._zz_show_result(result, matches, refused, started, "preview")
        return self._zz_reopen()

    def action_import(self):
        """Import the file: here if it is small, else as a background job."""
        self.ensure_one()
        self._zz_check_file()
        if self._zz_is_large():
            self.job_id = self.env["crm.zz.import.job"]._zz_start(self)
            self.state = "queued"
            return self._zz_reopen()
        started = time.monotonic()
        result = self._zz_parse()
        matches, refused, write_errors = self._zz_import_rows(result)
        self._zz_show_result(result, matches, refused + write_errors, started, "done")
        return self._zz_reopen()

    def _zz_background_rows(self):
        """Rows above which a file is imported in the background (Settings:
        system parameter crm_zz_customer.import_background_rows)."""
        # sudo: a technical setting every importing user follows
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("crm_zz_customer.import_background_rows", BACKGROUND_ROWS)
        )
        try:
            return max(int(value), 0)
        except ValueError:
            return BACKGROUND_ROWS

    def _zz_is_large(self):
        content = base64.b64decode(self.file)
        if len(content) > BACKGROUND_BYTES:
            return True
        limit = self._zz_background_rows()
        return self._zz_count_rows(content, limit) > limit

    def _zz_count_rows(self, content, limit):
        """Data rows of the file up to ``limit`` + 1, read without checking them."""
        try:
            sheet = import_parser.read_sheet(
                content, self._zz_import_columns(), filename=self.filename or "file"
            )
            count = 0
            for _row in sheet.rows:
                count += 1
                if count > limit:
                    break
            return count
        except import_parser.ImportFileError as err:
            raise UserError(self._zz_file_error_message(err)) from err

    def _zz_import_rows(self, result, start=0, stop=None):
        """Write the valid rows result.rows[start:stop]: (matches, refused
        [CellError], write errors [CellError]). In "all or nothing" a refused
        row raises UserError and nothing is written."""
        rows = result.rows[start:stop]
        matches = self._zz_import_match(rows)
        if self.mode != "all" or not result.errors:
            self._zz_create_new_names(rows)
        refused = self._zz_import_refuse(rows, matches)
        if self.mode == "all":
            if result.errors or refused:
                raise UserError(self._zz_errors_text(result.errors + refused))
            try:
                with self.env.cr.savepoint():
                    write_errors = self._zz_write(rows, matches)
                    if write_errors:
                        raise _RefusedRows(write_errors)
            except _RefusedRows as refused_rows:
                # the savepoint has undone the rows already written
                raise UserError(self._zz_errors_text(refused_rows.errors)) from None
            return matches, refused, []
        refused_rows = {error.row for error in refused}
        rows = [(row, values) for row, values in rows if row not in refused_rows]
        return matches, refused, self._zz_write(rows, matches)

    # Workers

    def _zz_check_file(self):
        if not self.file:
            raise UserError(self.env._("Choose an Excel file (.xlsx) to import."))

    def _zz_parse(self, content=None):
        """The whole file read, checked and merged (import_parser.parse), file
        errors as translated UserErrors; the columns the user mapped count,
        and the columns no header matched are listed for mapping."""
        self._zz_check_file()
        self._zz_remember_mapping()
        try:
            result = import_parser.parse(
                content or base64.b64decode(self.file),
                self._zz_columns(),
                filename=self.filename or "file",
                merge_key=self._zz_import_merge_key,
            )
        except import_parser.ImportFileError as err:
            raise UserError(self._zz_file_error_message(err)) from err
        self._zz_list_columns(result)
        self._zz_note_new_names(result)
        return result

    # Values to create (tags, industries), where the user asked for it

    def _zz_note_new_names(self, result):
        """A warning for each value that will be created, so that the preview
        says it."""
        headers = {column.field: column.header for column in self._zz_import_columns()}
        for row, values in result.rows:
            for name, value in values.items():
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, import_parser.NewName):
                        result.warnings.append(
                            import_parser.CellError(
                                row, headers.get(name, name), str(item), "will_create", {}, True
                            )
                        )

    def _zz_create_new_names(self, rows):
        """Create the records the rows name by a NewName (one per field and
        name) and put their ids in the rows' values."""
        Model = self._zz_import_model()
        wanted = {}
        for _row, values in rows:
            for name, value in values.items():
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, import_parser.NewName):
                        wanted.setdefault(name, {})[str(item)] = None
        for name, texts in wanted.items():
            Comodel = self.env[Model._fields[name].comodel_name]
            if not Comodel.has_access("create") and Comodel.search_count(
                [("name", "in", list(texts))]
            ) != len(texts):
                raise UserError(
                    self.env._(
                        "You may not create %(what)s: untick the option, or ask a manager "
                        "to create %(names)s first.",
                        what=Comodel._description,
                        names="、".join(texts),
                    )
                )
            # a name created by an earlier chunk of a background import is reused
            known = {
                r.name: r.id for r in Comodel.search_fetch([("name", "in", list(texts))], ["name"])
            }
            missing = [text for text in texts if text not in known]
            records = Comodel.create([{"name": text} for text in missing])
            known.update(zip(missing, records.ids, strict=True))
            wanted[name] = known
        if not wanted:
            return
        for _row, values in rows:
            for name, ids in wanted.items():
                value = values.get(name)
                if isinstance(value, list):
                    values[name] = [
                        ids[str(v)] if isinstance(v, import_parser.NewName) else v for v in value
                    ]
                elif isinstance(value, import_parser.NewName):
                    values[name] = ids[str(value)]

    # Mapping of the columns no header matched

    def _zz_mapping(self):
        """{header: field name} the users mapped for the imported model
        (base_import.mapping, Odoo's memory of import mappings)."""
        Model = self._zz_import_model()
        mappings = self.env["base_import.mapping"].search_fetch(
            [("res_model", "=", Model._name)], ["column_name", "field_name"]
        )
        Column = self.env["crm.zz.import.column"]
        return {
            m.column_name: m.field_name
            for m in mappings
            if m.column_name and Column._zz_importable(Model, m.field_name)
        }

    def _zz_remember_mapping(self):
        """Keep the user's choices of the column lines in base_import.mapping:
        a field for a header, or no field (forget it)."""
        if not self.column_ids:
            return
        Mapping = self.env["base_import.mapping"]
        target = self._zz_import_model()._name
        headers = self.column_ids.mapped("header")
        Mapping.search([("res_model", "=", target), ("column_name", "in", headers)]).unlink()
        Mapping.create(
            [
                {"res_model": target, "column_name": line.header, "field_name": line.field_name}
                for line in self.column_ids
                if line.field_name
            ]
        )

    def _zz_columns(self):
        """The importer's columns and the columns the users mapped: a header
        mapped to one of its fields becomes one more alias of that column,
        one mapped to another field a column converted by the field's type."""
        columns = list(self._zz_import_columns())
        by_field = {column.field: index for index, column in enumerate(columns)}
        Model = self._zz_import_model()
        for header, name in self._zz_mapping().items():
            if name in by_field:
                column = columns[by_field[name]]
                columns[by_field[name]] = dataclasses.replace(
                    column, aliases=(*column.aliases, header)
                )
                continue
            column = self._zz_field_column(Model._fields[name], header)
            if column:
                by_field[name] = len(columns)
                columns.append(column)
        return columns

    def _zz_field_column(self, field, header):
        """A Column for any stored field, converted by its type; None for a
        type the import does not convert."""
        kinds = {
            "char": "char",
            "text": "char",
            "integer": "integer",
            "float": "number",
            "monetary": "number",
            "date": "date",
            "datetime": "date",
            "boolean": "boolean",
        }
        if field.type in kinds:
            return Column(field.name, header, (), kind=kinds[field.type], size=field.size or 0)
        if field.type == "selection":
            selection = field._description_selection(self.env)
            english = field._description_selection(self.with_context(lang="en_US").env)
            return Column(
                field.name,
                header,
                (),
                kind="choice",
                choices=import_parser.build_choices(
                    [(label, value) for value, label in selection + english],
                    strong=[(value, value) for value, _label in selection],
                ),
            )
        if field.type == "many2one":
            records = self.env[field.comodel_name].search_fetch([], ["display_name"], limit=20000)
            return Column(
                field.name,
                header,
                (),
                kind="choice",
                choices=import_parser.build_choices((r.display_name, r.id) for r in records),
            )
        return None

    def _zz_list_columns(self, result):
        """One line per column no header matched (to map or ignore), and per
        header the users mapped before (to see or undo it)."""
        mapping = self._zz_mapping()
        lines = [(position, header, False) for position, header in result.ignored]
        lines += [
            (result.positions[name], header, name)
            for header, name in mapping.items()
            if name in result.positions
        ]
        self.column_ids.unlink()
        self.column_ids = [
            Command.create(
                {
                    "res_model": self._name,
                    "position": position,
                    "header": header,
                    "field_name": name,
                }
            )
            for position, header, name in sorted(lines, key=lambda line: line[0])
        ]

    def _zz_model(self):
        return self._zz_import_model().with_context(**IMPORT_CONTEXT)

    def _zz_write(self, rows, matches):
        """Update the matched rows, create the others, BATCH_SIZE at a time
        through write() and create(); [CellError] of refused rows (a refused
        batch is written again row by row to tell which)."""
        Model = self._zz_model()
        errors = []
        values_by_row = dict(rows)
        updates = [
            (row, Model.browse(matches[row]), self._zz_import_update_vals(values))
            for row, values in rows
            if row in matches
        ]
        written = {}
        for start in range(0, len(updates), BATCH_SIZE):
            batch = updates[start : start + BATCH_SIZE]
            try:
                with self.env.cr.savepoint():
                    for _row, record, vals in batch:
                        record.write(vals)
                    self.env.flush_all()
                written.update((row, record) for row, record, _vals in batch)
            except WRITE_ERRORS:
                for row, record, vals in batch:
                    row_errors = self._zz_write_one(row, lambda r=record, v=vals: r.write(v))
                    errors += row_errors
                    if not row_errors:
                        written[row] = record
        to_create = [(row, values) for row, values in rows if row not in matches]
        defaults = None
        for start in range(0, len(to_create), BATCH_SIZE):
            batch = to_create[start : start + BATCH_SIZE]
            vals_list = [self._zz_import_create_vals(values) for _row, values in batch]
            if defaults is None:
                defaults = self._zz_batch_defaults(Model, vals_list)
            vals_list = [{**defaults, **vals} for vals in vals_list]
            try:
                with self.env.cr.savepoint():
                    records = Model.create(vals_list)
                    self.env.flush_all()
                written.update(zip([row for row, _v in batch], records, strict=True))
            except WRITE_ERRORS:
                for (row, _values), vals in zip(batch, vals_list, strict=True):
                    created = []
                    row_errors = self._zz_write_one(
                        row, lambda v=vals, c=created: c.append(Model.create(v))
                    )
                    errors += row_errors
                    if created:
                        written[row] = created[0]
        if written:
            self._zz_import_written(written, values_by_row)
            self.env.flush_all()
        return errors

    def _zz_batch_defaults(self, Model, vals_list):
        """The default values of the fields no row gives, computed once for
        the batch: create() would ask default_get for each record. x2many
        defaults are left to create(), which turns them into commands."""
        given = set().union(*vals_list)
        names = [
            name
            for name, field in Model._fields.items()
            if name not in given and field.type not in ("one2many", "many2many")
        ]
        return Model.default_get(names)

    def _zz_write_one(self, row, write):
        try:
            with self.env.cr.savepoint():
                write()
                self.env.flush_all()
        except WRITE_ERRORS as err:
            message = err.args[0] if isinstance(err, UserError | ValidationError) else str(err)
            return [import_parser.CellError(row, "-", None, "write", {"message": message})]
        return []

    # What the user sees

    def _zz_show_result(self, result, matches, refused, started, state):
        errors = sorted(result.errors + refused, key=lambda e: e.row)
        refused_rows = {error.row for error in errors}
        valid = [row for row, _values in result.rows if row not in refused_rows]
        vals = {
            "state": state,
            "row_count": result.total,
            "create_count": sum(1 for row in valid if row not in matches),
            "update_count": sum(1 for row in valid if row in matches),
            "error_count": len(refused_rows),
            "warning_count": len(result.warnings),
            "merged_count": len(result.merged),
            "errors_html": self._zz_issues_html(
                errors, result.warnings, result.merged, [h for _p, h in result.ignored]
            ),
            "error_report": False,
            "error_report_name": False,
            "duration": time.monotonic() - started,
        }
        report = self._zz_error_report(errors, result.warnings, result.merged)
        if report:
            stem = (self.filename or "import").rsplit(".", 1)[0]
            vals["error_report"] = base64.b64encode(report)
            vals["error_report_name"] = self.env._("%(name)s-errors.xlsx", name=stem)
        self.write(vals)
        _logger.info(
            "%s %s: %s rows, %s refused, %s warnings, %.2fs",
            self._name,
            state,
            result.total,
            len(refused_rows),
            len(result.warnings),
            vals["duration"],
        )

    def _zz_issue_lines(self, errors, warnings, merged):
        """[(row, column, value, kind, message)] of everything to report."""
        lines = [
            (e.row, e.column, e.value, self.env._("Refused"), self._zz_cell_message(e))
            for e in errors
        ]
        lines += [
            (w.row, w.column, w.value, self.env._("Warning"), self._zz_cell_message(w))
            for w in warnings
        ]
        lines += [
            (
                row,
                "-",
                None,
                self.env._("Merged"),
                self.env._("The same company as row %(row)s: merged into it.", row=into),
            )
            for row, into in merged.items()
        ]
        return sorted(lines, key=lambda line: line[0])

    def _zz_error_report(self, errors, warnings, merged):
        lines = self._zz_issue_lines(errors, warnings, merged)
        if not lines:
            return False
        return import_parser.write_xlsx(
            [
                self.env._("Row"),
                self.env._("Column"),
                self.env._("Value"),
                self.env._("Kind"),
                self.env._("Message"),
            ],
            [
                [row, column, _cell_text(value), kind, msg]
                for row, column, value, kind, msg in lines
            ],
            sheet_name=self.env._("Errors"),
            widths={4: 60},
        )

    def _zz_issues_html(self, errors, warnings, merged, ignored=()):
        lines = self._zz_issue_lines(errors, warnings, merged)
        ignored_html = Markup("")
        if ignored:
            ignored_html = Markup('<p class="text-warning">%s</p>') % self.env._(
                "Columns ignored (map them below to import them): %(columns)s",
                columns="、".join(ignored),
            )
        if not lines:
            return ignored_html or False
        head = Markup("").join(
            Markup("<th>%s</th>") % label
            for label in (
                self.env._("Row"),
                self.env._("Column"),
                self.env._("Value"),
                self.env._("Kind"),
                self.env._("Message"),
            )
        )
        body = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (row, column, _cell_text(value), kind, message)
            for row, column, value, kind, message in lines[:PREVIEW_LINES]
        )
        more = ""
        if len(lines) > PREVIEW_LINES:
            more = Markup("<p>%s</p>") % self.env._(
                "%(count)s more lines are in the error report.",
                count=len(lines) - PREVIEW_LINES,
            )
        return (
            ignored_html
            + Markup('<table class="table table-sm o_zz_import_errors"><thead><tr>%s</tr></thead>')
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
            "ambiguous": lambda: self.env._(
                "Several records of %(column)s have this name: left empty, choose one by hand.",
                column=error.column,
            ),
            "invalid_email": lambda: self.env._("Not an email address."),
            "will_create": lambda: self.env._(
                "Not known yet: it will be created (as you asked) when importing."
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
            "owner_cap": lambda: self.env._(
                "%(user)s would hold more than %(cap)s customers (the limit in Settings): "
                "the row is not imported; give it to another salesperson.",
                user=params.get("user"),
                cap=params.get("cap"),
            ),
            "write": lambda: self.env._("Refused: %(message)s", message=params.get("message")),
        }
        message = messages[error.code]() if error.code in messages else error.message
        if error.warning and error.code != "will_create":
            message = self.env._("%(message)s The value is left empty.", message=message)
        return message

    def _zz_file_error_message(self, err):
        params = err.params
        messages = {
            "not_xlsx": lambda: self.env._(
                "%(filename)s is neither an Excel .xlsx file nor a CSV file: save it as "
                "Excel Workbook (.xlsx) and upload it again.",
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
            # hostile or oversized files (tools/import_errors.py)
            "too_large": lambda: self.env._(
                "%(filename)s: %(part)s holds %(size)s bytes, more than the %(limit)s an import "
                "reads; the file is refused.",
                filename=params.get("filename"),
                part=params.get("part"),
                size=params.get("size"),
                limit=params.get("limit"),
            ),
            "compression_ratio": lambda: self.env._(
                "%(filename)s: %(part)s inflates %(ratio)s times, more than the %(limit)s times "
                "of a real workbook; the file is refused.",
                filename=params.get("filename"),
                part=params.get("part"),
                ratio=params.get("ratio"),
                limit=params.get("limit"),
            ),
            "too_many_columns": lambda: self.env._(
                "%(filename)s: row %(row)s has more than %(limit)s columns; the file is refused.",
                filename=params.get("filename"),
                row=params.get("row"),
                limit=params.get("limit"),
            ),
            "row_too_large": lambda: self.env._(
                "%(filename)s: row %(row)s takes more than %(limit)s bytes; the file is refused.",
                filename=params.get("filename"),
                row=params.get("row"),
                limit=params.get("limit"),
            ),
            "shared_strings": lambda: self.env._(
                "%(filename)s: the workbook's texts exceed %(limit)s (%(what)s); split the file.",
                filename=params.get("filename"),
                limit=params.get("limit"),
                what=self.env._("texts")
                if params.get("what") == "count"
                else self.env._("characters"),
            ),
            "parse_budget": lambda: self.env._(
                "%(filename)s: reading stopped at row %(row)s, the file needs more than "
                "%(limit)s %(budget)s to read; split the file.",
                filename=params.get("filename"),
                row=params.get("row"),
                limit=params.get("limit"),
                budget=self.env._("seconds")
                if params.get("budget") == "seconds"
                else self.env._("bytes"),
            ),
            "unsafe_xml": lambda: self.env._(
                "%(filename)s: %(part)s declares a DOCTYPE, which no spreadsheet writes; "
                "the file is refused.",
                filename=params.get("filename"),
                part=params.get("part"),
            ),
            "encoding": lambda: self.env._(
                "%(filename)s: row %(row)s is not valid %(encoding)s text; save the file as "
                "CSV UTF-8 and upload it again.",
                filename=params.get("filename"),
                row=params.get("row"),
                encoding=params.get("encoding"),
            ),
            "bad_csv": lambda: self.env._(
                "%(filename)s: row %(row)s cannot be read as CSV (%(reason)s).",
                filename=params.get("filename"),
                row=params.get("row"),
                reason=params.get("reason"),
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
            "context": {"zz_import_model": self._zz_import_model()._name},
        }


class _RefusedRows(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _close_or_new(text, choices, create):
    """The industry closest to ``text``; else a NewName when asked to create."""
    try:
        return industry.close_match(text, choices, import_parser.choice_key)
    except KeyError:
        if create:
            return import_parser.NewName(text)
        raise


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _place_index(places, zones=None):
    """How people write these places -> id. ``zones`` written in the same
    column (the district column) come out as their id negated, so that the
    importer puts them into the zone field; a district's own names first."""
    index = places_tool.build_index(
        places_tool.Place(-p.id, p.name, p.short_name or "", p.code or "", p.stat_code or "")
        for p in zones or ()
    )
    index.update(
        places_tool.build_index(
            places_tool.Place(p.id, p.name, p.short_name or "", p.code or "", p.stat_code or "")
            for p in places
        )
    )
    return index
