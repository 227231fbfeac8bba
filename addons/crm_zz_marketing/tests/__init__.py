from . import test_utm_campaign_goal
from . import test_mailing_consent
