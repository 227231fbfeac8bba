from . import test_helpdesk_ticket_customer
from . import test_helpdesk_ticket_sla
from . import test_helpdesk_ticket_assignment
from . import test_helpdesk_ticket_complaint
from . import test_crm_zz_service_article
from . import test_survey_satisfaction
from . import test_res_partner_service
from . import test_helpdesk_mgmt_zh_cn
