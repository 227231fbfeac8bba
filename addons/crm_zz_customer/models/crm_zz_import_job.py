# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import import_parser

_logger = logging.getLogger(__name__)

# valid rows written per run of the job: one transaction, committed by the
# cron worker once the run returns (ir.cron calls it again while rows remain)
CHUNK_ROWS = 5000


class CrmZzImportJob(models.Model):
    """An import too large for one request, run by a cron worker in chunks.

    The first run reads and checks the whole file and keeps the valid rows,
    merged, as a plan of chunks (JSON attachments); each run after it writes
    one chunk through the importer and moves ``done_count`` on in the same
    transaction: a run killed half-way is undone with its chunk and the next
    run starts from the same row, so that every row is written exactly once.
    """

    _name = "crm.zz.import.job"
    _description = "Background Import"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(string="File", required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Imported By", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    res_model = fields.Char(string="Importer", required=True, readonly=True)
    options = fields.Json(readonly=True)
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        required=True,
        default="queued",
        readonly=True,
        tracking=True,
    )
    file_id = fields.Many2one("ir.attachment", string="Uploaded File", readonly=True)
    chunk_count = fields.Integer(readonly=True)
    chunk_rows = fields.Integer(readonly=True, default=CHUNK_ROWS)
    row_count = fields.Integer(string="Rows Read", readonly=True)
    todo_count = fields.Integer(string="Rows to Write", readonly=True)
    done_count = fields.Integer(string="Rows Written", readonly=True)
    create_count = fields.Integer(string="Created", readonly=True)
    update_count = fields.Integer(string="Updated", readonly=True)
    error_count = fields.Integer(string="Rows Refused", readonly=True)
    warning_count = fields.Integer(string="Warnings", readonly=True)
    merged_count = fields.Integer(string="Rows Merged", readonly=True)
    progress = fields.Float(compute="_compute_progress", digits=(16, 1))
    issues = fields.Json(readonly=True, copy=False)
    error_report_id = fields.Many2one("ir.attachment", string="Errors", readonly=True)
    message = fields.Text(readonly=True)
    date_done = fields.Datetime(string="Finished", readonly=True)

    @api.depends("done_count", "todo_count", "state")
    def _compute_progress(self):
        for job in self:
            if job.state == "done":
                job.progress = 100.0
            elif job.todo_count:
                job.progress = 100.0 * job.done_count / job.todo_count
            else:
                job.progress = 0.0

    @api.model
    def _zz_chunk_rows(self):
        """Rows written per run (system parameter crm_zz_customer.import_chunk_rows)."""
        # sudo: a technical setting
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("crm_zz_customer.import_chunk_rows", CHUNK_ROWS)
        )
        try:
            return max(int(value), 1)
        except ValueError:
            return CHUNK_ROWS

    # Start

    @api.model
    def _zz_start(self, importer):
        """A job for the importer's file, queued and the cron worker woken up."""
        job = self.create(
            {
                "name": importer.filename or "import.xlsx",
                "user_id": self.env.uid,
                "res_model": importer._name,
                "options": importer._zz_import_job_vals(),
            }
        )
        job.file_id = self.env["ir.attachment"].create(
            {
                "name": job.name,
                "datas": importer.file,
                "res_model": self._name,
                "res_id": job.id,
            }
        )
        # sudo: waking the import cron up is what any importing user may ask for
        self.env.ref("crm_zz_customer.ir_cron_zz_import_job").sudo()._trigger()
        return job

    def action_open_report(self):
        self.ensure_one()
        if not self.error_report_id:
            raise UserError(self.env._("This import has no error report."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.error_report_id.id}?download=true",
            "target": "download",
        }

    # Run

    def _zz_importer(self):
        """The importer as the user who started the job, in their language."""
        self.ensure_one()
        user = self.user_id
        env = self.with_user(user).with_context(lang=user.lang, tz=user.tz).env
        # sudo: the cron reads the file its user uploaded (the attachment is the job's)
        content = self.file_id.sudo().datas
        importer = env[self.res_model].create(
            dict(self.options or {}, file=content, filename=self.name)
        )
        return importer

    def _zz_run_step(self):
        """One step: the plan on the first run, then one chunk. Returns the
        number of rows written (or 1 for the plan)."""
        self.ensure_one()
        importer = self._zz_importer()
        if self.state == "queued":
            return self._zz_plan(importer)
        return self._zz_write_chunk(importer)

    def _zz_plan(self, importer):
        try:
            result = importer._zz_parse()
        except UserError as err:
            self._zz_finish(importer, "failed", err.args[0])
            return 1
        errors, warnings = result.errors, result.warnings
        if importer.mode == "all" and errors:
            self._zz_finish(importer, "failed", importer._zz_errors_text(errors))
            return 1
        Attachment = self.env["ir.attachment"]
        size = self._zz_chunk_rows()
        chunks = [result.rows[start : start + size] for start in range(0, len(result.rows), size)]
        Attachment.create(
            [
                {
                    "name": f"plan-{index:05d}.json",
                    "raw": import_parser.rows_to_json(rows).encode(),
                    "mimetype": "application/json",
                    "res_model": self._name,
                    "res_id": self.id,
                }
                for index, rows in enumerate(chunks)
            ]
        )
        merged = [[row, into] for row, into in result.merged.items()]
        self.write(
            {
                "state": "running",
                "chunk_count": len(chunks),
                "chunk_rows": size,
                "row_count": result.total,
                "todo_count": len(result.rows),
                "error_count": result.error_rows,
                "warning_count": len(warnings),
                "merged_count": len(merged),
                "issues": {
                    "errors": import_parser.errors_to_json(errors),
                    "warnings": import_parser.errors_to_json(warnings),
                    "merged": merged,
                },
            }
        )
        if not chunks:
            self._zz_finish(importer, "done")
        return 1

    def _zz_write_chunk(self, importer):
        index = self.done_count // self.chunk_rows
        plan = self.env["ir.attachment"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", self.id),
                ("name", "=", f"plan-{index:05d}.json"),
            ],
            limit=1,
        )
        rows = import_parser.rows_from_json(plan.raw.decode()) if plan else []
        # the rows of the chunk not written yet (a chunk is written whole)
        rows = rows[self.done_count - index * self.chunk_rows :]
        chunk = import_parser.ParseResult(0, rows, [], total=len(rows))
        # in a job, "all or nothing" checked every row before the first chunk
        importer.mode = "valid"
        matches, refused, write_errors = importer._zz_import_rows(chunk)
        refused_rows = {error.row for error in refused + write_errors}
        issues = dict(self.issues or {})
        issues["errors"] = issues.get("errors", []) + import_parser.errors_to_json(
            refused + write_errors
        )
        done = self.done_count + len(rows)
        self.write(
            {
                "done_count": done,
                "create_count": self.create_count
                + sum(1 for row, _v in rows if row not in matches and row not in refused_rows),
                "update_count": self.update_count
                + sum(1 for row, _v in rows if row in matches and row not in refused_rows),
                "error_count": self.error_count + len(refused_rows),
                "issues": issues,
            }
        )
        if done >= self.todo_count:
            self._zz_finish(importer)
        return max(len(rows), 1)

    def _zz_finish(self, importer, state="done", message=None):
        """Error report, state and a message to the user who started it."""
        issues = self.issues or {}
        errors = import_parser.errors_from_json(issues.get("errors", []))
        warnings = import_parser.errors_from_json(issues.get("warnings", []))
        merged = {row: into for row, into in issues.get("merged", [])}
        report = importer._zz_error_report(errors, warnings, merged)
        vals = {"state": state, "date_done": fields.Datetime.now(), "message": message or False}
        if report:
            stem = self.name.rsplit(".", 1)[0]
            vals["error_report_id"] = (
                self.env["ir.attachment"]
                .create(
                    {
                        "name": importer.env._("%(name)s-errors.xlsx", name=stem),
                        "raw": report,
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                )
                .id
            )
        self.write(vals)
        # the plan is no longer needed
        self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "=", self.id), ("name", "=like", "plan-%")]
        ).unlink()
        env = importer.env
        if state == "done":
            body = env._(
                "Import of %(file)s finished: %(created)s created, %(updated)s updated, "
                "%(refused)s rows refused, %(warnings)s warnings.",
                file=self.name,
                created=self.create_count,
                updated=self.update_count,
                refused=self.error_count,
                warnings=self.warning_count,
            )
        else:
            body = env._(
                "Import of %(file)s stopped: %(message)s Rows written: %(done)s.",
                file=self.name,
                message=message,
                done=self.done_count,
            )
        self.message_post(
            body=Markup("<p>%s</p>") % body,
            partner_ids=self.user_id.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        self.user_id._bus_send(
            "simple_notification",
            {
                "type": "success" if state == "done" else "danger",
                "title": env._("Import"),
                "message": body,
                "sticky": True,
            },
        )

    @api.model
    def _cron_zz_run_jobs(self):
        """Run one step of the oldest unfinished import and tell ir.cron how
        many rows remain: it commits, then calls again while some do. A step
        that fails on an error (not a killed worker) fails the job, which
        keeps the chunks written before and says so to its user."""
        job = self.search([("state", "in", ("queued", "running"))], order="id", limit=1)
        if not job:
            return
        try:
            with self.env.cr.savepoint():
                done = job._zz_run_step()
        except Exception as err:  # any error of a step fails its job alone
            _logger.exception("Import job %s failed", job.id)
            job._zz_finish(
                job._zz_importer(),
                "failed",
                self.env._(
                    "%(error)s (rows written before: %(done)s).", error=err, done=job.done_count
                ),
            )
            done = 1
        remaining = sum(
            j.todo_count - j.done_count + (1 if j.state == "queued" else 0)
            for j in self.search([("state", "in", ("queued", "running"))])
        )
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
