# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every CRM role against every model the suite adds or extends.

``access_matrix.csv`` (beside this file, and as a table in crm_zz_customer's
``readme/CONFIGURE.md``) says, for each model and role, which of create (c), read
(r), write (w) and unlink (u) the role's access rights allow; ``-`` is none. The
test compares it with ``has_access`` for a user given each role through the user
form's role field, and lists every difference in one failure, with the row as it
is now, so that a change of rights is a deliberate change of the table.

The models are found in ``ir.model.data`` as in the full-read test, crm_zz_privacy's
included when it is installed; a row names the first ZZ module that adds or extends
its model, and rows of modules not installed are skipped.

The records part: own and other users' records of the main models, for each role,
as a search count and as write/unlink checks that raise ``AccessError``.
"""

import csv
from pathlib import Path

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

SUITE = (
    "crm_zz_customer",
    "crm_zz_sales",
    "crm_zz_marketing",
    "crm_zz_service",
    "crm_zz_reports",
    "crm_zz_privacy",
)
ROLES = (
    "salesperson",
    "sales_supervisor",
    "sales_manager",
    "marketer",
    "service_agent",
    "service_supervisor",
    "report_viewer",
)
OPERATIONS = (("c", "create"), ("r", "read"), ("w", "write"), ("u", "unlink"))
MATRIX_FILE = Path(__file__).parent / "access_matrix.csv"


def suite_models_by_module(env):
    """{model name: first ZZ CRM module (in SUITE order) that adds or extends it},
    for every non-abstract model, wizards included."""
    data = env["ir.model.data"].search_fetch(
        [("model", "=", "ir.model"), ("module", "in", SUITE)], ["module", "res_id"]
    )
    names = {model.id: model.model for model in env["ir.model"].browse(set(data.mapped("res_id")))}
    found = {}
    for row in sorted(data, key=lambda row: SUITE.index(row.module)):
        name = names[row.res_id]
        if name in env and not env[name]._abstract:
            found.setdefault(name, row.module)
    return found


def read_matrix():
    """The expected table: {model: (module, {role: "crwu"})}."""
    with MATRIX_FILE.open(newline="", encoding="utf-8") as file:
        return {
            row["model"]: (row["module"], {role: row[role] for role in ROLES})
            for row in csv.DictReader(file)
        }


def role_users(env, prefix):
    """One internal user per role, the role set as an administrator does."""
    users = {}
    for role in ROLES:
        user = new_test_user(env, login=f"{prefix}-{role}", name=f"角色 {role}")
        user.zz_crm_role = role
        users[role] = user
    return users


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    """What each role may create, read, write and delete, model by model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(cls.env, "zz_matrix")

    def _actual(self, model, user):
        records = self.env[model].with_user(user).browse()
        return "".join(code for code, op in OPERATIONS if records.has_access(op)) or "-"

    def test_roles_rights_are_the_table(self):
        expected = read_matrix()
        found = suite_models_by_module(self.env)
        installed = set(
            self.env["ir.module.module"]
            .search([("name", "in", SUITE), ("state", "=", "installed")])
            .mapped("name")
        )
        mismatches = []
        for model, module in sorted(found.items()):
            actual = {role: self._actual(model, self.users[role]) for role in ROLES}
            row = ",".join([model, module, *(actual[role] for role in ROLES)])
            if model not in expected:
                mismatches.append(f"{model}: not in the table; add  {row}")
                continue
            want = expected[model][1]
            wrong = [
                f"{role} {want[role]}≠{actual[role]}"
                for role in ROLES
                if want[role] != actual[role]
            ]
            if wrong:
                mismatches.append(f"{model}: {', '.join(wrong)}; now  {row}")
        for model, (module, _rights) in sorted(expected.items()):
            if module in installed and model not in found:
                mismatches.append(f"{model}: in the table, no longer a model of {module}")
        self.assertFalse(mismatches, "access matrix differs:\n" + "\n".join(mismatches))

    def test_table_covers_every_role_and_is_documented(self):
        """The readme's table is the CSV's: same models, same rights."""
        readme = (
            Path(__file__).parents[2] / "crm_zz_customer" / "readme" / "CONFIGURE.md"
        ).read_text(encoding="utf-8")
        for model, (_module, rights) in read_matrix().items():
            self.assertIn(f"| `{model}` | {' | '.join(rights[role] for role in ROLES)} |", readme)


@tagged("post_install", "-at_install")
class TestAccessMatrixRecords(TransactionCase):
    """Own and other users' records of the main models, role by role.

    Sales team A is led by the supervisor and has salesperson A as member; team B
    has salesperson B. Each salesperson owns a customer, a lead, an order, an
    interaction and a consent; service team A has the agent, a ticket in each
    service team; a campaign of the marketer's and one of somebody else's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.users = role_users(cls.env, "zz_matrix_rec")
        cls.seller_a = cls.users["salesperson"]
        cls.seller_b = new_test_user(cls.env, login="zz_matrix_rec-b", name="销售乙")
        cls.seller_b.zz_crm_role = "salesperson"
        supervisor = cls.users["sales_supervisor"]
        team_a, team_b = cls.env["crm.team"].create(
            [
                {"name": "矩阵甲组", "user_id": supervisor.id},
                {"name": "矩阵乙组", "user_id": cls.users["sales_manager"].id},
            ]
        )
        cls.env["crm.team.member"].create(
            [
                {"crm_team_id": team_a.id, "user_id": cls.seller_a.id},
                {"crm_team_id": team_b.id, "user_id": cls.seller_b.id},
            ]
        )
        product = cls.env["product.product"].create({"name": "矩阵设备", "list_price": 100.0})
        cls.records = {}
        for key, seller, team in (("a", cls.seller_a, team_a), ("b", cls.seller_b, team_b)):
            customer = cls.env["res.partner"].create(
                {"name": f"郑州矩阵客户{key}", "is_company": True, "user_id": seller.id}
            )
            lead = cls.env["crm.lead"].create(
                {
                    "name": f"矩阵商机{key}",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": seller.id,
                    "team_id": team.id,
                    "expected_revenue": 1000.0,
                }
            )
            order = cls.env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "user_id": seller.id,
                    "team_id": team.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
            )
            interaction = cls.env["crm.zz.interaction"].create(
                {"partner_id": customer.id, "user_id": seller.id, "name": f"矩阵电话{key}"}
            )
            customer._zz_record_consent("email", "given", "manual")
            consent = cls.env["crm.zz.consent"].search([("partner_id", "=", customer.id)])
            # the pre-computed analyses take in the new records, as the hourly job does
            cls.env["crm.zz.report.abstract"]._cron_zz_refresh()
            cls.records[key] = {
                "res.partner": customer,
                "crm.lead": lead,
                "sale.order": order,
                "crm.zz.interaction": interaction,
                "crm.zz.consent": consent,
                "crm.zz.pipeline.report": cls.env["crm.zz.pipeline.report"].search(
                    [("lead_id", "=", lead.id)]
                ),
                "crm.zz.customer.value.report": cls.env["crm.zz.customer.value.report"].search(
                    [("partner_id", "=", customer.id)]
                ),
                "crm.zz.customer.report": cls.env["crm.zz.customer.report"].search(
                    [("partner_id", "=", customer.id), ("row_type", "=", "customer")]
                ),
            }
        agent = cls.users["service_agent"]
        desk_a, desk_b = cls.env["helpdesk.ticket.team"].create(
            [
                {"name": "矩阵服务甲组", "user_ids": [Command.set(agent.ids)]},
                {"name": "矩阵服务乙组"},
            ]
        )
        for key, desk in (("a", desk_a), ("b", desk_b)):
            ticket = cls.env["helpdesk.ticket"].create(
                {
                    "name": f"矩阵工单{key}",
                    "description": "矩阵",
                    "partner_id": cls.records[key]["res.partner"].id,
                    "team_id": desk.id,
                }
            )
            cls.records[key]["helpdesk.ticket"] = ticket
            cls.records[key]["crm.zz.ticket.report"] = cls.env["crm.zz.ticket.report"].search(
                [("ticket_id", "=", ticket.id)]
            )
        marketer = cls.users["marketer"]
        cls.records["a"]["utm.campaign"] = cls.env["utm.campaign"].create(
            {"name": "矩阵活动a", "user_id": marketer.id}
        )
        cls.records["b"]["utm.campaign"] = cls.env["utm.campaign"].create(
            {"name": "矩阵活动b", "user_id": cls.seller_b.id}
        )
        cls.today = fields.Date.today()

    # what each role must see of record a (his, his team's or his desk's) and
    # record b (another team's); None: the role has no access to the model at all
    SEES = {
        "res.partner": {
            "salesperson": "a",
            "sales_supervisor": "a",
            "sales_manager": "ab",
            "marketer": "ab",
            "service_agent": "ab",
            "service_supervisor": "ab",
            "report_viewer": "ab",
        },
        "crm.lead": {
            "salesperson": "a",
            "sales_supervisor": "a",
            "sales_manager": "ab",
            "marketer": None,
            "service_agent": None,
            "service_supervisor": None,
            "report_viewer": None,
        },
        "sale.order": {
            "salesperson": "a",
            "sales_supervisor": "a",
            "sales_manager": "ab",
            "marketer": None,
            "service_agent": None,
            "service_supervisor": None,
            "report_viewer": None,
        },
        "crm.zz.interaction": {
            "salesperson": "a",
            "sales_supervisor": "a",
            "sales_manager": "ab",
            "marketer": None,
            "service_agent": None,
            "service_supervisor": None,
            "report_viewer": None,
        },
        "crm.zz.consent": {
            "salesperson": "a",
            "sales_supervisor": "a",
            "sales_manager": "ab",
            "marketer": "ab",
            "service_agent": "ab",
            "service_supervisor": "ab",
            "report_viewer": "ab",
        },
        "helpdesk.ticket": {
            "salesperson": "",
            "sales_supervisor": "",
            "sales_manager": "",
            "marketer": "",
            "service_agent": "a",
            "service_supervisor": "ab",
            "report_viewer": "",
        },
        "utm.campaign": {role: "ab" for role in ROLES},
        "crm.zz.pipeline.report": {
            "salesperson": "a",
            "sales_supervisor": "a",
            "sales_manager": "ab",
            "marketer": None,
            "service_agent": None,
            "service_supervisor": None,
            "report_viewer": "ab",
        },
        "crm.zz.customer.value.report": {
            "salesperson": "a",
            "sales_supervisor": "a",
            "sales_manager": "ab",
            "marketer": None,
            "service_agent": None,
            "service_supervisor": None,
            "report_viewer": "ab",
        },
        "crm.zz.customer.report": {
            "salesperson": "a",
            "sales_supervisor": "a",
            "sales_manager": "ab",
            "marketer": None,
            "service_agent": "",
            "service_supervisor": "",
            "report_viewer": "ab",
        },
        "crm.zz.ticket.report": {
            "salesperson": None,
            "sales_supervisor": None,
            "sales_manager": None,
            "marketer": None,
            "service_agent": "a",
            "service_supervisor": "ab",
            "report_viewer": "ab",
        },
    }
    # what each role may change (write and delete) of records a and b
    CHANGES = {
        "res.partner": {
            "salesperson": ("a", ""),
            "sales_supervisor": ("a", ""),
            "sales_manager": ("ab", ""),
        },
        "crm.lead": {
            "salesperson": ("a", ""),
            "sales_supervisor": ("a", ""),
            "sales_manager": ("ab", "ab"),
        },
        "sale.order": {
            "salesperson": ("a", ""),
            "sales_supervisor": ("a", ""),
            "sales_manager": ("ab", "ab"),
        },
        "crm.zz.interaction": {
            "salesperson": ("a", "a"),
            "sales_supervisor": ("", ""),
            "sales_manager": ("ab", "ab"),
        },
        "helpdesk.ticket": {
            "service_agent": ("a", ""),
            "service_supervisor": ("ab", "ab"),
        },
        # utm's campaigns are open to every employee (Odoo's rights); marketers delete
        "utm.campaign": {role: ("ab", "ab" if role == "marketer" else "") for role in ROLES},
    }

    def test_records_seen_and_changed(self):
        mismatches = []
        for model, by_role in self.SEES.items():
            for role, sees in by_role.items():
                mismatches += self._check_sees(model, role, sees)
        for model, by_role in self.CHANGES.items():
            for role in ROLES:
                writes, unlinks = by_role.get(role, ("", ""))
                mismatches += self._check_changes(model, role, "write", writes)
                mismatches += self._check_changes(model, role, "unlink", unlinks)
        self.assertFalse(mismatches, "record access differs:\n" + "\n".join(mismatches))

    def _check_sees(self, model, role, sees):
        user = self.users[role]
        records = self.records["a"][model] | self.records["b"][model]
        self.assertTrue(self.records["a"][model] and self.records["b"][model], model)
        Model = self.env[model].with_user(user)
        try:
            found = Model.search([("id", "in", records.ids)])
        except AccessError:
            return [] if sees is None else [f"{role} cannot search {model}"]
        if sees is None:
            return [f"{role} searches {model}, expected no access"]
        want = "".join(key for key in "ab" if self.records[key][model] & found)
        mismatches = []
        if want != sees:
            mismatches.append(f"{role} sees {want or 'none'} of {model}, expected {sees or 'none'}")
        for key in "ab":
            record = self.records[key][model].with_user(user)
            if key not in sees and record.has_access("read"):
                mismatches.append(f"{role} may read {model} {key}")
        return mismatches

    def _check_changes(self, model, role, operation, allowed):
        mismatches = []
        for key in "ab":
            record = self.records[key][model].with_user(self.users[role])
            try:
                record.check_access(operation)
                done = True
            except AccessError:
                done = False
            if done != (key in allowed):
                mismatches.append(
                    f"{role} {'may' if done else 'may not'} {operation} {model} {key}"
                )
        return mismatches

    def test_refused_write_says_access_error(self):
        """A real write, as the form does: another team's customer and lead are
        refused to the supervisor, his member's are his to change."""
        supervisor = self.users["sales_supervisor"]
        with self.assertRaises(AccessError):
            self.records["b"]["res.partner"].with_user(supervisor).write({"phone": "13800000000"})
        with self.assertRaises(AccessError):
            self.records["b"]["crm.lead"].with_user(supervisor).write({"priority": "2"})
        self.records["a"]["crm.lead"].with_user(supervisor).write({"priority": "2"})
        self.assertEqual(self.records["a"]["crm.lead"].priority, "2")
        agent = self.users["service_agent"]
        with self.assertRaises(AccessError):
            self.records["a"]["res.partner"].with_user(agent).write({"phone": "13800000000"})
