# ZZ CRM on the official Odoo 18 image: adds the Python and OCA dependencies.
FROM odoo:18.0

USER root
COPY requirements.txt /tmp/zzcrm-requirements.txt
# The image's Odoo is a Debian package, not a pip distribution, so the OCA wheels
# (which declare odoo==18.0.*) go in with --no-deps; their own dependencies are
# all listed in requirements.txt or shipped by the image.
RUN pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /tmp/zzcrm-requirements.txt \
    && apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client python3-polib \
    && rm -rf /var/lib/apt/lists/*
USER odoo
