from . import crm_zz_churn_risk
from . import crm_zz_product_affinity
from . import crm_zz_customer_cluster
from . import crm_lead
from . import res_partner
from . import sale_order
from . import crm_zz_forecast_snapshot
