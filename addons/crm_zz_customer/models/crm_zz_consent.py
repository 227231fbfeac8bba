# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

CONSENT_CHANNELS = [
    ("email", "Email"),
    ("sms", "SMS"),
    ("phone", "Phone"),
    ("wechat", "WeChat"),
]
CONSENT_STATES = [("given", "Given"), ("withdrawn", "Withdrawn")]
CONSENT_SOURCES = [
    ("manual", "Recorded by Staff"),
    ("form", "Web Form"),
    ("import", "Import"),
    ("event", "Event Registration"),
    ("unsubscribe", "Unsubscribe Link"),
    ("sms_reply", "SMS Reply"),
    ("blocklist", "Blocklist"),
    ("privacy", "Data-Subject Request"),
]


class CrmZzConsent(models.Model):
    """One consent event (PIPL Arts. 13-15): a partner gave or withdrew consent to be
    contacted on a channel. Events are never changed or deleted; the partner's current
    state per channel is the latest event (``res.partner.zz_consent_<channel>``)."""

    _name = "crm.zz.consent"
    _description = "Consent Event"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer or Contact", required=True, ondelete="cascade", index=True
    )
    channel = fields.Selection(CONSENT_CHANNELS, required=True, index=True)
    state = fields.Selection(CONSENT_STATES, string="Consent", required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    source = fields.Selection(CONSENT_SOURCES, required=True, default="manual")
    source_ref = fields.Char(
        string="Source Reference", help="The form, file, mailing or message it came from."
    )
    purpose = fields.Char(help="What the customer agreed to, e.g. product news by SMS.")
    proof = fields.Text(
        help="Where the evidence is: signed form number, web form entry, reply text."
    )
    address = fields.Char(
        string="Email or Number",
        help="The email address or phone number the event concerns, as it was then.",
    )
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def _compute_display_name(self):
        channels = dict(self._fields["channel"]._description_selection(self.env))
        states = dict(self._fields["state"]._description_selection(self.env))
        for event in self:
            event.display_name = " · ".join(
                [
                    event.partner_id.display_name or "",
                    channels.get(event.channel, ""),
                    states.get(event.state, ""),
                ]
            )

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        )
        partners.fetch(["email_normalized", "mobile", "phone"])
        for vals in vals_list:
            # who recorded it is a fact, not an input
            vals["user_id"] = self.env.uid if not self.env.su else vals.get("user_id", self.env.uid)
            if not vals.get("address") and vals.get("partner_id"):
                partner = partners.browse(vals["partner_id"])
                vals["address"] = (
                    partner.email_normalized
                    if vals.get("channel") == "email"
                    else partner.mobile or partner.phone
                ) or False
        events = super().create(vals_list)
        if not self.env.context.get("zz_consent_syncing"):
            events._zz_sync_blocklists()
        # the audit log names who changed whose consent, one row per channel and state
        Log = self.env["crm.zz.audit.log"]
        for (channel, state, source), group in events.grouped(
            lambda e: (e.channel, e.state, e.source)
        ).items():
            Log._zz_log(
                "consent",
                group.partner_id,
                description=f"{channel}: {state} ({source})",
                field_names=[f"zz_consent_{channel}"],
            )
        return events

    def write(self, vals):
        self.check_access("write")
        if not self.env.su:
            raise UserError(
                self.env._("Consent history cannot be changed: record a new event instead.")
            )
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        if not self.env.su:
            raise UserError(
                self.env._("Consent history cannot be deleted: record a new event instead.")
            )
        return super().unlink()

    def _zz_sync_blocklists(self):
        """Keep Odoo's email blocklist in step: a withdrawal blocks the address, a new
        grant unblocks it. Extended for phone numbers where phone_validation is installed."""
        # sudo: the blocklist is the mass-mailing users'; recording consent must move it
        blacklist = self.env["mail.blacklist"].sudo().with_context(zz_consent_syncing=True)
        states = dict(self._fields["state"]._description_selection(self.env))
        sources = dict(self._fields["source"]._description_selection(self.env))
        for event in self.filtered(lambda e: e.channel == "email"):
            email = event.address or event.partner_id.email_normalized
            if not email:
                continue
            message = self.env._(
                "Consent by email %(state)s for %(partner)s (%(origin)s).",
                state=states[event.state],
                partner=event.partner_id.display_name,
                origin=sources[event.source],
            )
            if event.state == "withdrawn":
                blacklist._add(email, message=message)
            else:
                blacklist._remove(email, message=message)
