# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A salesperson never gets at a colleague's customers and deals, whatever door he tries.

Salesperson 张伟 (A) and his colleague 李娜 (B) each own a customer, an opportunity,
an interaction and a sale order; two service agents each own a ticket. For each of
B's records, every way Odoo hands out data (the ORM's read methods, the web client's
methods, chatter, followers, attachments, activities, fields shown on other records,
the analysis models, exports, JSON-RPC and XML-RPC, portal and public users) gives A
an ``AccessError`` or no row, while A's own records come through the same doors.

The checks collect every mismatch and fail once with the whole list, so that one
run shows every leaking path.
"""

import io
import json
import xmlrpc.client
import zipfile

from odoo import Command, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

# the models whose records are checked, and whether they carry a chatter
THREADS = ("res.partner", "crm.lead", "sale.order", "helpdesk.ticket")


class ReadPathsCommon:
    """The people and records every read-path test works on."""

    @classmethod
    def _setup_read_paths(cls):
        env = cls.env(context=dict(cls.env.context, tracking_disable=False, mail_notrack=False))
        cls.env = env
        cls.user_a = new_test_user(
            env,
            login="zz_read_paths-a",
            name="销售张伟",
            groups="sales_team.group_sale_salesman,base.group_allow_export",
        )
        cls.user_b = new_test_user(
            env,
            login="zz_read_paths-b",
            name="销售李娜",
            groups="sales_team.group_sale_salesman,base.group_allow_export",
        )
        cls.agent_a = new_test_user(
            env,
            login="zz_read_paths-agent-a",
            name="客服王芳",
            groups="helpdesk_mgmt.group_helpdesk_user_own,base.group_allow_export",
        )
        cls.agent_b = new_test_user(
            env,
            login="zz_read_paths-agent-b",
            name="客服刘洋",
            groups="helpdesk_mgmt.group_helpdesk_user_own",
        )
        cls.marketer = new_test_user(
            env,
            login="zz_read_paths-marketer",
            name="市场陈静",
            groups="mass_mailing.group_mass_mailing_user",
        )
        Partner = env["res.partner"]
        cls.customer_a, cls.customer_b, cls.customer_p, cls.pool_customer = Partner.create(
            [
                {
                    "name": "郑州甲方科技有限公司",
                    "is_company": True,
                    "user_id": cls.user_a.id,
                    "mobile": "13700001111",
                    "email": "jiafang@example.cn",
                },
                {
                    "name": "郑州乙方贸易有限公司",
                    "is_company": True,
                    "user_id": cls.user_b.id,
                    "mobile": "13812345678",
                    "email": "yifang@example.cn",
                },
                {
                    "name": "郑州丙方实业有限公司",
                    "is_company": True,
                    "user_id": cls.user_b.id,
                },
                {"name": "郑州公海机械有限公司", "is_company": True, "user_id": False},
            ]
        )
        cls.contact_b = Partner.create(
            {"name": "孙丽", "parent_id": cls.customer_b.id, "mobile": "13912345678"}
        )
        cls.portal_user = new_test_user(
            env, login="zz_read_paths-portal", name="门户赵敏", groups="base.group_portal"
        )
        cls.portal_user.partner_id.parent_id = cls.customer_p
        cls.public_user = env.ref("base.public_user")

        Lead = env["crm.lead"]
        cls.lead_a, cls.lead_b, cls.lead_a_of_b_customer, cls.lead_pool_b = Lead.create(
            [
                {
                    "name": "甲方数控机床采购",
                    "type": "opportunity",
                    "partner_id": cls.customer_a.id,
                    "user_id": cls.user_a.id,
                },
                {
                    "name": "乙方仓储系统改造",
                    "type": "opportunity",
                    "partner_id": cls.customer_b.id,
                    "user_id": cls.user_b.id,
                    "expected_revenue": 880000,
                },
                {
                    "name": "乙方客户的新询价",
                    "type": "opportunity",
                    "partner_id": cls.customer_b.id,
                    "user_id": cls.user_a.id,
                },
                {
                    "name": "公海客户的乙方商机",
                    "type": "opportunity",
                    "partner_id": cls.pool_customer.id,
                    "user_id": cls.user_b.id,
                },
            ]
        )
        Interaction = env["crm.zz.interaction"]
        cls.interaction_a, cls.interaction_b, cls.interaction_a_on_lead_b = Interaction.create(
            [
                {
                    "name": "甲方电话回访",
                    "partner_id": cls.customer_a.id,
                    "user_id": cls.user_a.id,
                    "res_model": "crm.lead",
                    "res_id": cls.lead_a.id,
                },
                {
                    "name": "乙方上门拜访纪要",
                    "kind": "visit",
                    "partner_id": cls.customer_b.id,
                    "user_id": cls.user_b.id,
                    "note": "采购预算八十八万",
                    "res_model": "crm.lead",
                    "res_id": cls.lead_b.id,
                },
                {
                    "name": "甲方提到乙方项目",
                    "partner_id": cls.customer_a.id,
                    "user_id": cls.user_a.id,
                    "res_model": "crm.lead",
                    "res_id": cls.lead_b.id,
                },
            ]
        )
        cls.consent_a, cls.consent_b = env["crm.zz.consent"].create(
            [
                {"partner_id": partner.id, "channel": "sms", "state": "given"}
                for partner in (cls.customer_a, cls.customer_b)
            ]
        )
        product = env["product.product"].create({"name": "数控机床", "list_price": 1000.0})
        cls.order_a, cls.order_b, cls.order_pool_b = env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
                for partner, user in (
                    (cls.customer_a, cls.user_a),
                    (cls.customer_b, cls.user_b),
                    (cls.pool_customer, cls.user_b),
                )
            ]
        )
        team = env["helpdesk.ticket.team"].create(
            {
                "name": "郑州客服一组",
                "user_ids": [Command.set((cls.agent_a | cls.agent_b).ids)],
            }
        )
        cls.ticket_a, cls.ticket_b, cls.ticket_pool_b = env["helpdesk.ticket"].create(
            [
                {
                    "name": name,
                    "description": name,
                    "partner_id": partner.id,
                    "user_id": agent.id,
                    "team_id": team.id,
                }
                for name, partner, agent in (
                    ("甲方设备报修", cls.customer_a, cls.agent_a),
                    ("乙方发票投诉", cls.customer_b, cls.agent_b),
                    ("公海客户咨询", cls.pool_customer, cls.agent_b),
                )
            ]
        )
        # chatter, attachments and activities of every record
        cls.messages, cls.attachments, cls.activities = {}, {}, {}
        records = [
            (cls.customer_a, cls.user_a),
            (cls.customer_b, cls.user_b),
            (cls.lead_a, cls.user_a),
            (cls.lead_b, cls.user_b),
            (cls.order_a, cls.user_a),
            (cls.order_b, cls.user_b),
            (cls.ticket_a, cls.agent_a),
            (cls.ticket_b, cls.agent_b),
            (cls.interaction_a, cls.user_a),
            (cls.interaction_b, cls.user_b),
        ]
        for record, owner in records:
            key = (record._name, record.id)
            cls.attachments[key] = env["ir.attachment"].create(
                {
                    "name": f"{record.display_name} 合同.txt",
                    "raw": "合同金额八十八万".encode(),
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
            if record._name not in THREADS:
                continue
            cls.messages[key] = record.message_post(
                body=f"内部备注:{record.display_name} 客户手机 13812345678",
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            record.message_subscribe(partner_ids=owner.partner_id.ids)
            cls.activities[key] = record.activity_schedule(
                "mail.mail_activity_data_todo", summary="回访客户", user_id=owner.id
            )

    def _owned(self, user):
        """The records ``user`` owns, and those of his colleague, by model."""
        if user in (self.agent_a, self.agent_b):
            return [self.ticket_a], [self.ticket_b]
        return (
            [self.customer_a, self.lead_a, self.interaction_a, self.order_a, self.consent_a],
            [
                self.customer_b,
                self.contact_b,
                self.lead_b,
                self.interaction_b,
                self.order_b,
                self.consent_b,
            ],
        )


class TestReadPathsOrm(ReadPathsCommon, TransactionCase):
    """Every ORM and web-client read path: B's records stay out of A's reach, A's own
    come through."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_read_paths()
        # the pre-computed analyses take in the fixtures, as the hourly job does
        cls.env["crm.zz.report.abstract"]._cron_zz_refresh()

    # paths -----------------------------------------------------------------

    def _reached(self, reach):
        """What ``reach()`` gives, read from the database; None when refused."""
        self.env.invalidate_all()
        try:
            with mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
                return reach()
        except AccessError:
            return None

    @staticmethod
    def _search_name(record):
        field = record._fields.get(record._rec_name)
        if field is not None and field.type == "char" and record[record._rec_name]:
            return record[record._rec_name]
        if field is not None and field.type == "many2one":
            return record[record._rec_name].display_name
        return record.display_name

    @staticmethod
    def _export_data(records):
        """Exported rows; a user without the export right is refused outright."""
        try:
            return bool(records.export_data(["display_name"])["datas"])
        except UserError:
            return False

    def _record_paths(self, user, record):
        """{path: True when ``user`` got at ``record`` through it}."""
        Model = self.env[record._name].with_user(user)
        rid = record.id
        domain = [("id", "=", rid)]
        name = self._search_name(record.sudo())
        paths = {
            "read": lambda: bool(Model.browse(rid).read(["display_name"])),
            "search_read": lambda: bool(Model.search_read(domain, ["display_name"])),
            "search_count": lambda: Model.search_count(domain) > 0,
            "search": lambda: bool(Model.search(domain)),
            "read_group": lambda: sum(g["__count"] for g in Model.read_group(domain, [], [])) > 0,
            "web_read_group": lambda: Model.web_read_group(domain, [], ["create_uid"])["length"]
            > 0,
            "name_search": lambda: rid in [r[0] for r in Model.name_search(name, limit=1000)],
            "web_search_read": lambda: bool(
                Model.web_search_read(domain, {"display_name": {}})["records"]
            ),
            "web_read": lambda: bool(Model.browse(rid).web_read({"display_name": {}})),
            "export_data": lambda: self._export_data(Model.browse(rid)),
            "copy_data": lambda: bool(Model.browse(rid).copy_data()),
            "get_metadata": lambda: bool(Model.browse(rid).get_metadata()),
        }
        attachment = self.attachments.get((record._name, rid))
        paths |= (
            {
                "ir.attachment search": lambda: bool(
                    self.env["ir.attachment"]
                    .with_user(user)
                    .search([("res_model", "=", record._name), ("res_id", "=", rid)])
                ),
                "ir.attachment read": lambda: bool(
                    self.env["ir.attachment"]
                    .with_user(user)
                    .browse(attachment.id)
                    .read(["name", "datas"])
                ),
            }
            if attachment
            else {}
        )
        if (record._name, rid) in self.messages:
            message = self.messages[(record._name, rid)]
            activity = self.activities[(record._name, rid)]
            Message = self.env["mail.message"].with_user(user)
            Followers = self.env["mail.followers"].with_user(user)
            Activity = self.env["mail.activity"].with_user(user)
            on_record = [("res_id", "=", rid)]
            paths.update(
                {
                    "mail.message search": lambda: message
                    in Message.search([("model", "=", record._name)] + on_record),
                    "mail.message read": lambda: bool(message.with_user(user).read(["body"])),
                    "mail.message _message_fetch": lambda: message
                    in Message._message_fetch(
                        [("model", "=", record._name)] + on_record, limit=100
                    )["messages"],
                    "mail.followers search": lambda: bool(
                        Followers.search([("res_model", "=", record._name)] + on_record)
                    ),
                    "mail.followers read": lambda: bool(
                        Followers.browse(record.message_follower_ids.ids).read(["partner_id"])
                    ),
                    "mail.activity search": lambda: bool(
                        Activity.search([("res_model", "=", record._name)] + on_record)
                    ),
                    "mail.activity read": lambda: bool(
                        activity.with_user(user).read(["summary", "res_name"])
                    ),
                }
            )
        seen = {}
        for path, reach in paths.items():
            # from the database, not from what the fixtures left in the cache
            self.env.invalidate_all()
            try:
                with mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
                    seen[path] = reach()
            except AccessError:
                seen[path] = False
        return seen

    def _check_user(self, user, mismatches):
        own, others = self._owned(user)
        for record in own:
            for path, seen in self._record_paths(user, record).items():
                if not seen:
                    mismatches.append(
                        f"{user.name} cannot read his own {record._name} "
                        f"{record.display_name!r} through {path}"
                    )
        for record in others:
            for path, seen in self._record_paths(user, record).items():
                if seen:
                    mismatches.append(
                        f"{user.name} reads {record._name} {record.sudo().display_name!r} "
                        f"through {path}"
                    )

    # tests -----------------------------------------------------------------

    def test_salesperson_read_paths(self):
        """Salesperson A reaches his own customer, lead, interaction and order and
        nothing of B's, through every ORM, web and chatter path."""
        mismatches = []
        self._check_user(self.user_a, mismatches)
        # a ticket he neither asked for nor follows
        for record in (self.ticket_b,):
            for path, seen in self._record_paths(self.user_a, record).items():
                if seen:
                    mismatches.append(f"{self.user_a.name} reads {record._name} through {path}")
        self.assertFalse(mismatches, "Read paths:\n" + "\n".join(mismatches))

    def test_agent_read_paths(self):
        """Agent A (own tickets) reaches his ticket, not his colleague's."""
        mismatches = []
        self._check_user(self.agent_a, mismatches)
        self.assertFalse(mismatches, "Read paths:\n" + "\n".join(mismatches))

    def test_marketer_and_outsiders(self):
        """A marketer gets no lead, interaction, order or ticket; a portal user of
        another customer and the public user get nothing of B's customer and nothing
        of the suite's models."""
        mismatches = []
        records = [self.lead_b, self.interaction_b, self.order_b, self.ticket_b]
        for user in (self.marketer, self.portal_user, self.public_user):
            extra = [self.customer_b, self.contact_b] if user.share else []
            for record in records + extra:
                for path, seen in self._record_paths(user, record).items():
                    if seen:
                        mismatches.append(
                            f"{user.name} reads {record._name} "
                            f"{record.sudo().display_name!r} through {path}"
                        )
        # the suite's own models hold no row for outsiders
        models = [
            "crm.zz.interaction",
            "crm.zz.partner.share",
            "crm.zz.partner.owner.history",
            "crm.zz.consent",
            "crm.zz.audit.log",
            "crm.zz.customer.report",
            "crm.zz.pipeline.report",
            "crm.zz.ticket.report",
            "crm.zz.customer.value.report",
            "crm.zz.churn.risk",
        ]
        for user in (self.portal_user, self.public_user):
            for model in models:
                try:
                    with mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
                        count = self.env[model].with_user(user).search_count([])
                except AccessError:
                    count = 0
                if count:
                    mismatches.append(f"{user.name} counts {count} rows of {model}")
        self.assertFalse(mismatches, "Read paths:\n" + "\n".join(mismatches))

    def test_fields_shown_on_readable_records(self):
        """Fields of records A may read do not carry what he may not read: the
        interaction's linked document, the 360° figures of a pool customer, the
        customer behind his own opportunity."""
        mismatches = []
        # his interaction linked to B's opportunity does not name it
        interaction = self.interaction_a_on_lead_b.with_user(self.user_a)
        if interaction.read(["res_name"])[0]["res_name"]:
            mismatches.append("interaction.res_name names B's opportunity")
        # the 360° figures of a pool customer count only what A may read
        pool = self.pool_customer.with_user(self.user_a)
        figures = pool.read(
            [
                "zz_quotation_count",
                "zz_order_count",
                "zz_order_amount",
                "sale_order_count",
                "opportunity_count",
                "helpdesk_ticket_count",
            ]
        )[0]
        for name, value in figures.items():
            if name != "id" and value:
                mismatches.append(f"pool customer's {name} counts B's records: {value}")
        # his opportunity on B's customer: the customer's own fields stay closed
        lead = self.lead_a_of_b_customer.with_user(self.user_a)
        values = self._reached(
            lambda: lead.web_read({"partner_id": {"fields": {"mobile": {}, "email": {}}}})
        )
        partner = values and values[0]["partner_id"]
        if partner and (partner.get("mobile") or partner.get("email")):
            mismatches.append(f"web_read of A's lead opens B's customer: {partner}")
        mobile = self._reached(lambda: lead.partner_id.mobile)
        if mobile is not None:
            mismatches.append(f"A's lead.partner_id.mobile gives B's customer's {mobile}")
        # the duplicate hint names B's customer (by design, like Odoo's same VAT
        # hint) and opens nothing more of it
        look_alike = self.env["res.partner"].create(
            {
                "name": "乙方贸易(郑州)",
                "is_company": True,
                "user_id": self.user_a.id,
                "mobile": self.customer_b.mobile,
            }
        )
        look_alike = look_alike.with_user(self.user_a)
        if look_alike.zz_same_partner_id != self.customer_b:
            mismatches.append("fixture: the duplicate hint does not name B's customer")
        else:
            values = self._reached(
                lambda: look_alike.web_read(
                    {"zz_same_partner_id": {"fields": {"mobile": {}, "email": {}}}}
                )
            )
            if values is not None:
                mismatches.append(f"the duplicate hint opens B's customer: {values}")
        # many2one autocompletion (name_search with the field's domain)
        Partner = self.env["res.partner"].with_user(self.user_a)
        for name, domain in (
            ("乙方", [("is_company", "=", True)]),
            ("孙丽", [("type", "!=", "private")]),
            ("13812345678", []),
        ):
            found = {row[0] for row in Partner.name_search(name, domain, limit=100)}
            if found & {self.customer_b.id, self.contact_b.id}:
                mismatches.append(f"res.partner name_search({name!r}) offers B's customer")
        # the customers' own export button
        customer_b = self.customer_b.with_user(self.user_a)
        if self._reached(customer_b.action_zz_export_xlsx) is not None:
            mismatches.append("action_zz_export_xlsx exports B's customer for A")
        self.assertFalse(mismatches, "Fields shown on other records:\n" + "\n".join(mismatches))

    def test_analysis_models(self):
        """A's analysis figures never include B's customers, deals, orders or tickets."""
        (self.order_a | self.order_b | self.order_pool_b).action_confirm()
        self.env["crm.zz.churn.risk"]._refresh()
        self.env.flush_all()
        mismatches = []
        # the rows exist: the checks below look at something
        for model, field, record in (
            ("crm.zz.customer.report", "partner_id", self.customer_b),
            ("crm.zz.pipeline.report", "lead_id", self.lead_b),
            ("crm.zz.ticket.report", "ticket_id", self.ticket_b),
            ("crm.zz.churn.risk", "partner_id", self.customer_b),
        ):
            if not self.env[model].search_count([(field, "=", record.id)]):
                mismatches.append(f"no row of {model} for {record.display_name}: fixture")
        by_user = {
            "crm.zz.customer.report": self.user_a,
            "crm.zz.pipeline.report": self.user_a,
            "crm.zz.funnel.report": self.user_a,
            "crm.zz.forecast.report": self.user_a,
            "crm.zz.campaign.report": self.user_a,
            "crm.zz.customer.value.report": self.user_a,
            "crm.zz.churn.risk": self.user_a,
            "crm.zz.ticket.report": self.agent_a,
        }
        b_records = {
            "partner_id": [self.customer_b.id],
            "lead_id": [self.lead_b.id, self.lead_pool_b.id],
            "order_id": [self.order_b.id, self.order_pool_b.id],
            "ticket_id": [self.ticket_b.id, self.ticket_pool_b.id],
        }
        for model, user in by_user.items():
            Report = self.env[model].with_user(user)
            colleague = self.user_b if user == self.user_a else self.agent_b
            checks = {"user_id": [colleague.id], **b_records}
            for field, ids in checks.items():
                if field not in Report._fields:
                    continue
                domain = [(field, "in", ids)]
                if field == "partner_id" and "user_id" in Report._fields:
                    # his own deals with B's customer are his to count
                    domain.append(("user_id", "!=", user.id))
                rows = Report.search_count(domain)
                grouped = sum(g["__count"] for g in Report.read_group(domain, [], []))
                if rows or grouped:
                    mismatches.append(f"{user.name} sees {rows} rows of {model} with {field} of B")
                groups = Report.read_group(domain[1:], [], [field], lazy=False)
                keys = {g[field][0] for g in groups if g[field]}
                if keys & set(ids):
                    mismatches.append(f"{user.name} groups {model} by {field} and gets B's")
        # the Excel export of an analysis renders rows A may read only
        rows_b = self.env["crm.zz.pipeline.report"].search([("lead_id", "=", self.lead_b.id)])
        rendered = self._reached(
            lambda: self.env["ir.actions.report"]
            .with_user(self.user_a)
            ._render_xlsx("crm_zz_reports.crm_zz_pipeline_report_xlsx", rows_b.ids, None)
        )
        if rendered is not None:
            mismatches.append("A renders the pipeline Excel export of B's opportunity")
        # and A sees his own where the model has a row for it
        own = {
            "crm.zz.customer.report": [("partner_id", "=", self.customer_a.id)],
            "crm.zz.pipeline.report": [("lead_id", "=", self.lead_a.id)],
            "crm.zz.ticket.report": [("ticket_id", "=", self.ticket_a.id)],
        }
        for model, domain in own.items():
            if not self.env[model].with_user(by_user[model]).search_count(domain):
                mismatches.append(f"{by_user[model].name} misses his own row in {model}")
        self.assertFalse(mismatches, "Analysis models:\n" + "\n".join(mismatches))


@tagged("post_install", "-at_install")
class TestReadPathsRpc(ReadPathsCommon, HttpCase):
    """The web client's list export and the JSON-RPC and XML-RPC endpoints, as A
    logged in: B's records stay out, A's come through."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_read_paths()

    def _call_kw(self, model, method, args, kwargs=None):
        """The JSON-RPC result, or None when the server refused."""
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        payload = response.json()
        return None if "error" in payload else payload["result"]

    def _execute_kw(self, user, model, method, args, kwargs=None):
        """The XML-RPC result, or None when the server refused."""
        try:
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, user.id, user.login, model, method, args, kwargs or {}
            )
        except xmlrpc.client.Fault:
            return None

    def _export(self, route, model, ids, domain=None):
        """The exported file as text (the .xlsx's shared strings), or None when refused."""
        response = self.url_open(
            route,
            data={
                "data": json.dumps(
                    {
                        "model": model,
                        "fields": [{"name": "display_name", "label": "名称"}],
                        "ids": ids,
                        "domain": domain or [],
                        "groupby": [],
                        "import_compat": False,
                    }
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        if response.status_code != 200:
            return None
        if route.endswith("xlsx"):
            with zipfile.ZipFile(io.BytesIO(response.content)) as book:
                names = book.namelist()
                shared = "xl/sharedStrings.xml"
                return book.read(shared).decode() if shared in names else ""
        return response.content.decode("utf-8-sig")

    @mute_logger(
        "odoo.http",
        "odoo.models",
        "odoo.addons.base.models.ir_rule",
        "odoo.addons.web.controllers.export",
    )
    def test_rpc_and_export(self):
        mismatches = []
        self.authenticate(self.user_a.login, self.user_a.login)
        own = [self.customer_a, self.lead_a, self.interaction_a, self.order_a]
        others = [self.customer_b, self.contact_b, self.lead_b, self.interaction_b, self.order_b]
        others.append(self.ticket_b)
        for record in own + others:
            mine = record in own
            name = record.sudo().display_name
            domain = [("id", "=", record.id)]
            results = {
                "JSON-RPC read": self._call_kw(
                    record._name, "read", [[record.id], ["display_name"]]
                ),
                "JSON-RPC search_read": self._call_kw(
                    record._name, "search_read", [domain], {"fields": ["display_name"]}
                ),
                "JSON-RPC web_search_read": (
                    self._call_kw(
                        record._name,
                        "web_search_read",
                        [domain],
                        {"specification": {"display_name": {}}},
                    )
                    or {}
                ).get("records"),
                "XML-RPC read": self._execute_kw(
                    self.user_a, record._name, "read", [[record.id]], {"fields": ["display_name"]}
                ),
                "XML-RPC search_read": self._execute_kw(
                    self.user_a,
                    record._name,
                    "search_read",
                    [domain],
                    {"fields": ["display_name"]},
                ),
            }
            for route in ("/web/export/csv", "/web/export/xlsx"):
                by_ids = self._export(route, record._name, [record.id])
                results[f"{route} by ids"] = by_ids and name in by_ids
                by_domain = self._export(route, record._name, False, domain)
                results[f"{route} by domain"] = by_domain and name in by_domain
            for path, result in results.items():
                if mine and not result:
                    mismatches.append(f"A cannot read his own {record._name} {name!r} by {path}")
                if not mine and result:
                    mismatches.append(f"A reads {record._name} {name!r} by {path}")
        # the attachments' download
        for record, mine in ((self.lead_a, True), (self.lead_b, False), (self.order_b, False)):
            attachment = self.attachments[(record._name, record.id)]
            response = self.url_open(f"/web/content/{attachment.id}?download=true")
            seen = response.status_code == 200 and "八十八万" in response.content.decode()
            if seen != mine:
                mismatches.append(f"/web/content of {attachment.name}: seen={seen}")
        # the chatter's own endpoint
        for record, mine in ((self.lead_a, True), (self.lead_b, False)):
            response = self.url_open(
                "/mail/thread/messages",
                data=json.dumps(
                    {
                        "params": {
                            "thread_model": record._name,
                            "thread_id": record.id,
                            "limit": 30,
                        }
                    }
                ),
                headers={"Content-Type": "application/json"},
            )
            payload = response.json()
            body = json.dumps(payload, ensure_ascii=False)
            seen = "error" not in payload and "内部备注" in body
            if seen != mine:
                mismatches.append(f"/mail/thread/messages on {record.name}: seen={seen}")
        self.assertFalse(mismatches, "RPC and export paths:\n" + "\n".join(mismatches))

    @mute_logger("odoo.http", "odoo.models", "odoo.addons.base.models.ir_rule")
    def test_portal_rpc(self):
        """A portal user of another customer and a visitor get nothing of B's through
        JSON-RPC or XML-RPC."""
        mismatches = []
        records = (self.customer_b, self.lead_b, self.interaction_b, self.order_b, self.ticket_b)
        for user in (self.portal_user, None):
            if user:
                self.authenticate(user.login, user.login)
            else:
                self.authenticate(None, None)
            who = user.name if user else "visitor"
            for record in records:
                domain = [("id", "=", record.id)]
                if self._call_kw(record._name, "search_read", [domain], {"fields": ["id"]}):
                    mismatches.append(f"{who} reads {record._name} by JSON-RPC")
                if user and self._execute_kw(
                    user, record._name, "search_read", [domain], {"fields": ["id"]}
                ):
                    mismatches.append(f"{who} reads {record._name} by XML-RPC")
        self.assertFalse(mismatches, "\n".join(mismatches))
