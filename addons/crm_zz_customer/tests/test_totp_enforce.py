# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import re
import time
from datetime import timedelta
from xmlrpc.client import Fault

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.auth_totp.models.totp import TIMESTEP, hotp

from ..models.res_users_totp import ENFORCE_PARAM, GROUPS_PARAM

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def app_code(secret):
    """The six digits the authenticator app shows now for ``secret``."""
    key = base64.b32decode(re.sub(r"\s", "", secret))
    return f"{hotp(key, int(time.time() / TIMESTEP)):06d}"


@tagged("post_install", "-at_install")
class TestTotpEnforce(HttpCase):
    """Managers and administrators log in with an authenticator app once the
    setting is on; salespeople do not; scripts of managers use API keys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="zz-totp-manager",
            password="zz-totp-manager-pw",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        cls.salesman = new_test_user(
            cls.env,
            login="zz-totp-salesman",
            password="zz-totp-salesman-pw",
            groups="base.group_user,sales_team.group_sale_salesman",
        )

    def _enforce(self, on=True):
        self.env["ir.config_parameter"].set_param(ENFORCE_PARAM, str(on))

    def _login(self, user):
        """Post the login form as a browser does; the response, not followed."""
        self.authenticate(None, None)
        response = self.url_open(
            "/web/login",
            data={
                "login": user.login,
                "password": f"{user.login}-pw",
                "csrf_token": http.Request.csrf_token(self),
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, response.text[:300])
        return self._keep_session(response)

    def _keep_session(self, response):
        # a completed login gives the browser a new session id: keep only that one
        sid = response.cookies.get("session_id")
        if sid:
            self.opener.cookies.clear()
            self.opener.cookies["session_id"] = sid
        return response

    def _post_code(self, code):
        page = self.url_open("/web/login/totp")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self._keep_session(
            self.url_open(
                "/web/login/totp",
                data={"totp_token": code, "csrf_token": token},
                allow_redirects=False,
            )
        )

    def _logged_in_uid(self):
        """The user of the browser's session, None before the login is complete."""
        response = self.url_open("/odoo", allow_redirects=False)
        if response.status_code != 200:
            return None
        return self.make_jsonrpc_request("/web/session/get_session_info").get("uid")

    def test_manager_without_totp_sets_the_app_up(self):
        self._enforce()
        response = self._login(self.manager)
        self.assertTrue(response.headers["Location"].endswith("/web/login/totp"))
        page = self.url_open("/web/login/totp")
        self.assertIn("o_zz_totp_setup", page.text)
        self.assertIn("data:image/png;base64,", page.text)
        secret = re.search(r'class="o_zz_totp_secret">([A-Z2-7 ]+)<', page.text).group(1)
        self.assertEqual(len(secret.replace(" ", "")), 32)  # 160 bits, as Odoo's wizard
        # not in the web client yet, and a wrong code keeps him out
        self.assertFalse(self._logged_in_uid())
        with mute_logger("odoo.addons.auth_totp.models.res_users"):
            wrong = self._post_code("000000" if app_code(secret) != "000000" else "111111")
        self.assertEqual(wrong.status_code, 200)
        self.assertIn('class="alert alert-danger"', wrong.text)  # the code is refused
        self.assertFalse(self._logged_in_uid())
        done = self._post_code(app_code(secret))
        self.assertEqual(done.status_code, 303, done.text[:300])
        self.assertTrue(done.headers["Location"].endswith("/odoo"))
        self.assertEqual(self._logged_in_uid(), self.manager.id)
        self.manager.invalidate_recordset()
        self.assertTrue(self.manager.totp_enabled)
        self.assertTrue(
            self.env["crm.zz.audit.log"].search(
                [("event", "=", "two_factor"), ("res_id", "=", self.manager.id)]
            )
        )

    def test_manager_with_totp_asked_for_the_code(self):
        self.manager.totp_secret = SECRET
        self._enforce()
        response = self._login(self.manager)
        self.assertTrue(response.headers["Location"].endswith("/web/login/totp"))
        page = self.url_open("/web/login/totp")
        self.assertIn('name="totp_token"', page.text)
        self.assertNotIn("o_zz_totp_setup", page.text)
        done = self._post_code(app_code(SECRET))
        self.assertEqual(done.status_code, 303, done.text[:300])
        self.assertEqual(self._logged_in_uid(), self.manager.id)

    def test_salesman_not_asked(self):
        self._enforce()
        response = self._login(self.salesman)
        self.assertTrue(response.headers["Location"].endswith("/odoo"))
        self.assertEqual(self._logged_in_uid(), self.salesman.id)

    def test_setting_off_no_enforcement(self):
        self._enforce(False)
        response = self._login(self.manager)
        self.assertTrue(response.headers["Location"].endswith("/odoo"))
        self.assertEqual(self._logged_in_uid(), self.manager.id)

    def test_groups_configurable(self):
        self._enforce()
        self.env["ir.config_parameter"].set_param(GROUPS_PARAM, "base.group_system")
        response = self._login(self.manager)
        self.assertTrue(response.headers["Location"].endswith("/odoo"))
        self.env["ir.config_parameter"].set_param(
            GROUPS_PARAM, "base.group_system,sales_team.group_sale_salesman"
        )
        response = self._login(self.salesman)
        self.assertTrue(response.headers["Location"].endswith("/web/login/totp"))

    @mute_logger("odoo.http", "odoo.addons.base.models.res_users")
    def test_rpc_password_refused_api_key_accepted(self):
        db = get_db_name()
        uid = self.manager.id
        password = "zz-totp-manager-pw"
        self.assertEqual(self.xmlrpc_common.authenticate(db, self.manager.login, password, {}), uid)
        self._enforce()
        self.assertFalse(self.xmlrpc_common.authenticate(db, self.manager.login, password, {}))
        # the message names API keys (in English or in the user's Chinese)
        with self.assertRaisesRegex(Fault, "API key|API 密钥"):
            self.xmlrpc_object.execute_kw(db, uid, password, "res.users", "read", [uid, ["login"]])
        # a wrong password learns nothing about 2FA
        with self.assertRaises(Fault) as caught:
            self.xmlrpc_object.execute_kw(db, uid, "wrong", "res.users", "read", [uid, ["login"]])
        self.assertNotRegex(caught.exception.faultString, "API key|API 密钥")
        expiry = fields.Datetime.now() + timedelta(days=30)
        key = self.env["res.users.apikeys"].with_user(self.manager)._generate(None, "ERP", expiry)
        self.assertEqual(self.xmlrpc_common.authenticate(db, self.manager.login, key, {}), uid)
        [row] = self.xmlrpc_object.execute_kw(db, uid, key, "res.users", "read", [uid, ["login"]])
        self.assertEqual(row["login"], self.manager.login)
        # the salesperson keeps his password for scripts
        salesman_uid = self.xmlrpc_common.authenticate(
            db, self.salesman.login, "zz-totp-salesman-pw", {}
        )
        self.assertEqual(salesman_uid, self.salesman.id)

    def test_manager_cannot_switch_totp_off(self):
        self.manager.totp_secret = SECRET
        self._enforce()
        with self.assertRaisesRegex(UserError, "cannot switch it off|不能自行关闭"):
            self.manager.with_user(self.manager).action_totp_disable()
        self.assertTrue(self.manager.totp_enabled)
        # his preferences hide the switch: he reads that it is required of him
        [own] = self.manager.with_user(self.manager).read(["zz_totp_required"])
        self.assertTrue(own["zz_totp_required"])
        [own] = self.salesman.with_user(self.salesman).read(["zz_totp_required"])
        self.assertFalse(own["zz_totp_required"])
        preferences = self.env.ref("base.view_users_form_simple_modif")
        arch = (
            self.env["res.users"]
            .with_user(self.manager)
            .get_views([(preferences.id, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("zz_totp_required", arch)

    def test_admin_disables_a_managers_totp(self):
        self.manager.totp_secret = SECRET
        self.authenticate("admin", "admin")
        self._enforce()
        # Odoo asks the administrator's password again first (check_identity)
        self.session["identity-check-last"] = time.time()
        http.root.session_store.save(self.session)
        self.make_jsonrpc_request(
            "/web/dataset/call_button/res.users/action_totp_disable",
            {
                "model": "res.users",
                "method": "action_totp_disable",
                "args": [self.manager.ids],
                "kwargs": {},
            },
        )
        self.manager.invalidate_recordset()
        self.assertFalse(self.manager.totp_enabled)
        # his next login sets the app up again
        self.assertTrue(self._login(self.manager).headers["Location"].endswith("/web/login/totp"))
        self.assertIn("o_zz_totp_setup", self.url_open("/web/login/totp").text)

    def test_reset_from_the_server(self):
        admin = self.env.ref("base.user_admin")
        admin.totp_secret = SECRET
        self.assertTrue(admin.totp_enabled)
        self.env["res.users"]._zz_totp_reset(admin.login)
        admin.invalidate_recordset()
        self.assertFalse(admin.totp_enabled)
        with self.assertRaises(UserError):
            self.env["res.users"]._zz_totp_reset("nobody-zz-totp")

    def test_default_enforcement(self):
        icp = self.env["ir.config_parameter"]
        icp.set_param(ENFORCE_PARAM, False)
        self.env.ref("base.module_base").demo = False
        self.env["res.users"]._zz_totp_default_enforcement()
        self.assertEqual(icp.get_param(ENFORCE_PARAM), "True")
        icp.set_param(ENFORCE_PARAM, False)
        self.env.ref("base.module_base").demo = True
        self.env["res.users"]._zz_totp_default_enforcement()
        self.assertEqual(icp.get_param(ENFORCE_PARAM), "False")

    def test_settings(self):
        """The setting and its groups, as Settings saves and shows them."""
        icp = self.env["ir.config_parameter"]
        icp.set_param(GROUPS_PARAM, False)
        values = self.env["res.config.settings"].get_values()
        self.assertIn(self.env.ref("sales_team.group_sale_manager").id, values["zz_totp_group_ids"])
        made_here = self.env["res.groups"].create({"name": "区域经理"})
        settings = self.env["res.config.settings"].new(
            {
                "zz_totp_enforce_managers": True,
                "zz_totp_group_ids": (self.env.ref("base.group_system") | made_here).ids,
            }
        )
        settings._zz_set_totp_values()
        self.assertEqual(icp.get_param(ENFORCE_PARAM), "True")
        values = self.env["res.config.settings"].get_values()
        self.assertTrue(values["zz_totp_enforce_managers"])
        self.assertEqual(
            sorted(values["zz_totp_group_ids"]),
            sorted((self.env.ref("base.group_system") | made_here).ids),
        )
        # a member of the group made in the interface is asked too
        self.salesman.groups_id = [(4, made_here.id)]
        self.assertTrue(self.salesman._zz_totp_required())
        self.assertFalse(self.manager._zz_totp_required())
