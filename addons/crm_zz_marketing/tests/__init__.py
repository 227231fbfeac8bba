from . import test_utm_campaign_goal
