# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Retention (PIPL Art. 47, 19): personal data kept no longer than needed."""

from datetime import datetime, time

from odoo import api, fields, models

from ..tools import privacy

# ir.config_parameter keys: days after which the records are anonymised (0: never)
PARAM_LOST_LEADS = "crm_zz_privacy.retention_lost_lead_days"
PARAM_SURVEY_INVITES = "crm_zz_privacy.retention_survey_invite_days"
PARAM_CLOSED_TICKETS = "crm_zz_privacy.retention_closed_ticket_days"


class CrmZzPrivacyRequest(models.Model):
    _inherit = "crm.zz.privacy.request"

    @api.model
    def _zz_retention_cutoff(self, param):
        # sudo: the periods are the administrator's settings; the job reads them
        days = int(self.env["ir.config_parameter"].sudo().get_param(param, 0) or 0)
        cutoff = privacy.retention_cutoff(fields.Date.context_today(self), days)
        return datetime.combine(cutoff, time.min) if cutoff else None

    @api.model
    def _zz_retention_domains(self):
        """{model: domain} of the records past their retention period."""
        domains = {}
        if cutoff := self._zz_retention_cutoff(PARAM_LOST_LEADS):
            domains["crm.lead"] = [
                ("active", "=", False),
                ("probability", "=", 0),
                ("zz_legal_hold", "=", False),
                ("zz_anonymised_date", "=", False),
                "|",
                ("date_closed", "<", cutoff),
                "&",
                ("date_closed", "=", False),
                ("write_date", "<", cutoff),
            ]
        if cutoff := self._zz_retention_cutoff(PARAM_SURVEY_INVITES):
            domains["survey.user_input"] = [
                ("state", "=", "new"),
                ("create_date", "<", cutoff),
                ("zz_anonymised_date", "=", False),
            ]
        if cutoff := self._zz_retention_cutoff(PARAM_CLOSED_TICKETS):
            domains["helpdesk.ticket"] = [
                ("stage_id.closed", "=", True),
                ("zz_legal_hold", "=", False),
                ("zz_anonymised_date", "=", False),
                "|",
                ("closed_date", "<", cutoff),
                "&",
                ("closed_date", "=", False),
                ("write_date", "<", cutoff),
            ]
        return domains

    @api.model
    def _cron_zz_retention(self, batch_size=privacy.RETENTION_BATCH):
        """Anonymise one batch of records past their retention period and report the
        progress: the scheduler commits and calls again while some remain."""
        # sudo: the job anonymises every company's records, whoever owns them
        env = self.sudo().with_context(active_test=False).env
        domains = self._zz_retention_domains()
        counts = {model: env[model].search_count(domain) for model, domain in domains.items()}
        total = sum(counts.values())
        done = 0
        for model, domain in domains.items():
            if done >= batch_size:
                break
            records = env[model].search(domain, limit=batch_size - done, order="id")
            records._zz_anonymise()
            done += len(records)
            if records:
                self.env["crm.zz.audit.log"]._zz_log(
                    "delete",
                    records,
                    description=self.env._(
                        "Retention: %(count)s record(s) past their retention period anonymised.",
                        count=len(records),
                    ),
                )
        self.env["ir.cron"]._notify_progress(done=done, remaining=total - done)
        return done
