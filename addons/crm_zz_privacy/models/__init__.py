# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import crm_zz_privacy_mixin
from . import res_partner
from . import crm_lead
from . import helpdesk_ticket
from . import survey_user_input
from . import crm_zz_consent
from . import privacy_log
from . import privacy_lookup_wizard
from . import crm_zz_privacy_request
from . import crm_zz_privacy_request_export
from . import crm_zz_privacy_retention
from . import res_config_settings
