from . import utm_campaign
from . import crm_zz_marketing_sms_param
from . import sms_template
from . import mailing_mailing_sms
from . import mailing_trace_sms
from . import mail_notification_sms
from . import sms_sms_aliyun
from . import res_config_settings
