# ZZ CRM on the official Odoo 18 image: adds the Python and OCA dependencies.
FROM odoo:18.0

USER root
# numpy (customer clusters) from Debian, like the image's other Python libraries
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3-numpy \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/zzcrm-requirements.txt
# The image's Odoo is a Debian package, not a pip distribution, so the OCA wheels
# (which declare odoo==18.0.*) go in with --no-deps; every other requirement is
# already satisfied by the Debian packages the image ships (lxml, xlsxwriter,
# phonenumbers, python-stdnum), so nothing else is pulled in.
# The exception is Alibaba Cloud's SMS SDK (crm_zz_marketing): Debian does not
# package it nor most of its dependencies (alibabacloud-tea-openapi,
# darabonba-core, aiohttp, APScheduler...), so it goes in first, WITH its
# dependencies, at the version range of requirements.txt; the requirements it
# shares with Odoo (requests, cryptography) are already met by Debian's packages
# and left alone.
RUN grep -E '^alibabacloud-' /tmp/zzcrm-requirements.txt > /tmp/zzcrm-sdk.txt \
    && pip3 install --no-cache-dir --break-system-packages -r /tmp/zzcrm-sdk.txt \
    && python3 -c "import alibabacloud_dysmsapi20170525.client" \
    && pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /tmp/zzcrm-requirements.txt
USER odoo
