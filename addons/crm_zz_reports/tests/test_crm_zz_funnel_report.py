# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import CrmZzReportsCommon


@tagged("at_install", "-post_install")
class TestFunnelReport(CrmZzReportsCommon):
    """A funnel of ten opportunities created on 1 January in "Contact":
    four stay there (two lost), three reach "Offer" (one lost there), one stops
    in "Negotiation" and two are won, moving on 3, 6 and 7 January.
    Reached: 10, 6, 3, 2; stage-to-stage conversion 60%, 50%, 66.7%."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["crm.stage"]
        # before every other stage, in this team only
        cls.s_contact, cls.s_offer, cls.s_nego, cls.s_won = Stage.create(
            [
                {"name": "Contact", "sequence": -40, "team_id": cls.team.id},
                {"name": "Offer", "sequence": -30, "team_id": cls.team.id},
                {"name": "Negotiation", "sequence": -20, "team_id": cls.team.id},
                {"name": "Won", "sequence": -10, "team_id": cls.team.id, "is_won": True},
            ]
        )
        with freeze_time("2026-01-01 00:00:00"):
            cls.leads = cls.env["crm.lead"].create(
                [
                    {
                        "name": f"漏斗-{i}",
                        "type": "opportunity",
                        "team_id": cls.team.id,
                        "user_id": (cls.user_b if i == 9 else cls.user_a).id,
                        "stage_id": cls.s_contact.id,
                        "partner_id": cls.customer_a.id,
                        "expected_revenue": 1000 * (i + 1),
                    }
                    for i in range(10)
                ]
            )
            cls._commit_tracking()
        # create_date is the transaction's clock, not the frozen one
        cls.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = ANY(%s)",
            (datetime(2026, 1, 1), cls.leads.ids),
        )
        cls.leads.invalidate_recordset(["create_date"])
        stay, offer, nego, won = cls.leads[:4], cls.leads[4:7], cls.leads[7:8], cls.leads[8:]
        cls.won = won
        cls._move(offer | nego | won, cls.s_offer, "2026-01-03 00:00:00")
        cls._move(nego | won, cls.s_nego, "2026-01-06 00:00:00")
        cls._move(won, cls.s_won, "2026-01-07 00:00:00")
        (stay[:2] | offer[:1]).action_set_lost()
        # the funnel is pre-computed: what the hourly job does
        with freeze_time("2026-01-10 08:00:00"):
            cls.env["crm.zz.funnel.report"]._zz_refresh()

    @classmethod
    def _commit_tracking(cls):
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def _move(cls, leads, stage, when):
        with freeze_time(when):
            leads.write({"stage_id": stage.id})
            cls._commit_tracking()

    def _funnel(self):
        return self.env["crm.zz.funnel.report"]._read_group(
            [("lead_id", "in", self.leads.ids)],
            ["stage_id"],
            ["lead_count:sum", "next_count:sum", "conversion_rate:avg"],
        )

    @users("crm_zz_reports-manager")
    def test_reached_and_conversion_per_stage(self):
        rows = [(stage, n, further, round(rate, 1)) for stage, n, further, rate in self._funnel()]
        self.assertEqual(
            rows,
            [
                (self.s_contact, 10, 6, 60.0),
                (self.s_offer, 6, 3, 50.0),
                (self.s_nego, 3, 2, 66.7),
                (self.s_won, 2, 0, 0.0),
            ],
        )

    def test_time_in_stage_from_history(self):
        days = self.env["crm.zz.funnel.report"]._read_group(
            [("lead_id", "in", self.won.ids)], ["stage_id"], ["days_in_stage:avg"]
        )
        self.assertEqual(
            [(stage, round(d, 2)) for stage, d in days[:3]],
            [(self.s_contact, 2.0), (self.s_offer, 3.0), (self.s_nego, 1.0)],
        )

    @users("crm_zz_reports-b")
    def test_salesperson_sees_his_funnel_only(self):
        # B owns the last won opportunity only
        rows = self._funnel()
        stages = self.s_contact | self.s_offer | self.s_nego | self.s_won
        self.assertEqual([(r[0], r[1]) for r in rows], [(s, 1) for s in stages])

    @users("crm_zz_reports-manager")
    def test_figures_as_of_refresh(self):
        """A lead created after the refresh shows after the next refresh only, and
        the analysis says when its figures were taken."""
        Funnel = self.env["crm.zz.funnel.report"]
        row = Funnel.search([("lead_id", "in", self.leads.ids)], limit=1)
        self.assertEqual(row.zz_refreshed_at, datetime(2026, 1, 10, 8, 0, 0))
        lead = self.env["crm.lead"].create(
            {
                "name": "漏斗-新",
                "type": "opportunity",
                "team_id": self.team.id,
                "user_id": self.user_a.id,
                "stage_id": self.s_contact.id,
            }
        )
        self.assertFalse(Funnel.search_count([("lead_id", "=", lead.id)]))
        with freeze_time("2026-01-11 09:30:00"):
            action = Funnel.action_zz_refresh()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(Funnel.search([("lead_id", "=", lead.id)]).stage_id, self.s_contact)
        self.assertEqual(
            Funnel.search([("lead_id", "=", lead.id)]).zz_refreshed_at,
            datetime(2026, 1, 11, 9, 30, 0),
        )

    def test_deleted_lead_not_listed_before_refresh(self):
        """A lead deleted (or merged) since the refresh leaves the list, which
        would fail on its name; the totals keep it until the next refresh."""
        Funnel = self.env["crm.zz.funnel.report"]
        gone = self.leads[0]
        gone.unlink()
        rows = Funnel.search([("stage_id", "=", self.s_contact.id)])
        self.assertEqual(len(rows), 9)
        self.assertEqual(len(rows.read(["lead_id", "stage_id"])), 9)
        self.assertEqual(self._funnel()[0][:2], (self.s_contact, 10))
        Funnel._zz_refresh()
        self.assertEqual(self._funnel()[0][:2], (self.s_contact, 9))

    @users("crm_zz_reports-a")
    def test_salesperson_cannot_refresh(self):
        with self.assertRaises(AccessError):
            self.env["crm.zz.funnel.report"].action_zz_refresh()

    def test_hourly_job_refreshes(self):
        # one more of the four left in "Contact" reaches "Offer"
        self._move(self.leads[2], self.s_offer, "2026-01-09 00:00:00")
        self.assertEqual(self._funnel()[1][:2], (self.s_offer, 6))
        self.env["crm.zz.report.abstract"]._cron_zz_refresh()
        rows = [(stage, n, further) for stage, n, further, _rate in self._funnel()]
        self.assertEqual(
            rows,
            [
                (self.s_contact, 10, 7),
                (self.s_offer, 7, 3),
                (self.s_nego, 3, 2),
                (self.s_won, 2, 0),
            ],
        )
