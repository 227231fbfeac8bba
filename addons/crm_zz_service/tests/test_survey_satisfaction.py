# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, users

from .common import CrmZzServiceCommon


@tagged("at_install", "-post_install")
class TestSatisfaction(CrmZzServiceCommon):
    """Closing a ticket sends the CSAT/NPS survey to the customer; the answer is
    linked to the ticket, agent, team and customer and shows in the satisfaction
    analysis per agent, team, customer and month; answering twice or answering for a
    deleted ticket counts once and breaks nothing; relationship surveys go to a list
    of customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("crm_zz_service.survey_ticket_satisfaction")
        cls.q_csat = cls.env.ref("crm_zz_service.survey_question_csat")
        cls.q_nps = cls.env.ref("crm_zz_service.survey_question_nps")
        cls.Report = cls.env["crm.zz.service.satisfaction.report"]

    def _close(self, ticket):
        ticket.stage_id = self.stage_done
        return self.env["survey.user_input"].sudo().search([("zz_ticket_id", "=", ticket.id)])

    def _answer(self, answer, csat, nps):
        answer._save_lines(self.q_csat, str(csat))
        answer._save_lines(self.q_nps, str(nps))
        answer._mark_done()

    def _rows(self, **domain):
        return self.Report.search([(k, "=", v) for k, v in domain.items()])

    def test_closing_sends_the_survey_and_the_answer_is_reported(self):
        ticket = self._ticket(user_id=self.agent_a.id)
        with freeze_time("2026-11-20 10:00:00"):
            answer = self._close(ticket)
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.partner_id, self.contact)
        self.assertEqual(answer.zz_agent_id, self.agent_a)
        self.assertEqual(answer.zz_team_id, self.team)
        mail = self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "=", answer.id)]
        )
        self.assertTrue(mail, "the invitation is e-mailed")
        with freeze_time("2026-11-21 10:00:00"):
            self._answer(answer, 4, 9)
        row = self._rows(ticket_id=ticket.id)
        self.assertEqual((row.csat, row.nps, row.nps_score), (4, 9, 100))
        self.assertEqual(row.user_id, self.agent_a)
        self.assertEqual(row.team_id, self.team)
        self.assertEqual(row.commercial_partner_id, self.customer)
        self.assertEqual(ticket.zz_csat, 4, "the answer shows on the ticket")
        # Per agent and month, as the pivot shows it.
        groups = self.Report._read_group(
            [("team_id", "=", self.team.id)],
            ["user_id", "date:month"],
            ["csat:avg", "nps_score:avg", "answer_count:sum"],
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0][2:], (4.0, 100.0, 1))
        # Closing again (reopened and closed) does not send a second survey.
        ticket.stage_id = self.stage_progress
        self.assertEqual(self._close(ticket), answer)
        self.assertEqual(self.customer.zz_last_csat, 4)

    def test_answered_twice_counts_once(self):
        ticket = self._ticket(user_id=self.agent_a.id)
        answer = self._close(ticket)
        self._answer(answer, 2, 3)
        again = answer.copy({"state": "new", "zz_survey_key": answer.zz_survey_key})
        self._answer(again, 5, 10)
        rows = self._rows(ticket_id=ticket.id)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.csat, 5, "the latest answer counts")

    def test_answer_for_a_deleted_ticket(self):
        ticket = self._ticket(user_id=self.agent_b.id)
        answer = self._close(ticket)
        ticket.unlink()
        self._answer(answer, 1, 0)
        row = self.Report.search([("user_input_id", "=", answer.id)])
        self.assertEqual(len(row), 1)
        self.assertFalse(row.ticket_id)
        self.assertEqual((row.user_id, row.csat, row.nps_score), (self.agent_b, 1, -100))

    def test_relationship_survey_to_a_customer_list(self):
        other = self.env["res.partner"].create(
            {"name": "河南豫商贸易有限公司", "email": "ys@example.com"}
        )
        wave = self.env["crm.zz.service.relationship.survey"].create(
            {
                "name": "季度客户满意度",
                "survey_id": self.survey.id,
                "partner_ids": [(6, 0, (self.customer | other).ids)],
                "interval_months": 3,
            }
        )
        self.env["crm.zz.service.relationship.survey"]._cron_send_due()
        answers = self.env["survey.user_input"].search(
            [("zz_relationship_survey_id", "=", wave.id)]
        )
        self.assertEqual(answers.partner_id, self.customer | other)
        self.assertGreater(wave.next_date, wave.last_date)
        wave.action_send()  # the same day: nobody is asked twice
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("zz_relationship_survey_id", "=", wave.id)]
            ),
            2,
        )
        self._answer(answers[0], 5, 8)
        self.assertEqual(wave.answer_count, 1)
        row = self.Report.search([("user_input_id", "=", answers[0].id)])
        self.assertEqual((row.kind, row.nps_score), ("relationship", 0))

    @users("crm_zz_service-agent_b")
    def test_relationship_surveys_are_personal(self):
        Wave = self.env["crm.zz.service.relationship.survey"]
        theirs = Wave.with_user(self.agent_a).create(
            {"name": "A 的调查", "survey_id": self.survey.id}
        )
        mine = Wave.create({"name": "B 的调查", "survey_id": self.survey.id})
        self.assertEqual(Wave.search([("id", "in", (theirs | mine).ids)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_env(self.env).read(["name"])

    def test_agent_sees_the_satisfaction_of_the_tickets_he_sees(self):
        """The answers follow the tickets: an own-tickets agent reads those of his
        tickets (not a team mate's, whose ticket he cannot open); a team-tickets
        agent reads his teams'; an outsider none."""
        outsider = new_test_user(
            self.env,
            login="crm_zz_service-outsider",
            groups="helpdesk_mgmt.group_helpdesk_user_own",
        )
        team_agent = new_test_user(
            self.env,
            login="crm_zz_service-team-agent",
            name="赵客服",
            groups="helpdesk_mgmt.group_helpdesk_user_team",
        )
        self.team.user_ids = [Command.link(team_agent.id)]
        answer = self._close(self._ticket(user_id=self.agent_a.id))
        self._answer(answer, 3, 7)
        Report = self.env["crm.zz.service.satisfaction.report"]
        domain = [("user_input_id", "=", answer.id)]
        self.assertTrue(Report.with_user(self.agent_a).search(domain), "his own ticket's")
        self.assertFalse(Report.with_user(self.agent_b).search(domain), "a team mate's ticket")
        self.assertTrue(Report.with_user(team_agent).search(domain), "his team's")
        self.assertFalse(Report.with_user(outsider).search(domain))
