# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every group reads every field of every record it may see.

"Export all", the external API and every integration read records with no field
list: one computed field that reads another model without access breaks them all
for that group. The models are those the ZZ CRM modules add or extend, found in
``ir.model.data`` (so models added later are covered without touching this file);
the groups are those the suite defines or relies on.
"""

import logging

from odoo import Command, fields
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)

# the groups the suite relies on, besides those its own modules define
GROUPS = (
    "base.group_user",
    "sales_team.group_sale_salesman",
    "sales_team.group_sale_salesman_all_leads",
    "sales_team.group_sale_manager",
    "helpdesk_mgmt.group_helpdesk_user_own",
    "helpdesk_mgmt.group_helpdesk_user_team",
    "helpdesk_mgmt.group_helpdesk_user",
    "helpdesk_mgmt.group_helpdesk_manager",
    "survey.group_survey_user",
    "survey.group_survey_manager",
    "mass_mailing.group_mass_mailing_user",
    "account.group_account_invoice",
    "account.group_account_readonly",
    "stock.group_stock_user",
)
SUITE = ("crm_zz_customer", "crm_zz_sales", "crm_zz_marketing", "crm_zz_service", "crm_zz_reports")
# records read per model at each end (newest, oldest)
LIMIT = 30


def suite_models(env):
    """Names of the stored models the ZZ CRM modules add or extend."""
    data = env["ir.model.data"].search_fetch(
        [("model", "=", "ir.model"), ("module", "in", SUITE)], ["res_id"]
    )
    names = set(env["ir.model"].browse(data.mapped("res_id")).mapped("model"))
    return sorted(
        name
        for name in names
        if name in env and not env[name]._transient and not env[name]._abstract
    )


def suite_groups(env):
    """The groups above plus every group a ZZ CRM module defines."""
    data = env["ir.model.data"].search_fetch(
        [("model", "=", "res.groups"), ("module", "in", SUITE)], ["module", "name"]
    )
    own = [f"{row.module}.{row.name}" for row in data]
    return [xmlid for xmlid in (*GROUPS, *own) if env.ref(xmlid, raise_if_not_found=False)]


class FullReadCommon(TransactionCase):
    """One user per group, and for each the records that group sees of every
    model: his own customer, contact, deals, order, invoice, ticket, interaction,
    target, survey answer... as the record rules give them to their owner."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.models = suite_models(cls.env)
        cls.group_users = {}
        for xmlid in suite_groups(cls.env):
            login = "zz_full_read-" + xmlid.replace(".", "-")
            cls.group_users[xmlid] = new_test_user(
                cls.env,
                login=login,
                name=f"全字段 {xmlid}",
                groups=f"{xmlid},base.group_allow_export",
            )
        cls.colleague = new_test_user(
            cls.env,
            login="zz_full_read-colleague",
            name="同事",
            groups="sales_team.group_sale_salesman",
        )
        cls.product = cls.env["product.product"].create(
            {"name": "全字段测试设备", "type": "consu", "list_price": 800.0}
        )
        cls.survey = cls.env.ref("crm_zz_service.survey_ticket_satisfaction")
        cls.helpdesk_stage = cls.env["helpdesk.ticket.stage"].search([], limit=1)
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.env["crm.zz.sales.competitor"].create({"name": "全字段竞争对手"})
        template = cls.env["crm.zz.sales.pipeline.template"].create({"name": "全字段模板"})
        cls.env["crm.zz.sales.pipeline.template.stage"].create(
            {"template_id": template.id, "name": "初步接触"}
        )
        cls.category = cls.env["crm.zz.service.article.category"].create({"name": "全字段分类"})
        cls.tag = cls.env["crm.zz.service.article.tag"].create({"name": "全字段标签"})
        cls.env["crm.zz.marketing.segment"].create({"name": "全字段客户分群"})
        # an SMS template mapped to an approved Alibaba Cloud template, with its parameter
        cls.env["sms.template"].create(
            {
                "name": "全字段短信模板",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "body": "{{ object.name }}",
                "zz_aliyun_template_code": "SMS_000000001",
                "zz_aliyun_param_ids": [
                    Command.create({"key": "name", "value": "{{ object.name }}"})
                ],
            }
        )
        for user in cls.group_users.values():
            cls._fixtures_for(user)
        # the pre-computed analyses take in the fixtures, as the hourly job would
        cls.env["crm.zz.report.abstract"]._cron_zz_refresh()

    @classmethod
    def _fixtures_for(cls, user):
        env = cls.env
        Partner = env["res.partner"]
        customer = Partner.create({"name": f"郑州全字段客户 {user.login}", "is_company": True})
        customer.user_id = user  # an assignment, in the ownership history
        contact = Partner.create({"name": "联系人", "parent_id": customer.id})
        env["crm.zz.partner.share"].create({"partner_id": customer.id, "user_id": cls.colleague.id})
        team = env["crm.team"].create({"name": f"全字段销售组 {user.id}"})
        env["crm.team.member"].create({"crm_team_id": team.id, "user_id": user.id})
        Lead = env["crm.lead"]
        lead = Lead.create(
            {
                "name": "全字段商机",
                "type": "opportunity",
                "partner_id": contact.id,
                "user_id": user.id,
                "team_id": team.id,
                "expected_revenue": 10000.0,
            }
        )
        won = Lead.create(
            {
                "name": "全字段赢单",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": user.id,
                "team_id": team.id,
                "expected_revenue": 5000.0,
                # expected last month: a month of the forecast backtest
                "date_deadline": fields.Date.subtract(fields.Date.today(), months=1),
            }
        )
        won.action_set_won()
        env["crm.zz.forecast.snapshot"].create(
            {
                "month": fields.Date.today().replace(day=1),
                "lead_id": lead.id,
                "user_id": user.id,
                "team_id": team.id,
                "expected_revenue": 10000.0,
                "probability": 10.0,
                "forecast_revenue": 1000.0,
            }
        )
        env["crm.zz.sales.assignment.log"].create(
            {"lead_id": lead.id, "user_id": user.id, "team_id": team.id}
        )
        today = fields.Date.today()
        env["crm.zz.sales.target"].create(
            {
                "user_id": user.id,
                "team_id": team.id,
                "period": "month",
                "year": today.year,
                "month": str(today.month),
                "target_amount": 20000.0,
            }
        )
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": user.id,
                "team_id": team.id,
                "order_line": [Command.create({"product_id": cls.product.id})],
            }
        )
        order.action_confirm()
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_user_id": user.id,
                "invoice_line_ids": [
                    Command.create({"product_id": cls.product.id, "price_unit": 800.0})
                ],
            }
        )
        invoice.action_post()
        customer.activity_schedule("mail.mail_activity_data_todo", user_id=user.id)
        env["crm.zz.interaction"].create(
            {
                "partner_id": contact.id,
                "user_id": user.id,
                "name": "全字段电话",
                "res_model": "crm.lead",
                "res_id": lead.id,
            }
        )
        helpdesk_team = env["helpdesk.ticket.team"].create(
            {"name": f"全字段服务组 {user.id}", "user_ids": [Command.set(user.ids)]}
        )
        env["crm.zz.service.skill"].create({"team_id": helpdesk_team.id, "user_id": user.id})
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "全字段工单",
                "description": "全字段",
                "partner_id": contact.id,
                "user_id": user.id,
                "team_id": helpdesk_team.id,
            }
        )
        ticket.message_subscribe(partner_ids=user.partner_id.ids)  # employees see followed
        env["crm.zz.service.sla.pause"].create(
            {"ticket_id": ticket.id, "date_start": fields.Datetime.now()}
        )
        env["crm.zz.service.article"].create(
            {
                "name": f"全字段知识 {user.id}",
                "body": "<p>全字段</p>",
                "user_id": user.id,
                "category_id": cls.category.id,
                "tag_ids": [Command.set(cls.tag.ids)],
                "is_published": True,
            }
        )
        wave = env["crm.zz.service.relationship.survey"].create(
            {
                "name": "全字段关系调查",
                "survey_id": cls.survey.id,
                "user_id": user.id,
                "partner_ids": [Command.set(customer.ids)],
            }
        )
        answer = cls.survey._create_answer(
            partner=contact,
            check_attempts=False,
            zz_ticket_id=ticket.id,
            zz_agent_id=user.id,
            zz_team_id=helpdesk_team.id,
            zz_relationship_survey_id=wave.id,
            zz_survey_key=f"full-read:{user.id}",
        )
        answer._mark_done()
        campaign = env["utm.campaign"].create({"name": f"全字段活动 {user.id}", "user_id": user.id})
        env["crm.zz.marketing.cost"].create(
            {
                "campaign_id": campaign.id,
                "channel_id": env.ref("crm_zz_marketing.channel_email").id,
                "amount": 100.0,
            }
        )
        (customer | contact)._zz_record_consent("email", "given", "manual")
        job = env["crm.zz.import.job"].create(
            {"name": "客户名单.xlsx", "user_id": user.id, "res_model": "crm.zz.partner.import"}
        )
        job.file_id = env["ir.attachment"].create(
            {
                "name": "客户名单.xlsx",
                "raw": b"PK",
                "res_model": "crm.zz.import.job",
                "res_id": job.id,
            }
        )


@tagged("post_install", "-at_install")
class TestFullRead(FullReadCommon):
    """read() with no field list, search_read() with no fields and export of all
    exportable fields work for every group on every suite model it may read."""

    def test_models_and_groups_are_found(self):
        for model in ("res.partner", "crm.lead", "helpdesk.ticket", "crm.zz.interaction"):
            self.assertIn(model, self.models)
        self.assertGreaterEqual(len(self.group_users), len(GROUPS))

    def test_every_group_reads_every_field(self):
        """A read that fails may only fail on a field of Odoo or of an OCA module
        (e.g. an accountant's partner read breaks on crm's ``opportunity_ids``);
        those are logged, never ZZ CRM's own fields."""
        self.stock_failures = set()
        Access = self.env["ir.model.access"]
        read_pairs = 0
        for xmlid, user in self.group_users.items():
            for model in self.models:
                if not Access.with_user(user).check(model, "read", raise_exception=False):
                    continue
                read_pairs += 1
                with self.subTest(group=xmlid, model=model):
                    self._read_all(user, model)
        self.assertGreater(read_pairs, len(self.group_users))
        for model, login, error in sorted(self.stock_failures):
            _logger.info("%s as %s: Odoo's own fields fail: %s", model, login, error)

    def _read_all(self, user, model):
        Model = self.env[model].with_user(user)
        # the newest (the fixtures) and the oldest (data files, demo data)
        records = Model.search([], limit=LIMIT, order="id desc") | Model.search(
            [], limit=LIMIT, order="id"
        )
        self.assertTrue(records, f"{user.login} sees no {model}: give it a fixture")
        exportable = [
            name
            for name, desc in Model.fields_get(attributes=["exportable"]).items()
            if desc.get("exportable", True)
            and name != "id"  # "id" exports external ids
            and name in Model._fields  # res.users has group pseudo-fields
            # a field a user inherits from his partner is exported as the partner's
            and (not Model._fields[name].inherited or Model._fields[name].related_field.exportable)
        ]
        if not user.has_group("crm_zz_customer.group_zz_export_personal_data"):
            # exporting personal data needs its own right: refused on purpose (tested in
            # crm_zz_customer's test_res_partner_sensitive); the rest must export
            personal = Model._zz_personal_fields()
            exportable = [name for name in exportable if name not in personal]
        culprits = None
        for way, read in (
            ("read()", lambda: records.read()),
            ("search_read()", lambda: Model.search_read([("id", "in", records.ids)])),
            ("export_data()", lambda: records.export_data(exportable)["datas"]),
        ):
            self.env.invalidate_all()  # nothing computed by the fixtures' superuser is reused
            try:
                with self.env.cr.savepoint():
                    rows = read()
            except Exception as error:  # find the fields, then judge
                if culprits is None:  # once per model and group
                    culprits = self._suite_culprits(records, exportable)
                self.assertFalse(
                    culprits, f"{way} of {model} as {user.login} fails on ZZ CRM fields: {culprits}"
                )
                # without a ZZ CRM field failing alone, the failure is Odoo's own: say so
                self.stock_failures.add((model, user.login, str(error).splitlines()[0][:100]))
                continue
            self.assertGreaterEqual(len(rows), len(records), way)

    def _suite_culprits(self, records, exportable):
        """{ZZ CRM field: error} for the suite's fields that fail read alone."""
        culprits = {}
        readable = records.fields_get(attributes=["type"])  # fields the user may read
        for name in readable:
            field = records._fields.get(name)  # res.users has group pseudo-fields
            if not field or not self._is_suite_field(records, field):
                continue
            self.env.invalidate_all()
            try:
                with self.env.cr.savepoint():
                    records.read([name])
                    if name in exportable:
                        records.export_data([name])
            except Exception as error:
                if not self._is_export_of_technical_names(
                    records, field, name, exportable
                ) and not self._is_export_of_unreadable_source(records, field, name):
                    culprits[name] = str(error).splitlines()[0][:120]
        return culprits

    def _is_export_of_technical_names(self, records, field, name, exportable):
        """An export reads the names of linked records with the user's rights: a link
        to Odoo's technical models (ir.model.fields...), which only administrators
        read, cannot be exported by others, as for Odoo's own such fields."""
        if not field.relational or not field.comodel_name.startswith("ir."):
            return False
        try:
            with self.env.cr.savepoint():
                records.read([name])
        except Exception:
            return False
        return True

    def _is_export_of_unreadable_source(self, records, field, name):
        """An analysis row (SQL view) links its source record (lead, ticket): a
        report viewer reads the rows and sees the source's name in them, but not the
        leads and tickets themselves; exporting the link column reads the source's
        name with his rights and fails, as Odoo's export does for any link to
        records the user may not read."""
        if records._auto or field.type != "many2one" or field.compute:
            return False
        try:
            with self.env.cr.savepoint():
                records.read([name])
        except Exception:
            return False
        return not records[name].has_access("read")

    def _is_suite_field(self, records, field):
        """Defined by a ZZ CRM module, or computed by its code."""
        if set(field._modules or ()) & set(SUITE):
            return True
        if isinstance(field.compute, str):
            for cls in type(records).__mro__:
                if field.compute in vars(cls):
                    return cls.__module__.startswith("odoo.addons.crm_zz_")
        return False


@tagged("post_install", "-at_install")
class TestFullReadApi(HttpCase):
    """Over XML-RPC, as an API client does: a salesperson reads his customer with
    all fields, and cannot read a colleague's."""

    def test_salesman_reads_his_customer_over_xmlrpc(self):
        salesman = new_test_user(
            self.env, login="zz_full_read-api", groups="sales_team.group_sale_salesman"
        )
        colleague = new_test_user(
            self.env, login="zz_full_read-api2", groups="sales_team.group_sale_salesman"
        )
        Partner = self.env["res.partner"]
        mine = Partner.create({"name": "郑州接口客户", "is_company": True, "user_id": salesman.id})
        theirs = Partner.create(
            {"name": "郑州同事客户", "is_company": True, "user_id": colleague.id}
        )
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, salesman.login, salesman.login, {})
        self.assertEqual(uid, salesman.id)
        rows = self.xmlrpc_object.execute(db, uid, salesman.login, "res.partner", "read", [mine.id])
        self.assertEqual(rows[0]["name"], "郑州接口客户")
        self.assertIn("zz_last_csat", rows[0])
        rows = self.xmlrpc_object.execute_kw(
            db,
            uid,
            salesman.login,
            "res.partner",
            "search_read",
            [[("id", "=", mine.id)]],
        )
        self.assertEqual(len(rows), 1)
        # a colleague's customer stays out of reach
        with self.assertRaises(Exception) as err, mute_logger("odoo.http"):
            self.xmlrpc_object.execute(
                db, uid, salesman.login, "res.partner", "read", [theirs.id], ["name"]
            )
        self.assertIn("res.partner", str(err.exception))
        # and taking it by writing the salesperson is refused
        with self.assertRaises(Exception) as err, mute_logger("odoo.http"):
            self.xmlrpc_object.execute(
                db,
                uid,
                salesman.login,
                "res.partner",
                "write",
                [mine.id],
                {"user_id": colleague.id},
            )
        self.assertIn("郑州接口客户", str(err.exception))
        self.assertEqual(mine.user_id, salesman)
