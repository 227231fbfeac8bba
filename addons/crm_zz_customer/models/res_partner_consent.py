# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import consent as consent_rules

CONSENT_STATES = [("given", "Given"), ("withdrawn", "Withdrawn"), ("unknown", "Unknown")]


class ResPartner(models.Model):
    _inherit = "res.partner"

    zz_consent_ids = fields.One2many("crm.zz.consent", "partner_id", string="Consent History")
    zz_consent_email = fields.Selection(
        CONSENT_STATES,
        string="Email Consent",
        compute="_compute_zz_consent",
        store=True,
        index=True,
        help="Latest consent event for marketing by email; only 'Given' receives mailings.",
    )
    zz_consent_sms = fields.Selection(
        CONSENT_STATES,
        string="SMS Consent",
        compute="_compute_zz_consent",
        store=True,
        index=True,
        help="Latest consent event for marketing by SMS; only 'Given' receives SMS.",
    )
    zz_consent_phone = fields.Selection(
        CONSENT_STATES,
        string="Phone Consent",
        compute="_compute_zz_consent",
        store=True,
        index=True,
    )
    zz_consent_wechat = fields.Selection(
        CONSENT_STATES,
        string="WeChat Consent",
        compute="_compute_zz_consent",
        store=True,
        index=True,
    )

    @api.depends("zz_consent_ids.state", "zz_consent_ids.date", "zz_consent_ids.channel")
    def _compute_zz_consent(self):
        events_by_partner = {partner.id: [] for partner in self}
        partner_ids = [pid for pid in self.ids if isinstance(pid, int)]
        if partner_ids:
            # one query for all partners
            # sudo: the state is derived from every event, whoever may read them
            Consent = self.env["crm.zz.consent"].sudo()
            events = Consent.search_fetch(
                [("partner_id", "in", partner_ids)], ["partner_id", "channel", "state", "date"]
            )
            for event in events:
                events_by_partner[event.partner_id.id].append(
                    consent_rules.ConsentEvent(event.channel, event.state, event.date, event.id)
                )
        for partner in self:
            states = consent_rules.current_states(events_by_partner.get(partner.id, []))
            for channel, state in states.items():
                partner[f"zz_consent_{channel}"] = state

    def _zz_record_consent(
        self, channel, state, source, purpose=None, proof=None, source_ref=None, date=None
    ):
        """Record one consent event per partner in ``self``; the way imports, web forms,
        events and the privacy work record consent. Returns the events."""
        try:
            consent_rules.check_event(channel, state)
        except consent_rules.InvalidConsent as error:
            raise UserError(
                self.env._(
                    "Consent cannot be recorded: %(field)s %(value)r is not valid.",
                    field=error.field,
                    value=error.value,
                )
            ) from error
        vals = {
            "channel": channel,
            "state": state,
            "source": source,
            "purpose": purpose or False,
            "proof": proof or False,
            "source_ref": source_ref or False,
        }
        if date:
            vals["date"] = date
        return self.env["crm.zz.consent"].create(
            [dict(vals, partner_id=partner.id) for partner in self]
        )

    def action_zz_record_consent(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_customer.crm_zz_consent_action"
        )
        action.update(
            {
                "views": [(False, "form")],
                "view_mode": "form",
                "target": "new",
                "context": {"default_partner_id": self.id},
            }
        )
        return action
