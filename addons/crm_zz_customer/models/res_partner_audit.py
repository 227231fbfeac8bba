# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# changes of these fields of a customer are written to the audit log
AUDITED_FIELDS = ("name", "zz_credit_code", "vat", "phone", "mobile", "email", "active")


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        # logged whatever the context says: tracking_disable and mail_notrack do not
        # switch the audit log off
        Log = self.env["crm.zz.audit.log"]
        if "user_id" in vals:
            new_owner = self.env["res.users"].browse(vals["user_id"] or [])
            moved = self.filtered(lambda p: p.user_id != new_owner)
            if moved:
                Log._zz_log(
                    "owner_change",
                    moved,
                    description=", ".join(
                        f"{p.display_name}: {p.user_id.login or '-'} → {new_owner.login or '-'}"
                        for p in moved[:50]
                    ),
                    field_names=["user_id"],
                )
        # only what really changes: re-importing the same file logs nothing
        changed = [
            fname
            for fname in AUDITED_FIELDS
            if fname in vals and any((p[fname] or False) != (vals[fname] or False) for p in self)
        ]
        if changed:
            records = self.filtered(
                lambda p: any((p[f] or False) != (vals[f] or False) for f in changed)
            )
            Log._zz_log("field_change", records, field_names=changed)
        return super().write(vals)

    def unlink(self):
        if self:
            self.env["crm.zz.audit.log"]._zz_log(
                "delete",
                self,
                description=", ".join(self[:50].mapped("display_name")),
            )
        return super().unlink()
