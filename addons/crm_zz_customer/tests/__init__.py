from . import test_crm_zz_district
