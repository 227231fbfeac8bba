from . import sms_composer
from . import mailing_sms_test
from . import crm_zz_sales_lead_import
