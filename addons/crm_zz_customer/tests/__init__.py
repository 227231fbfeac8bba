from . import test_crm_zz_district
from . import test_res_partner_lifecycle
from . import test_crm_zz_interaction
from . import test_res_partner_summary
from . import test_res_partner_rfm
from . import test_partner_duplicate
from . import test_res_partner_ownership
from . import test_res_partner_pool_concurrency
