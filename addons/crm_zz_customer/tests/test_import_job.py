# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import CrmZzCustomerCommon


class KilledWorker(Exception):
    """A cron worker killed in the middle of a chunk: its transaction is lost."""


@tagged("at_install", "-post_install")
class TestImportJob(CrmZzCustomerCommon):
    """A file too large for one request is imported by a background job, chunk
    by chunk, each chunk committed with the job's progress: the user follows
    it, gets a message at the end, and a worker killed half-way loses nothing
    and writes nothing twice."""

    ROWS = 23

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("crm_zz_customer.import_background_rows", "10")
        params.set_param("crm_zz_customer.import_chunk_rows", "10")
        workbook = openpyxl.Workbook()
        workbook.active.append(["客户名称", "手机", "所属区县"])
        cls.names = [f"郑州后台{index:03d}有限公司" for index in range(cls.ROWS)]
        for index, name in enumerate(cls.names):
            workbook.active.append([name, f"138037190{index:02d}", "金水区"])
        workbook.active.append(["郑州后台坏号有限公司", "12345", "金水区"])  # refused
        output = io.BytesIO()
        workbook.save(output)
        cls.content = output.getvalue()
        cls.cron = cls.env.ref("crm_zz_customer.ir_cron_zz_import_job")

    def _start(self):
        Wizard = self.env["crm.zz.partner.import"].with_user(self.salesman)
        with Form(Wizard.with_context(default_filename="大文件.xlsx")) as form:
            form.file = base64.b64encode(self.content)
        wizard = form.record
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)])
        wizard.action_import()
        self.assertEqual(wizard.state, "queued")
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)]),
            triggers + 1,
        )
        return wizard.job_id

    def _imported(self):
        return self.env["res.partner"].search([("name", "like", "郑州后台%")])

    def test_a_large_file_runs_in_chunks_and_every_row_lands_once(self):
        job = self._start()
        self.assertEqual((job.state, job.user_id), ("queued", self.salesman))
        self.assertFalse(self._imported())
        Job = self.env["crm.zz.import.job"]
        Job._cron_zz_run_jobs()  # the plan: the file read and checked
        self.assertEqual(job.state, "running")
        self.assertEqual((job.row_count, job.todo_count, job.error_count), (24, 23, 1))
        Job._cron_zz_run_jobs()  # the first chunk
        self.assertEqual(job.done_count, 10)
        self.assertEqual(len(self._imported()), 10)
        self.assertAlmostEqual(job.progress, 100.0 * 10 / 23, places=1)
        # the worker is killed in the middle of the second chunk
        with self.assertRaises(KilledWorker), self.env.cr.savepoint():
            Job._cron_zz_run_jobs()
            self.assertEqual(len(self._imported()), 20)
            raise KilledWorker()
        self.env.invalidate_all()
        self.assertEqual(job.done_count, 10)
        self.assertEqual(len(self._imported()), 10)
        # run again until done
        Job._cron_zz_run_jobs()
        Job._cron_zz_run_jobs()
        self.assertEqual(job.state, "done")
        imported = self._imported()
        self.assertEqual(sorted(imported.mapped("name")), self.names)
        self.assertEqual((job.create_count, job.update_count, job.error_count), (self.ROWS, 0, 1))
        self.assertEqual(set(imported.mapped("user_id")), {self.salesman})
        self.assertEqual(
            set(imported.mapped("zz_district_id")),
            {self.env.ref("crm_zz_customer.district_410105")},
        )
        # the error report names the refused row; the plan is gone
        self.assertTrue(job.error_report_id)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", job._name), ("res_id", "=", job.id)]
        )
        self.assertFalse(attachments.filtered(lambda a: a.name.startswith("plan-")))
        # the user is told
        message = job.message_ids.filtered(lambda m: self.salesman.partner_id in m.partner_ids)
        self.assertTrue(message)
        self.assertIn("23", message[0].body)

    def test_a_job_is_seen_by_its_user_and_managers_only(self):
        job = self._start()
        self.assertEqual(job.with_user(self.salesman).read(["state"])[0]["state"], "queued")
        self.assertIn(job, self.env["crm.zz.import.job"].with_user(self.sales_manager).search([]))
        self.assertNotIn(job, self.env["crm.zz.import.job"].with_user(self.salesman_2).search([]))
        with self.assertRaises(AccessError):
            job.with_user(self.salesman_2).read(["state"])

    def test_a_small_file_is_imported_in_the_request(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_zz_customer.import_background_rows", "100"
        )
        Wizard = self.env["crm.zz.partner.import"].with_user(self.salesman)
        with Form(Wizard.with_context(default_filename="小文件.xlsx")) as form:
            form.file = base64.b64encode(self.content)
        wizard = form.record
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.job_id.id), ("done", False))
        self.assertEqual(len(self._imported()), self.ROWS)
