# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import code_translations


@tagged("post_install", "-at_install")
class TestHelpdeskMgmtChinese(TransactionCase):
    """helpdesk_mgmt ships no Chinese: the service screens (menus, field labels,
    stages, buttons) still show in Chinese because crm_zz_service loads its own
    translation of helpdesk_mgmt whenever Chinese is loaded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        # What installing or updating Chinese does for every module.
        cls.env["ir.module.module"]._load_module_terms(["helpdesk_mgmt"], ["zh_CN"], overwrite=True)
        cls.env_zh = cls.env(context=dict(cls.env.context, lang="zh_CN"))

    def test_menu_and_stage_names(self):
        self.assertEqual(self.env_zh.ref("helpdesk_mgmt.helpdesk_ticket_main_menu").name, "服务台")
        self.assertEqual(self.env_zh.ref("helpdesk_mgmt.helpdesk_ticket_menu").name, "工单")
        stage = self.env_zh.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        self.assertEqual(stage.name, "处理中")

    def test_ticket_fields_and_form(self):
        Ticket = self.env_zh["helpdesk.ticket"]
        fields = Ticket.fields_get(["stage_id", "priority", "user_id"])
        self.assertEqual(fields["stage_id"]["string"], "阶段")
        self.assertEqual(fields["user_id"]["string"], "负责人")
        self.assertIn(["3", "非常高"], [list(item) for item in fields["priority"]["selection"]])
        arch = Ticket.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("分派给我", arch)
        self.assertIn("回访完成", arch, "and crm_zz_service's own button")

    def test_terms_of_the_web_client(self):
        """The web client's strings come from crm_zz_service/i18n_extra, served by
        ir.http in this database; helpdesk_mgmt's Python messages stay English
        (Odoo reads them through a process-wide cache without a hook)."""
        translations, _params = self.env["ir.http"].get_translations_for_webclient(
            ["helpdesk_mgmt"], "zh_CN"
        )
        self.assertIn(
            "所选文件（%sB）超过允许的最大文件大小（%sB）。",
            [message["string"] for message in translations["helpdesk_mgmt"]["messages"]],
        )
        python = code_translations.get_python_translations("helpdesk_mgmt", "zh_CN")
        self.assertNotIn("Open Tickets", python, "no process-wide patch")
