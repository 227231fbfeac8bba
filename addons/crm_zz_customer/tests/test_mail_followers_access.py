# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who follows a customer is read only by those who may read the customer."""

from odoo.exceptions import AccessError
from odoo.tests import users
from odoo.tools import mute_logger

from .common import CrmZzCustomerCommon


class TestMailFollowersAccess(CrmZzCustomerCommon):
    """A salesperson lists and reads the followers of his own customers, not those
    of a colleague's customer he may not read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague_customer = cls.env["res.partner"].create(
            {"name": "郑州同事贸易有限公司", "is_company": True, "user_id": cls.salesman_2.id}
        )
        cls.colleague_customer.message_subscribe(partner_ids=cls.salesman_2.partner_id.ids)
        cls.customer.message_subscribe(partner_ids=cls.salesman.partner_id.ids)
        cls.colleague_followers = cls.colleague_customer.message_follower_ids
        cls.own_followers = cls.customer.message_follower_ids

    @users("crm_zz_customer-salesman")
    @mute_logger("odoo.models")
    def test_followers_follow_the_document(self):
        Followers = self.env["mail.followers"]
        on_colleague = [
            ("res_model", "=", "res.partner"),
            ("res_id", "=", self.colleague_customer.id),
        ]
        self.assertFalse(Followers.search(on_colleague))
        self.assertEqual(Followers.search_count(on_colleague), 0)
        self.assertFalse(Followers.search_read(on_colleague, ["partner_id"]))
        with self.assertRaises(AccessError):
            Followers.browse(self.colleague_followers.ids).read(["partner_id"])
        # his own customer's followers, through a search and through the chatter's field
        on_own = [("res_model", "=", "res.partner"), ("res_id", "=", self.customer.id)]
        self.assertEqual(Followers.search(on_own), self.own_followers)
        customer = self.customer.with_user(self.env.user)
        self.assertIn(self.salesman.partner_id, customer.message_follower_ids.partner_id)
        self.assertTrue(Followers.browse(self.own_followers.ids).read(["partner_id"]))

    @users("crm_zz_customer-manager")
    def test_manager_reads_all_followers(self):
        on_colleague = [
            ("res_model", "=", "res.partner"),
            ("res_id", "=", self.colleague_customer.id),
        ]
        self.assertEqual(self.env["mail.followers"].search(on_colleague), self.colleague_followers)
