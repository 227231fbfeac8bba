# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CrmZzInteraction(models.Model):
    """One contact with a customer: a call, an email, a meeting, a visit, a WeChat chat.

    Linked to the customer and, like activities, optionally to any other record
    (``res_model``/``res_id``): sales links leads, service links tickets.
    Emails stay in the chatter; an email interaction may point to that message
    instead of copying it.
    """

    _name = "crm.zz.interaction"
    _description = "Customer Interaction"
    _order = "date desc, id desc"
    _rec_name = "name"

    # Contact
    kind = fields.Selection(
        [
            ("call", "Phone Call"),
            ("email", "Email"),
            ("meeting", "Meeting"),
            ("visit", "Visit"),
            ("wechat", "WeChat"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="call",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    duration = fields.Float(help="Duration in hours.")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        domain="[('share', '=', False)]",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        string="Customer Company",
        store=True,
        index=True,
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact Person",
        domain="[('commercial_partner_id', '=', commercial_partner_id), "
        "('is_company', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    # Content
    name = fields.Char(string="Summary", required=True)
    note = fields.Text(string="Details")
    outcome = fields.Selection(
        [
            ("positive", "Positive"),
            ("neutral", "Neutral"),
            ("negative", "Negative"),
            ("no_answer", "No Answer"),
        ],
    )
    next_step = fields.Char()
    next_step_date = fields.Date(help="Setting a next step and its date schedules an activity.")
    activity_id = fields.Many2one(
        "mail.activity", string="Follow-up Activity", readonly=True, ondelete="set null"
    )
    mail_message_id = fields.Many2one(
        "mail.message",
        string="Email Message",
        ondelete="set null",
        help="The email in the chatter this interaction refers to, instead of a copy.",
    )

    # Related document
    res_model = fields.Char(string="Related Document Model", index=True)
    res_id = fields.Many2oneReference(
        string="Related Document ID", model_field="res_model", index=True
    )
    res_name = fields.Char(string="Related Document", compute="_compute_res_name")

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        """The linked document's name when the user may read it: per model, one
        existence query and one access check for all the interactions."""
        ids_by_model = defaultdict(set)
        for interaction in self:
            if interaction.res_model in self.env and interaction.res_id:
                ids_by_model[interaction.res_model].add(interaction.res_id)
        names = {}
        for model, ids in ids_by_model.items():
            records = self.env[model].browse(ids).exists()
            records = records._filtered_access("read")
            names.update(((model, record.id), record.display_name) for record in records)
        for interaction in self:
            interaction.res_name = names.get((interaction.res_model, interaction.res_id), False)

    @api.constrains("res_model")
    def _check_res_model(self):
        for interaction in self:
            if interaction.res_model and interaction.res_model not in self.env:
                raise ValidationError(
                    self.env._(
                        "%(model)s is not a kind of document an interaction can be linked to.",
                        model=interaction.res_model,
                    )
                )

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id and not self.partner_id.is_company:
            self.contact_id = self.partner_id

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        interactions._zz_check_partner_writable()
        interactions._zz_schedule_next_step()
        return interactions

    def write(self, vals):
        result = super().write(vals)
        if "partner_id" in vals:
            self._zz_check_partner_writable()
        return result

    def _zz_check_partner_writable(self):
        """Interactions are logged only on customers the user may edit: his own,
        the pool's, those shared with him to edit (not those shared to read)."""
        if self.env.su:
            return
        partners = self.partner_id.commercial_partner_id
        refused = partners - partners._filtered_access("write")
        if refused:
            raise AccessError(
                self.env._(
                    "You cannot log an interaction on %(names)s: you may not edit this "
                    "customer (it is another salesperson's, or shared with you to read only).",
                    names=", ".join(refused.sudo().mapped("display_name")),  # sudo: names only
                )
            )

    # Helpers for the modules that show interactions on their documents (leads, tickets)

    @api.model
    def _zz_count_for(self, records):
        """{record id: number of interactions linked to it}, in one query."""
        groups = self._read_group(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)],
            ["res_id"],
            ["__count"],
        )
        return dict(groups)

    @api.model
    def _zz_action_for(self, record, partner=None):
        """The timeline of ``record``; new interactions are linked to it and its customer."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_customer.crm_zz_interaction_action"
        )
        action["domain"] = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        action["context"] = {
            "default_res_model": record._name,
            "default_res_id": record.id,
            "default_partner_id": partner.commercial_partner_id.id if partner else False,
        }
        return action

    def _zz_schedule_next_step(self):
        """Create the follow-up activity on the customer, one create for all."""
        todo = self.filtered(lambda i: i.next_step and i.next_step_date and not i.activity_id)
        if not todo:
            return
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id("res.partner")
        activities = self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": interaction.commercial_partner_id.id,
                    "activity_type_id": activity_type.id if activity_type else False,
                    "summary": interaction.next_step,
                    "note": interaction.name,
                    "date_deadline": interaction.next_step_date,
                    "user_id": interaction.user_id.id,
                }
                for interaction in todo
            ]
        )
        for interaction, activity in zip(todo, activities, strict=True):
            interaction.activity_id = activity
