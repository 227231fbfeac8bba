from . import test_utm_campaign_goal
from . import test_mailing_consent
from . import test_crm_zz_marketing_segment
from . import test_utm_campaign_roi
from . import test_event_campaign
