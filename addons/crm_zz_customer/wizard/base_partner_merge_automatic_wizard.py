# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

# group_by_<x> field of the wizard: criterion of res.partner._zz_find_duplicate_groups
ZZ_CRITERIA = {
    "zz_credit_code": "credit_code",
    "zz_phone": "phone",
    "zz_similar_name": "name",
}


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's merge wizard, taught to find customers by credit code, phone and name.

    Base groups contacts having ALL ticked fields equal; these criteria link
    customers sharing ANY of them, typos in names included, and the user then
    merges each group with the base wizard's own screens.
    """

    _inherit = "base.partner.merge.automatic.wizard"

    group_by_zz_credit_code = fields.Boolean(string="Credit Code")
    group_by_zz_phone = fields.Boolean(
        string="Phone or Mobile (normalized)",
        help="Phone or mobile numbers equal once written in E.164 (+86...).",
    )
    group_by_zz_similar_name = fields.Boolean(
        string="Similar Name",
        help="Names alike by trigram similarity, ignoring city, legal form and blanks.",
    )

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        partners = self.env["res.partner"].browse(partner_ids).exists()
        names = ", ".join(partners.mapped("display_name"))
        result = super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)
        if len(partners) > 1:
            kept = partners.exists()
            self.env["crm.zz.audit.log"]._zz_log(
                "merge", kept, description=names, count=len(partners)
            )
        return result

    def action_start_manual_process(self):
        self.ensure_one()
        selected = self._compute_selected_groupby()
        criteria = [ZZ_CRITERIA[name] for name in selected if name in ZZ_CRITERIA]
        if not criteria:
            return super().action_start_manual_process()
        if len(criteria) != len(selected):
            raise UserError(
                self.env._(
                    "Credit code, phone and similar name cannot be combined with the "
                    "other fields: untick Email, Name, Is Company, VAT and Parent Company."
                )
            )
        groups = self.env["res.partner"]._zz_find_duplicate_groups(
            criteria, limit=self.maximum_group or None
        )
        self._zz_fill_lines(groups)
        return self._action_next_screen()

    def _zz_fill_lines(self, groups):
        """What base's _process_query does with its SQL rows, for our groups."""
        model_mapping = self._compute_models()
        all_ids = [partner_id for ids in groups for partner_id in ids]
        # only partners the user may read, as base does
        readable = set(self.env["res.partner"].search([("id", "in", all_ids)]).ids)
        line_vals = []
        for ids in groups:
            partner_ids = [partner_id for partner_id in ids if partner_id in readable]
            if len(partner_ids) < 2:
                continue
            if model_mapping and self._partner_use_in(partner_ids, model_mapping):
                continue
            line_vals.append(
                {"wizard_id": self.id, "min_id": partner_ids[0], "aggr_ids": str(partner_ids)}
            )
        self.env["base.partner.merge.line"].create(line_vals)
        self.write({"state": "selection", "number_group": len(line_vals)})
