# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError

from .common import CrmZzPrivacyCommon


class TestPrivacyRetention(CrmZzPrivacyCommon):
    """The daily job anonymises lost leads, unanswered survey invitations and
    closed tickets past their retention period, in batches; records on legal hold
    and younger ones stay. Anonymised leads keep their revenue, stage and team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"]
        params.set_param("crm_zz_privacy.retention_lost_lead_days", 365)
        params.set_param("crm_zz_privacy.retention_survey_invite_days", 180)
        params.set_param("crm_zz_privacy.retention_closed_ticket_days", 365)
        now = fields.Datetime.now()
        cls.old, cls.recent = now - timedelta(days=800), now - timedelta(days=10)
        Lead = cls.env["crm.lead"]
        cls.lost_old = Lead.create(
            {
                "name": "王芳 询价",
                "contact_name": "王芳",
                "email_from": "wang.fang@example.com",
                "phone": "13900139000",
                "expected_revenue": 8000.0,
            }
        )
        cls.lost_held = Lead.create({"name": "孙伟 询价", "contact_name": "孙伟"})
        cls.lost_young = Lead.create({"name": "李明 询价", "contact_name": "李明"})
        leads = cls.lost_old | cls.lost_held | cls.lost_young
        leads.action_set_lost()
        leads.write({"date_closed": cls.old})
        cls.lost_young.date_closed = cls.recent
        cls.lost_held.zz_legal_hold = True

    def _run(self, **kwargs):
        return self.env["crm.zz.privacy.request"]._cron_zz_retention(**kwargs)

    def test_lost_leads(self):
        team, stage = self.lost_old.team_id, self.lost_old.stage_id
        self._run()
        self.assertFalse(
            self.lost_old.contact_name or self.lost_old.email_from or self.lost_old.phone
        )
        self.assertEqual(self.lost_old.name, f"已匿名化 #{self.lost_old.id}")
        self.assertEqual(self.lost_old.expected_revenue, 8000.0)
        self.assertEqual((self.lost_old.team_id, self.lost_old.stage_id), (team, stage))
        self.assertEqual(self.lost_held.contact_name, "孙伟")
        self.assertEqual(self.lost_young.contact_name, "李明")

    def test_batches(self):
        self.ticket.write({"stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id})
        self.ticket.closed_date = self.old
        self.env.cr.execute(
            "UPDATE survey_user_input SET create_date = %s WHERE id = %s",
            (self.old, self.user_input.id),
        )
        self.user_input.invalidate_recordset(["create_date"])
        self.assertEqual(self._run(batch_size=2), 2)
        self.assertEqual(self._run(batch_size=2), 1)
        self.assertEqual(self._run(batch_size=2), 0)
        self.assertFalse(self.ticket.partner_name)
        self.assertFalse(self.user_input.email)
        self.assertTrue(self.lost_old.zz_anonymised_date)

    def test_zero_days_keeps_for_ever(self):
        self.env["ir.config_parameter"].set_param("crm_zz_privacy.retention_lost_lead_days", 0)
        self._run()
        self.assertEqual(self.lost_old.contact_name, "王芳")

    def test_only_officer_or_manager_sets_a_legal_hold(self):
        lead = self.env["crm.lead"].create({"name": "测试", "user_id": self.salesman.id})
        with self.assertRaises(AccessError):
            lead.with_user(self.salesman).zz_legal_hold = True
        self.assertFalse(lead.zz_legal_hold)
        self.person.with_user(self.officer).zz_legal_hold = True
        self.assertTrue(self.person.zz_legal_hold)
