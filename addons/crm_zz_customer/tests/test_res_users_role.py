# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestResUsersRole(TransactionCase):
    """An administrator gives each person one CRM role in the user form; the role
    brings the Odoo groups its work needs and replaces the previous role with them.
    A salesperson sees his own customers; his supervisor also those of the members of
    the sales teams he leads, not another team's; an accountant who also sells is not
    narrowed to his own customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(cls.env, login="zz_role-user", name="周静")
        cls.salesperson = cls.env.ref("crm_zz_customer.crm_zz_customer_group_salesperson")
        cls.supervisor = cls.env.ref("crm_zz_customer.crm_zz_customer_group_sales_supervisor")
        cls.manager = cls.env.ref("crm_zz_customer.crm_zz_customer_group_sales_manager")
        cls.salesman = cls.env.ref("sales_team.group_sale_salesman")
        cls.sale_manager = cls.env.ref("sales_team.group_sale_manager")
        cls.all_leads = cls.env.ref("sales_team.group_sale_salesman_all_leads")

    def _form(self):
        """The user form an administrator opens from Settings > Users."""
        admin = self.env.ref("base.user_admin")
        return Form(self.user.with_user(admin), view="base.view_users_form")

    def test_role_set_in_the_user_form(self):
        with self._form() as form:
            self.assertFalse(form.zz_crm_role)
            form.zz_crm_role = "sales_supervisor"
        self.assertEqual(self.user.zz_crm_role, "sales_supervisor")
        groups = self.user.groups_id
        self.assertLessEqual(self.supervisor | self.salesperson | self.salesman, groups)
        self.assertNotIn(self.manager, groups)
        self.assertNotIn(self.sale_manager, groups)
        # another role replaces it, with the sales groups it brought
        with self._form() as form:
            self.assertEqual(form.zz_crm_role, "sales_supervisor")
            form.zz_crm_role = "service_agent"
        self.assertEqual(self.user.zz_crm_role, "service_agent")
        self.assertFalse((self.supervisor | self.salesperson | self.salesman) & self.user.groups_id)
        self.assertTrue(self.user._is_internal())

    def test_role_written_by_write(self):
        self.user.write({"zz_crm_role": "sales_manager"})
        self.assertLessEqual(self.manager | self.sale_manager | self.all_leads, self.user.groups_id)
        # a demotion takes the manager's groups away, not only the role
        self.user.write({"zz_crm_role": "salesperson"})
        self.assertEqual(self.user.zz_crm_role, "salesperson")
        self.assertIn(self.salesman, self.user.groups_id)
        self.assertFalse((self.manager | self.sale_manager | self.all_leads) & self.user.groups_id)
        self.user.write({"zz_crm_role": False})
        self.assertFalse(self.user.zz_crm_role)
        self.assertNotIn(self.salesman, self.user.groups_id)
        self.assertIn(self.env.ref("base.group_user"), self.user.groups_id)

    def test_nobody_gives_himself_a_role(self):
        self.user.zz_crm_role = "salesperson"
        with self.assertRaises(AccessError):
            self.user.with_user(self.user).write({"zz_crm_role": "sales_manager"})
        self.assertNotIn(self.sale_manager, self.user.groups_id)

    def test_role_keeps_groups_implied_by_others(self):
        """Groups the user holds for another reason stay: an administrator who is
        given and then relieved of a role keeps being an administrator."""
        admin = new_test_user(self.env, login="zz_role-admin", groups="base.group_system")
        before = admin.groups_id
        admin.zz_crm_role = "salesperson"
        admin.zz_crm_role = False
        self.assertLessEqual(before, admin.groups_id)

    def test_roles_are_not_checkboxes(self):
        """The user form shows the role field, not one checkbox per role group."""
        apps = self.env["res.groups"].get_groups_by_application()
        shown = self.env["res.groups"].union(*(groups for _app, _kind, groups, _cat in apps))
        self.assertFalse(shown & (self.salesperson | self.supervisor | self.manager))
        self.assertIn(self.salesman, shown)
        view = self.env.ref("base.view_users_form")
        admin = self.env.ref("base.user_admin")
        Users = self.env["res.users"].with_user(admin)
        arch = Users.get_views([(view.id, "form")])["views"]["form"]["arch"]
        self.assertIn('name="zz_crm_role"', arch)
        self.assertNotIn(f"in_group_{self.salesperson.id}", arch)

    def test_supervisor_sees_his_team_not_another(self):
        seller_a = new_test_user(self.env, login="zz_role-a", name="销售甲")
        seller_b = new_test_user(self.env, login="zz_role-b", name="销售乙")
        (seller_a | seller_b).zz_crm_role = "salesperson"
        self.user.zz_crm_role = "sales_supervisor"
        team_a, team_b = self.env["crm.team"].create(
            [{"name": "角色甲组", "user_id": self.user.id}, {"name": "角色乙组"}]
        )
        self.env["crm.team.member"].create(
            [
                {"crm_team_id": team_a.id, "user_id": seller_a.id},
                {"crm_team_id": team_b.id, "user_id": seller_b.id},
            ]
        )
        mine, theirs = self.env["res.partner"].create(
            [
                {"name": "郑州甲组客户", "is_company": True, "user_id": seller_a.id},
                {"name": "郑州乙组客户", "is_company": True, "user_id": seller_b.id},
            ]
        )
        contact = self.env["res.partner"].create({"name": "甲组联系人", "parent_id": mine.id})
        Partner = self.env["res.partner"].with_user(self.user)
        found = Partner.search([("id", "in", (mine | theirs | contact).ids)])
        self.assertEqual(found, mine | contact)
        self.assertEqual(
            self.env["res.partner"].with_user(seller_a).search([("id", "in", (mine | theirs).ids)]),
            mine,
        )

    def test_accountant_who_sells_reads_every_customer(self):
        colleague = new_test_user(self.env, login="zz_role-colleague")
        colleague.zz_crm_role = "salesperson"
        theirs = self.env["res.partner"].create(
            {"name": "郑州同事客户", "is_company": True, "user_id": colleague.id}
        )
        seller = new_test_user(self.env, login="zz_role-seller")
        seller.zz_crm_role = "salesperson"
        accountant = new_test_user(
            self.env, login="zz_role-accountant", groups="account.group_account_invoice"
        )
        accountant.zz_crm_role = "salesperson"
        self.assertFalse(theirs.with_user(seller).has_access("read"))
        self.assertTrue(theirs.with_user(accountant).has_access("read"))
        self.assertEqual(theirs.with_user(accountant).name, "郑州同事客户")
        # reading is not editing: the accountant's customers to edit stay his own
        self.assertFalse(theirs.with_user(accountant).has_access("write"))
        # an agent reads every customer, edits none
        agent = new_test_user(self.env, login="zz_role-agent")
        agent.zz_crm_role = "service_agent"
        self.assertTrue(theirs.with_user(agent).has_access("read"))
        self.assertFalse(theirs.with_user(agent).has_access("write"))
