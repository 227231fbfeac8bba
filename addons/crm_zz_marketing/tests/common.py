# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

MARKETER_GROUPS = "mass_mailing.group_mass_mailing_user,sales_team.group_sale_salesman"


class CrmZzMarketingCommon(BaseCommon):
    """A marketer, a salesperson, and manufacturers in 经开区 with and without consent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env, login="crm_zz_marketing-marketer", name="市场部 刘芳", groups=MARKETER_GROUPS
        )
        cls.salesman = new_test_user(
            cls.env,
            login="crm_zz_marketing-salesman",
            name="销售 王磊",
            groups="sales_team.group_sale_salesman",
        )
        cls.econ_dev = cls.env.ref("crm_zz_customer.district_econ_dev")
        cls.jinshui = cls.env.ref("crm_zz_customer.district_410105")
        cls.manufacturing = cls.env["res.partner.industry"].create({"name": "制造业（测试）"})
        Partner = cls.env["res.partner"]

        def customer(name, email, mobile, **extra):
            return Partner.create(
                {
                    "name": name,
                    "is_company": True,
                    "email": email,
                    "mobile": mobile,
                    "zz_zone_id": cls.econ_dev.id,
                    "industry_id": cls.manufacturing.id,
                    "zz_grade_manual": "a",
                    "country_id": cls.env.ref("base.cn").id,
                    **extra,
                }
            )

        # consent given on both channels
        cls.given = customer("郑州宇达机械有限公司", "yuda@example.cn", "13800000001")
        # consent withdrawn on both channels
        cls.withdrawn = customer("郑州恒信重工有限公司", "hengxin@example.cn", "13800000002")
        # never asked
        cls.unknown = customer("郑州盛华机电有限公司", "shenghua@example.cn", "13800000003")
        # gives consent, withdraws it after the mailing was planned
        cls.late = customer("郑州润泽装备有限公司", "runze@example.cn", "13800000004")
        # consent given, but a number that is not a mainland mobile
        cls.foreign = customer("郑州中美合资机械有限公司", "usa@example.cn", "+1 415 555 0100")
        # same profile in another zone: outside the segment
        cls.outside = customer(
            "金水区贸易有限公司",
            "jinshui@example.cn",
            "13800000009",
            zz_zone_id=False,
            zz_district_id=cls.jinshui.id,
        )
        for partner in cls.given | cls.late | cls.foreign | cls.outside:
            partner._zz_record_consent("email", "given", "form", purpose="产品资讯")
            partner._zz_record_consent("sms", "given", "form", purpose="产品资讯")
        cls.withdrawn._zz_record_consent("email", "withdrawn", "manual")
        cls.withdrawn._zz_record_consent("sms", "withdrawn", "manual")
        cls.segment = cls.env["crm.zz.marketing.segment"].create(
            {
                "name": "经开区 A 级制造企业",
                "zone_ids": [cls.econ_dev.id],
                "industry_ids": [cls.manufacturing.id],
                "grade_a": True,
            }
        )
        cls.segment_customers = cls.given | cls.withdrawn | cls.unknown | cls.late | cls.foreign
