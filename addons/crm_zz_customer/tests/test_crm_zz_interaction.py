# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged, users

from .common import CrmZzCustomerCommon


@tagged("at_install", "-post_install")
class TestInteraction(CrmZzCustomerCommon):
    """A salesperson logs a call in one dialog; the next step becomes an activity;
    the customer shows its timeline and last contact date; others' stay private."""

    @users("crm_zz_customer-salesman")
    def test_log_a_call_in_one_dialog(self):
        customer = self.customer.with_user(self.env.user)
        action = customer.action_zz_log_interaction()
        self.assertEqual(action["target"], "new")
        form = Form(
            self.env["crm.zz.interaction"].with_context(**action["context"]),
            view="crm_zz_customer.crm_zz_interaction_view_form",
        )
        self.assertEqual(form.partner_id, customer)
        self.assertEqual(form.kind, "call")
        form.contact_id = self.contact
        form.name = "询问新设备报价"
        form.outcome = "positive"
        form.next_step = "发送报价单"
        form.next_step_date = date(2026, 12, 1)
        interaction = form.save()

        self.assertEqual(interaction.user_id, self.env.user)
        activity = interaction.activity_id
        self.assertEqual(activity.res_model, "res.partner")
        self.assertEqual(activity.res_id, customer.id)
        self.assertEqual(activity.summary, "发送报价单")
        self.assertEqual(activity.date_deadline, date(2026, 12, 1))
        self.assertIn(activity, customer.activity_ids)
        self.assertEqual(customer.zz_last_contact_date, interaction.date)
        self.assertEqual(customer.zz_interaction_count, 1)

    def test_visit_button_and_timeline_newest_first(self):
        action = self.contact.with_context(zz_interaction_kind="visit").action_zz_log_interaction()
        self.assertEqual(action["context"]["default_kind"], "visit")
        self.assertEqual(action["context"]["default_partner_id"], self.customer.id)
        self.assertEqual(action["context"]["default_contact_id"], self.contact.id)
        Interaction = self.env["crm.zz.interaction"]
        old, new = Interaction.create(
            [
                {
                    "partner_id": self.contact.id,
                    "name": "上门拜访",
                    "kind": "visit",
                    "date": datetime(2026, 3, 1, 9, 0),
                },
                {
                    "partner_id": self.customer.id,
                    "name": "微信沟通",
                    "kind": "wechat",
                    "date": datetime(2026, 5, 1, 9, 0),
                },
            ]
        )
        self.assertEqual(old.commercial_partner_id, self.customer)
        timeline = Interaction.search(self.customer.action_zz_view_interactions()["domain"])
        self.assertEqual(timeline, new | old)
        self.assertEqual(timeline[0], new)
        self.assertEqual(self.customer.zz_last_contact_date, datetime(2026, 5, 1, 9, 0))

    def test_email_interaction_points_to_the_chatter_message(self):
        message = self.customer.message_post(body="报价邮件", message_type="comment")
        interaction = self.env["crm.zz.interaction"].create(
            {
                "partner_id": self.customer.id,
                "kind": "email",
                "name": "报价邮件",
                "mail_message_id": message.id,
            }
        )
        self.assertEqual(interaction.mail_message_id, message)
        # no copy of the email: the chatter still holds it once
        self.assertEqual(
            self.env["mail.message"].search_count(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "=", self.customer.id),
                    ("body", "ilike", "报价邮件"),
                ]
            ),
            1,
        )

    def test_link_to_any_record(self):
        order = self._confirmed_order(self.customer)
        interaction = self.env["crm.zz.interaction"].create(
            {
                "partner_id": self.customer.id,
                "name": "订单跟进",
                "res_model": "sale.order",
                "res_id": order.id,
            }
        )
        self.assertEqual(interaction.res_name, order.display_name)
        with self.assertRaises(ValidationError):
            interaction.res_model = "no.such.model"

    def test_timeline_of_another_document(self):
        """What crm_zz_sales and crm_zz_service use for leads and tickets."""
        order = self._confirmed_order(self.customer)
        Interaction = self.env["crm.zz.interaction"]
        action = Interaction._zz_action_for(order, order.partner_id)
        logged = Interaction.with_context(**action["context"]).create({"name": "催款电话"})
        self.assertEqual((logged.res_model, logged.res_id), ("sale.order", order.id))
        self.assertEqual(logged.commercial_partner_id, self.customer)
        self.assertEqual(Interaction.search(action["domain"]), logged)
        self.assertEqual(Interaction._zz_count_for(order), {order.id: 1})

    def test_salesman_cannot_read_another_salesmans_interactions(self):
        mine = (
            self.env["crm.zz.interaction"]
            .with_user(self.salesman)
            .create({"partner_id": self.customer.id, "name": "电话回访"})
        )
        other = self.env["crm.zz.interaction"].with_user(self.salesman_2)
        self.assertNotIn(mine, other.search([]))
        with self.assertRaises(AccessError):
            mine.with_user(self.salesman_2).read(["name"])
        self.assertIn(mine, self.env["crm.zz.interaction"].with_user(self.sales_manager).search([]))
