# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io
import json
from unittest.mock import patch

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import SQL, config

from .common import CrmZzCustomerCommon

SECRET = "zz-crm-test-key-0123456789abcdef"
NUMBER = "41010519900307123X"
OTHER_NUMBER = "11010519491231002X"


@tagged("post_install", "-at_install")
class TestResPartnerSensitive(CrmZzCustomerCommon):
    """Resident ID numbers are encrypted at rest and found by exact number; resident
    IDs, mobiles and phones are masked for users without the right to see them in
    full, except the salesperson who owns the customer; exporting them needs a right
    and is logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env,
            login="crm_zz_customer-sensitive-marketer",
            name="孙悦",
            groups="base.group_user,base.group_partner_manager",
        )
        cls.exporter = new_test_user(
            cls.env,
            login="crm_zz_customer-sensitive-exporter",
            name="周敏",
            groups="sales_team.group_sale_salesman,base.group_partner_manager,"
            "crm_zz_customer.group_zz_export_personal_data",
        )
        cls.accountant = new_test_user(
            cls.env,
            login="crm_zz_customer-sensitive-accountant",
            name="陈会计",
            groups="account.group_account_invoice",
        )
        # a person in the customer pool: no salesperson owns him
        cls.pool_person = cls.env["res.partner"].create(
            {"name": "刘洋", "mobile": "13912345678", "phone": "+86 371 6512 3456"}
        )

    def setUp(self):
        super().setUp()
        patcher = patch.dict(config.options, {"zz_crm_data_key": SECRET})
        patcher.start()
        self.addCleanup(patcher.stop)

    def _raw_columns(self, partner):
        self.env.flush_all()
        return self.env.execute_query(
            SQL(
                "SELECT zz_resident_id_encrypted, zz_resident_id_hash "
                "FROM res_partner WHERE id = %s",
                partner.id,
            )
        )[0]

    # ------------------------------------------------------------------ storage
    def test_resident_id_is_stored_encrypted_and_found_by_exact_number(self):
        contact = self.contact.with_user(self.salesman)
        contact.zz_resident_id = NUMBER.lower()
        encrypted, digest = self._raw_columns(contact)
        self.assertTrue(encrypted.startswith("v1:"))
        self.assertNotIn(NUMBER, encrypted + digest)
        self.assertNotIn("19900307", encrypted + digest)
        contact.invalidate_recordset()
        self.assertEqual(contact.zz_resident_id, NUMBER, "the owner reads the full number")
        Partner = self.env["res.partner"].with_user(self.salesman)
        self.assertEqual(Partner.search([("zz_resident_id", "=", NUMBER.lower())]), self.contact)
        self.assertFalse(Partner.search([("zz_resident_id", "=", OTHER_NUMBER)]))

    def test_wrong_check_character_is_refused_naming_the_value(self):
        contact = self.contact.with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "410105199003071235.*check character"):
            contact.zz_resident_id = "410105199003071235"
        self.contact.invalidate_recordset()
        self.assertFalse(self.contact.zz_resident_id)

    def test_without_key_setting_is_refused_and_nothing_is_shown(self):
        self.contact.zz_resident_id = NUMBER
        with patch.dict(config.options, {"zz_crm_data_key": ""}):
            self.contact.invalidate_recordset()
            self.assertFalse(self.contact.zz_resident_id)
            with self.assertRaisesRegex(UserError, "zz_crm_data_key"):
                self.customer_2.child_ids.create({"name": "钱伟", "zz_resident_id": OTHER_NUMBER})

    def test_same_resident_id_is_hinted_as_duplicate(self):
        self.contact.zz_resident_id = NUMBER
        form = Form(self.env["res.partner"].with_user(self.salesman))
        form.name = "赵强强"
        form.zz_resident_id = NUMBER
        self.assertEqual(form.zz_same_partner_id, self.contact)
        self.assertEqual(form.zz_same_partner_reason, "resident_id")

    # ------------------------------------------------------------------ masking
    def test_numbers_are_masked_for_salesman_outside_his_customers(self):
        self.pool_person.zz_resident_id = NUMBER
        person = self.pool_person.with_user(self.salesman)
        fields = ["mobile", "phone", "zz_resident_id", "zz_mobile_key"]
        expected = {
            "mobile": "139****5678",
            "phone": "+86 371****3456",
            "zz_resident_id": "4101**********123X",
            "zz_mobile_key": "+86 139****5678",
        }
        self.assertDictEqual({f: person.read(fields)[0][f] for f in fields}, expected)
        rows = person.search_read([("id", "=", person.id)], fields)
        self.assertDictEqual({f: rows[0][f] for f in fields}, expected)
        web = person.web_read({f: {} for f in fields})[0]
        self.assertDictEqual({f: web[f] for f in fields}, expected)
        # searching by the full number still finds him
        Partner = self.env["res.partner"].with_user(self.salesman)
        self.assertEqual(Partner.search([("mobile", "=", "13912345678")]), self.pool_person)

    def test_colleague_resident_id_is_masked_on_the_user(self):
        self.salesman_2.partner_id.zz_resident_id = OTHER_NUMBER
        shown = self.salesman_2.with_user(self.salesman).read(["zz_resident_id"])[0]
        self.assertEqual(shown["zz_resident_id"], "1101**********002X")
        own = self.salesman_2.with_user(self.salesman_2).read(["zz_resident_id"])[0]
        self.assertEqual(own["zz_resident_id"], OTHER_NUMBER)

    def test_owner_and_group_see_full_numbers(self):
        for user in (self.sales_manager, self.salesman):
            self.assertEqual(
                self.contact.with_user(user).read(["mobile"])[0]["mobile"], "13812345678"
            )
        self.assertEqual(
            self.pool_person.with_user(self.sales_manager).read(["mobile"])[0]["mobile"],
            "13912345678",
        )
        self.assertEqual(
            self.pool_person.with_user(self.marketer).read(["mobile"])[0]["mobile"],
            "139****5678",
        )

    def test_masked_value_written_back_keeps_the_number(self):
        person = self.pool_person.with_user(self.salesman)
        person.write({"mobile": "139****5678", "name": "刘洋洋"})
        self.assertEqual(self.pool_person.mobile, "13912345678")
        self.assertEqual(self.pool_person.name, "刘洋洋")
        with self.assertRaisesRegex(UserError, "137\\*\\*\\*\\*5678"):
            person.write({"mobile": "137****5678"})
        person.write({"mobile": "13700001111"})
        self.assertEqual(self.pool_person.mobile, "13700001111")

    def test_tracking_message_is_masked(self):
        # the partners created in setUpClass are not tracked until the next commit
        self.env.cr.precommit.run()
        person = self.pool_person.with_context(tracking_disable=False, mail_notrack=False)
        person.mobile = "13600001111"
        self.env.flush_all()
        self.env.cr.precommit.run()
        message = self.env["mail.message"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", self.pool_person.id),
                ("tracking_value_ids", "!=", False),
            ]
        )
        self.assertTrue(message, "the mobile change is tracked")

        def shown(user):
            trackings = message.with_user(user).sudo().tracking_value_ids
            values = trackings._tracking_value_format()
            return [(v["oldValue"]["value"], v["newValue"]["value"]) for v in values]

        self.assertEqual(shown(self.marketer), [("139****5678", "136****1111")])
        self.assertEqual(shown(self.sales_manager), [("13912345678", "13600001111")])

    # ------------------------------------------------------------------ export
    def test_export_of_personal_data_needs_the_right(self):
        self.salesman.groups_id += self.env.ref("base.group_allow_export")
        Partner = self.env["res.partner"].with_user(self.salesman)
        with self.assertRaisesRegex(AccessError, "Mobile"):
            Partner.browse(self.contact.id).export_data(["name", "mobile"])
        with self.assertRaises(AccessError):
            Partner.browse(self.customer.id).export_data(["name", "child_ids/mobile"])
        # without personal fields the export goes on
        self.assertEqual(
            Partner.browse(self.customer.id).export_data(["name"])["datas"],
            [["郑州测试机械有限公司"]],
        )

    def test_export_with_the_right_is_masked_and_logged(self):
        self.pool_person.zz_resident_id = NUMBER
        other_person = self.env["res.partner"].create({"name": "钱伟", "mobile": "13500001111"})
        Partner = self.env["res.partner"].with_user(self.exporter)
        records = Partner.browse([self.pool_person.id, other_person.id])
        datas = records.export_data(["name", "mobile", "zz_resident_id"])["datas"]
        self.assertEqual(
            datas,
            [["刘洋", "139****5678", "4101**********123X"], ["钱伟", "135****1111", ""]],
        )
        # the cache is back to the real numbers
        self.assertEqual(self.pool_person.mobile, "13912345678")
        log = self.env["crm.zz.audit.log"].search(
            [("event", "=", "export"), ("res_model", "=", "res.partner")], limit=1
        )
        self.assertEqual(log.user_id, self.exporter)
        self.assertEqual(log.record_count, 2)
        self.assertEqual(log.field_names, "name,mobile,zz_resident_id")
        self.assertTrue(log.event_date)

    def test_grouping_by_a_masked_number_needs_the_right(self):
        """A list grouped by mobile would show the numbers in its group headers."""
        Partner = self.env["res.partner"]
        with self.assertRaises(AccessError):
            Partner.with_user(self.marketer).web_read_group(
                [("id", "=", self.pool_person.id)], ["mobile"], ["mobile"]
            )
        with self.assertRaises(AccessError):
            Partner.with_user(self.salesman).read_group([], ["phone"], ["phone"])
        # grouping by anything else stays open; the managers' right opens it
        groups = Partner.with_user(self.marketer).read_group(
            [("id", "=", self.pool_person.id)], ["name"], ["name"]
        )
        self.assertEqual(groups[0]["name"], "刘洋")
        self.salesman.groups_id = [(4, self.env.ref("crm_zz_customer.group_zz_personal_data").id)]
        groups = Partner.with_user(self.salesman).read_group(
            [("id", "=", self.pool_person.id)], ["mobile"], ["mobile"]
        )
        self.assertEqual(groups[0]["mobile"], self.pool_person.mobile)

    def test_bank_account_is_masked_outside_accounting(self):
        account = self.env["res.partner.bank"].create(
            {"acc_number": "6222020200012345", "partner_id": self.pool_person.id}
        )
        shown = account.with_user(self.salesman).read(["acc_number", "display_name"])[0]
        self.assertEqual(shown["acc_number"], "************2345")
        self.assertNotIn("6222020200012345", shown["display_name"])
        full = account.with_user(self.accountant).read(["acc_number"])[0]
        self.assertEqual(full["acc_number"], "6222020200012345")


@tagged("post_install", "-at_install")
class TestListExportMasked(HttpCase):
    """Odoo's list export (CSV) writes the numbers masked where the user reads them
    masked, and is logged."""

    def test_list_export_is_masked_and_logged(self):
        user = new_test_user(
            self.env,
            login="crm_zz_customer-sensitive-list-export",
            password="crm_zz_customer-sensitive-list-export",
            groups="sales_team.group_sale_salesman,base.group_partner_manager,"
            "crm_zz_customer.group_zz_export_personal_data",
        )
        person = self.env["res.partner"].create({"name": "吴婷", "mobile": "13912345678"})
        self.authenticate(user.login, user.login)
        data = {
            "model": "res.partner",
            "fields": [
                {"name": "name", "label": "名称", "type": "char"},
                {"name": "mobile", "label": "手机", "type": "char"},
            ],
            "ids": person.ids,
            "domain": [],
            "import_compat": False,
        }
        response = self.url_open(
            "/web/export/csv",
            data={"data": json.dumps(data), "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1]
        self.assertEqual(row, ["吴婷", "139****5678"])
        log = self.env["crm.zz.audit.log"].search(
            [("event", "=", "export"), ("user_id", "=", user.id)]
        )
        self.assertEqual((log.record_count, log.field_names), (1, "name,mobile"))
