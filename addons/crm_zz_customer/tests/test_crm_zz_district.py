# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.crm_zz_customer.tools import district as district_tools


@tagged("at_install", "-post_install")
class TestZhengzhouPlaces(TransactionCase):
    """A salesperson picks a customer's district, zone and park from real data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.District = cls.env["crm.zz.district"]
        cls.jinshui = cls.env.ref("crm_zz_customer.district_410105")
        cls.high_tech = cls.env.ref("crm_zz_customer.district_high_tech")
        cls.sensor_valley = cls.env.ref("crm_zz_customer.park_intelligent_sensor_valley")
        cls.jinshui_park = cls.env.ref("crm_zz_customer.park_jinshui_science_and_education_park")

    def test_county_level_divisions_carry_gbt_2260_codes(self):
        admin = self.District.search([("kind", "!=", "zone")])
        self.assertEqual(len(admin), 12)
        self.assertEqual(
            sorted(admin.mapped("code")),
            [
                "410102",
                "410103",
                "410104",
                "410105",
                "410106",
                "410108",
                "410122",
                "410181",
                "410182",
                "410183",
                "410184",
                "410185",
            ],
        )
        self.assertEqual(self.jinshui.name, "金水区")

    def test_functional_zones_have_no_gbt_code(self):
        zones = self.District.search([("kind", "=", "zone")])
        self.assertEqual(len(zones), 4)
        self.assertFalse(any(zones.mapped("code")))
        self.assertEqual(self.high_tech.stat_code, "410172")
        self.assertFalse(self.env.ref("crm_zz_customer.district_zhengdong").stat_code)

    def test_park_implies_zone_on_the_form(self):
        customers_before = self.sensor_valley.partner_count
        with Form(self.env["res.partner"]) as form:
            form.name = "郑州测试传感有限公司"
            form.company_type = "company"
            form.zz_park_id = self.sensor_valley
            self.assertEqual(form.zz_zone_id, self.high_tech)
            self.assertFalse(form.zz_district_id)
        partner = form.record
        self.assertEqual(partner.zz_zone_id, self.high_tech)
        self.sensor_valley.invalidate_recordset(["partner_count"])
        self.assertEqual(self.sensor_valley.partner_count, customers_before + 1)

    def test_park_in_a_district_sets_the_district(self):
        partner = self.env["res.partner"].create(
            {"name": "金水科创公司", "zz_park_id": self.jinshui_park.id}
        )
        self.assertEqual(partner.zz_district_id, self.jinshui)
        self.assertFalse(partner.zz_zone_id)

    def test_customers_group_by_district(self):
        erqi = self.env.ref("crm_zz_customer.district_410103")
        partners = self.env["res.partner"].create(
            [{"name": f"金水客户{i}", "zz_district_id": self.jinshui.id} for i in range(3)]
            + [{"name": "二七客户", "zz_district_id": erqi.id}]
        )
        groups = dict(
            self.env["res.partner"]._read_group(
                [("id", "in", partners.ids)], ["zz_district_id"], ["__count"]
            )
        )
        self.assertEqual(groups, {self.jinshui: 3, erqi: 1})

    def test_imported_place_names_match_the_district_data(self):
        places = [
            district_tools.Place(d.id, d.name, d.short_name or "", d.code or "", d.stat_code or "")
            for d in self.District.search([])
        ]
        index = district_tools.build_index(places)
        for written in ("金水区", "金水", "410105", "郑州市金水区"):
            self.assertEqual(district_tools.match_place(written, index), self.jinshui.id)
        self.assertEqual(district_tools.match_place("高新区", index), self.high_tech.id)
        with self.assertRaises(district_tools.UnknownPlace):
            district_tools.match_place("海淀区", index)
