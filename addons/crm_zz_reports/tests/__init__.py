from . import test_crm_zz_customer_report
from . import test_crm_zz_customer_value_report
from . import test_crm_zz_pipeline_report
from . import test_crm_zz_funnel_report
from . import test_crm_zz_campaign_report
from . import test_crm_zz_ticket_report
from . import test_crm_zz_churn_risk
from . import test_crm_zz_product_affinity
