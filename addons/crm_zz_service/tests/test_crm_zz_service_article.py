# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestKnowledgeArticle(CrmZzServiceCommon):
    """Agents search articles in Chinese, see articles suggested on a ticket from its
    title and category, link them and count them useful; drafts stay their author's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category_ac = cls.env["helpdesk.ticket.category"].create({"name": "空调"})
        Article = cls.env["crm.zz.service.article"]
        cls.faq_cooling = Article.create(
            {
                "name": "空调不制冷的排查步骤",
                "kind": "faq",
                "body": "<p>先检查滤网是否堵塞，再确认冷媒压力。</p>",
                "is_published": True,
                "user_id": cls.agent_a.id,
            }
        )
        cls.process_visit = Article.create(
            {
                "name": "上门维修服务流程",
                "kind": "process",
                "body": "<p>预约、上门、检测、维修、回访。</p>",
                "is_published": True,
                "ticket_category_ids": [Command.set(cls.category_ac.ids)],
                "user_id": cls.agent_a.id,
            }
        )
        cls.draft = Article.create(
            {"name": "新型号压缩机参数（草稿）", "kind": "product", "user_id": cls.agent_a.id}
        )

    def test_chinese_full_text_search(self):
        Article = self.env["crm.zz.service.article"]
        found = Article.search([("search_text", "ilike", "不制冷")])
        self.assertEqual(found, self.faq_cooling)
        found = Article.search([("search_text", "ilike", "滤网")])
        self.assertEqual(found, self.faq_cooling, "the content is searched too")
        self.assertFalse(Article.search([("search_text", "ilike", "冰箱")]))
        self.assertFalse(Article.search([("search_text", "ilike", "，。")]))

    def test_suggestions_link_and_useful_counter(self):
        ticket = self._ticket(name="客户家里空调不制冷", category_id=self.category_ac.id)
        self.assertEqual(ticket.zz_suggested_article_ids[:1], self.faq_cooling)
        self.assertIn(self.process_visit, ticket.zz_suggested_article_ids)
        self.assertNotIn(self.draft, ticket.zz_suggested_article_ids)
        self.faq_cooling.with_context(zz_ticket_id=ticket.id).action_link_to_ticket()
        self.assertEqual(ticket.zz_article_ids, self.faq_cooling)
        self.assertNotIn(self.faq_cooling, ticket.zz_suggested_article_ids)
        self.assertEqual(self.faq_cooling.ticket_count, 1)
        self.faq_cooling.with_user(self.agent_b).action_mark_useful()
        self.faq_cooling.with_user(self.agent_a).action_mark_useful()
        self.assertEqual(self.faq_cooling.useful_count, 2)

    @users("crm_zz_service-agent_b")
    def test_drafts_are_private_to_their_author(self):
        Article = self.env["crm.zz.service.article"]
        visible = Article.search([])
        self.assertIn(self.faq_cooling, visible)
        self.assertNotIn(self.draft, visible)
        with self.assertRaises(AccessError):
            self.draft.with_env(self.env).read(["name"])
        with self.assertRaises(AccessError):
            self.faq_cooling.with_env(self.env).write({"name": "改标题"})
        mine = Article.create({"name": "发票开具常见问题"})
        mine.write({"is_published": True})
        self.assertEqual(mine.user_id, self.agent_b)

    @users("crm_zz_service-agent_a")
    def test_author_sees_own_draft(self):
        self.assertIn(self.draft, self.env["crm.zz.service.article"].search([]))

    def test_suggestions_of_many_tickets_take_the_same_queries(self):
        def suggestion_queries(count):
            tickets = self.env["helpdesk.ticket"].create(
                [
                    {
                        "name": f"空调不制冷 {i}",
                        "description": "<p>不制冷</p>",
                        "category_id": self.category_ac.id,
                        "team_id": self.team.id,
                        "partner_id": self.contact.id,
                    }
                    for i in range(count)
                ]
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            suggested = tickets.mapped("zz_suggested_article_ids")
            self.assertTrue(self.faq_cooling | self.process_visit <= suggested)
            self.assertNotIn(self.draft, suggested)
            return self.env.cr.sql_log_count - before

        self.assertEqual(suggestion_queries(2), suggestion_queries(12))
