# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmZzSalesPipelineTemplate(models.Model):
    """The stages an industry sells through, applied to a sales team at once."""

    _name = "crm.zz.sales.pipeline.template"
    _description = "Industry Pipeline Template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    stage_ids = fields.One2many(
        "crm.zz.sales.pipeline.template.stage", "template_id", string="Stages", copy=True
    )
    active = fields.Boolean(default=True)

    def _apply_to_team(self, team):
        """Create the template's stages for ``team``; refresh those it already has.

        Stages are matched by name within the team, so applying twice creates
        nothing new and only brings gates and stall days up to date.
        """
        self.ensure_one()
        existing = {
            stage.name: stage for stage in self.env["crm.stage"].search([("team_id", "=", team.id)])
        }
        to_create = []
        for line in self.stage_ids:
            vals = line._prepare_stage_vals(team)
            stage = existing.get(line.name)
            if stage:
                stage.write(vals)
            else:
                to_create.append(vals)
        return self.env["crm.stage"].create(to_create)
