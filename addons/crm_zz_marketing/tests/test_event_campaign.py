# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import datetime

from odoo.tests import Form, tagged

from odoo.addons.crm_zz_customer.tools import import_parser

from .common import CrmZzMarketingCommon


@tagged("post_install", "-at_install")
class TestEventCampaign(CrmZzMarketingCommon):
    """A trade show belongs to a campaign: registrations keyed in get the campaign,
    event_crm turns them into leads of the campaign with the customer's district and
    industry, and attendance counts against the attendee goal."""

    def test_registrations_become_campaign_leads_and_attendees(self):
        campaign = self.env["utm.campaign"].create(
            {"title": "2026 郑州装备制造业博览会", "zz_goal_type": "attendees", "zz_goal_target": 4}
        )
        event = self.env["event.event"].create(
            {
                "name": "装备制造业博览会 A 馆 12 号展位",
                "date_begin": datetime(2026, 5, 8, 1, 0),
                "date_end": datetime(2026, 5, 10, 9, 0),
                "zz_campaign_id": campaign.id,
            }
        )
        self.env["event.lead.rule"].create(
            {
                "name": "每位报名者一条线索",
                "lead_creation_basis": "attendee",
                "lead_creation_trigger": "create",
                "event_id": event.id,
                "lead_type": "lead",
            }
        )
        registrations = self.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": self.given.id, "name": "张伟"},
                {"event_id": event.id, "partner_id": self.unknown.id, "name": "李强"},
            ]
        )
        self.assertEqual(registrations.utm_campaign_id, campaign)
        leads = self.env["crm.lead"].search([("event_id", "=", event.id)])
        self.assertEqual(len(leads), 2)
        self.assertEqual(leads.campaign_id, campaign)
        lead = leads.filtered(lambda lead: lead.partner_id == self.given)
        self.assertEqual(lead.zz_zone_id, self.econ_dev)
        self.assertEqual(lead.zz_industry_id, self.manufacturing)

        registrations[0].action_set_done()
        campaign.invalidate_recordset()
        self.assertEqual(campaign.zz_registration_count, 2)
        self.assertEqual(campaign.zz_attendee_count, 1)
        self.assertEqual(campaign.zz_goal_actual, 1)
        self.assertEqual(campaign.zz_goal_progress, 25)
        self.assertEqual(campaign.zz_event_count, 1)
        self.assertEqual(campaign.zz_lead_total, 2)

    def test_campaign_set_later_reaches_registrations_without_one(self):
        event = self.env["event.event"].create(
            {
                "name": "郑州经开区企业沙龙",
                "date_begin": datetime(2026, 6, 1, 1, 0),
                "date_end": datetime(2026, 6, 1, 9, 0),
            }
        )
        registration = self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.late.id}
        )
        campaign = self.env["utm.campaign"].create({"title": "企业沙龙"})
        event.zz_campaign_id = campaign
        self.assertEqual(registration.utm_campaign_id, campaign)

    def test_booth_visitors_imported_for_the_event(self):
        campaign = self.env["utm.campaign"].create({"title": "2026 郑州工博会"})
        event = self.env["event.event"].create(
            {
                "name": "工博会展位",
                "date_begin": datetime(2026, 9, 1, 1, 0),
                "date_end": datetime(2026, 9, 3, 9, 0),
                "zz_campaign_id": campaign.id,
            }
        )
        team = self.env["crm.team"].create({"name": "展会销售组"})
        with Form(self.env["crm.zz.sales.lead.import"]) as form:
            form.team_id = team
            form.event_id = event
        wizard = form.record
        self.assertEqual(wizard.campaign_id, campaign)
        content = import_parser.write_xlsx(
            ["线索名称", "公司名称", "联系人", "电话"],
            [["展会-数控车床询价", "郑州恒达机械", "刘经理", "138 0371 0001"]],
        )
        wizard.write({"file": base64.b64encode(content), "filename": "工博会访客.xlsx"})
        wizard.action_preview()
        wizard.action_import()
        lead = self.env["crm.lead"].search([("name", "=", "展会-数控车床询价")])
        self.assertEqual(lead.event_id, event)
        self.assertEqual(lead.campaign_id, campaign)
        self.assertEqual(campaign.zz_lead_total, 1)
