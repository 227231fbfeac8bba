# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.crm_zz_customer.tools import normalize

# What Odoo's wizard searches for when the officer left its name or email empty, so
# that part of its query finds nothing: a control character no name holds, and an
# address in the reserved .invalid domain (RFC 2606).
NO_NAME = "\x01"
NO_EMAIL = "nobody@zz-privacy.invalid"
# The person's records in the suite: model → its fields naming the partner. Odoo's
# wizard skips fields with ondelete=cascade (interactions, consents) and searches
# messages only by author; this list finds them all, by every way the person was found.
PERSON_MODELS = {
    "crm.lead": ("partner_id",),
    "crm.zz.interaction": ("partner_id", "contact_id"),
    "helpdesk.ticket": ("partner_id",),
    "crm.zz.consent": ("partner_id",),
    "survey.user_input": ("partner_id",),
    "mail.message": ("author_id",),
}


class PrivacyLookupWizard(models.TransientModel):
    _inherit = "privacy.lookup.wizard"

    # a person may be known by mobile or ID number only
    name = fields.Char(required=False)
    email = fields.Char(required=False)
    zz_phone = fields.Char(
        string="Mobile or Phone", help="Any spelling: 138 0013 8000, +86 138-0013-8000..."
    )
    zz_id_number = fields.Char(
        string="ID Number",
        help="Resident identity card, passport or credit code, as held in the Tax ID field.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not any(vals.get(key) for key in ("name", "email", "zz_phone", "zz_id_number")):
                raise UserError(
                    self.env._("Give a name, an email, a mobile or an ID number to look up.")
                )
        return super().create(vals_list)

    def _zz_phone_e164(self):
        if not self.zz_phone:
            return False
        try:
            return normalize.normalize_phone(self.zz_phone)
        except normalize.InvalidValue as err:
            raise UserError(
                self.env._(
                    "Field %(field)s: %(value)r is not a phone number.",
                    field=self._fields["zz_phone"].get_description(self.env)["string"],
                    value=self.zz_phone,
                )
            ) from err

    def _zz_id_number(self):
        return "".join((self.zz_id_number or "").split()).upper() or False

    def _get_query(self):
        # sudo: Odoo's query names models by their ir.model id, which only
        # administrators may read; the officer runs the query, not ir.model
        probe = self.sudo()
        if not (self.name and self.email):
            probe = probe.new({"name": self.name or NO_NAME, "email": self.email or NO_EMAIL})
        query = super(PrivacyLookupWizard, probe)._get_query()
        # one line per record, whichever way it was found
        return SQL(
            """
            SELECT res_model_id, res_id, bool_or(is_active) AS is_active
            FROM (%s UNION ALL %s) AS found
            GROUP BY res_model_id, res_id
            """,
            query,
            self._zz_get_person_query(),
        )

    def _zz_person_condition(self):
        """SQL condition on res_partner finding the person by any of the given keys."""
        conditions = []
        if self.email and (email := tools.email_normalize(self.email.strip())):
            conditions.append(SQL("email_normalized = %s", email))
        if self.name and self.name.strip():
            conditions.append(SQL("name ILIKE %s", self.name.strip()))
        if phone := self._zz_phone_e164():
            conditions.append(SQL("(zz_phone_key = %s OR zz_mobile_key = %s)", phone, phone))
        if id_number := self._zz_id_number():
            conditions.append(
                SQL(
                    "UPPER(REPLACE(vat, ' ', '')) = %s OR zz_credit_code = %s", id_number, id_number
                )
            )
            # a resident ID number is stored encrypted: found by its keyed hash
            if digest := self.env["res.partner"]._zz_resident_id_hash(id_number):
                conditions.append(SQL("zz_resident_id_hash = %s", digest))
        return SQL(" OR ").join(conditions) if conditions else SQL("FALSE")

    def _zz_get_person_query(self):
        """The person's partners and every record of ``PERSON_MODELS`` naming them,
        plus leads carrying the mobile or email without a partner."""
        model_id = self.env["ir.model"]._get_id
        parts = [
            SQL(
                "SELECT %s AS res_model_id, id AS res_id, active AS is_active "
                "FROM res_partner WHERE id IN (SELECT id FROM zz_person)",
                model_id("res.partner"),
            )
        ]
        for model_name, field_names in PERSON_MODELS.items():
            model = self.env[model_name]
            conditions = [
                SQL("%s IN (SELECT id FROM zz_person)", SQL.identifier(field_name))
                for field_name in field_names
            ]
            if model_name == "crm.lead":
                if phone := self._zz_phone_e164():
                    conditions.append(SQL("phone_sanitized = %s", phone))
                if self.email and (email := tools.email_normalize(self.email.strip())):
                    conditions.append(SQL("email_normalized = %s", email))
            if model_name == "mail.message" and self.email and self.email.strip():
                conditions.append(SQL("email_from ILIKE %s", f"%{self.email.strip()}%"))
            parts.append(
                SQL(
                    "SELECT %s AS res_model_id, id AS res_id, %s AS is_active FROM %s WHERE %s",
                    model_id(model_name),
                    SQL.identifier("active") if "active" in model else SQL("TRUE"),
                    SQL.identifier(model._table),
                    SQL(" OR ").join(conditions),
                )
            )
        return SQL(
            "(WITH zz_person AS (SELECT id FROM res_partner WHERE %s) %s)",
            self._zz_person_condition(),
            SQL(" UNION ALL ").join(parts),
        )

    def _post_log(self):
        # Odoo's log requires a name and an email: a person found by mobile or ID
        # number is logged under what the officer typed
        self.ensure_one()
        if not self.log_id and self.execution_details and not (self.name and self.email):
            label = self.name or self.email or self.zz_phone or self.zz_id_number
            self.log_id = self.env["privacy.log"].create(
                {
                    "anonymized_name": self.name or label,
                    "anonymized_email": self.email or self.zz_phone or label,
                    "execution_details": self.execution_details,
                    "records_description": self.records_description,
                }
            )
            return
        super()._post_log()

    def action_zz_create_request(self):
        """Open a data-subject request for the person found."""
        self.ensure_one()
        partners = self.line_ids.filtered(lambda line: line.res_model == "res.partner")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_zz_privacy.crm_zz_privacy_request_action"
        )
        action.update(
            views=[(False, "form")],
            view_mode="form",
            context={
                "default_partner_id": partners[:1].res_id or False,
                "default_requester": self.name or self.email or self.zz_phone or "",
            },
        )
        return action
