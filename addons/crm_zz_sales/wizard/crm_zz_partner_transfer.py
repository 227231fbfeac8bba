# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CrmZzPartnerTransfer(models.TransientModel):
    """A transferred customer takes its open deals along, with their activities."""

    _inherit = "crm.zz.partner.transfer"

    def _zz_transfer_related(self, partners, previous_owners):
        super()._zz_transfer_related(partners, previous_owners)
        if not previous_owners:
            return
        # the new owner takes the previous owner's open deals on these customers,
        # which the salesman transferring them may not see afterwards
        leads = (
            self.env["crm.lead"]
            .sudo()  # sudo: deals the transferring salesman may no longer see
            .search(
                [
                    ("partner_id", "child_of", partners.ids),
                    ("user_id", "in", previous_owners.ids),
                    ("stage_id.is_won", "=", False),  # lost deals are archived: left out
                ]
            )
        )
        if not leads:
            return
        leads.write({"user_id": self.user_to_id.id})
        if self.include_activities:
            # sudo: see above, the deals' activities follow them
            self.env["mail.activity"].sudo().search(
                [
                    ("res_model", "=", "crm.lead"),
                    ("res_id", "in", leads.ids),
                    ("user_id", "in", previous_owners.ids),
                ]
            ).write({"user_id": self.user_to_id.id})
