from . import crm_zz_report_abstract
from . import crm_zz_customer_report
from . import crm_zz_customer_value_report
from . import crm_zz_pipeline_report
from . import crm_zz_funnel_report
from . import crm_zz_forecast_report
from . import crm_zz_campaign_report
from . import crm_zz_ticket_report
