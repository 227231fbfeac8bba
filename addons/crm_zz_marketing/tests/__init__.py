from . import test_utm_campaign_goal
from . import test_sms_aliyun_send
from . import test_sms_aliyun_receipts
from . import test_sms_aliyun_param_access
from . import test_sms_aliyun_provider_choice
