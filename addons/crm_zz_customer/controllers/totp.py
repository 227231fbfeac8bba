# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The authenticator app set up during the login of a manager who has none.

Odoo's login stops a user whose ``_mfa_url`` is set at ``/web/login/totp`` with
a partial session (``pre_uid``); ``auth_totp`` asks there for the code, and
``auth_totp_mail_enforce`` mails one first. For a user of the enforced groups
without TOTP (``_mfa_type`` ``zz_totp_setup``, models/res_users_totp.py) the same
page shows the QR code of a new secret and completes the login once the app's
code matches, with the login's own throttling of failed attempts.
"""

import base64
import os
import re

from odoo import http
from odoo.exceptions import AccessDenied
from odoo.http import request

from odoo.addons.auth_totp.controllers.home import Home
from odoo.addons.auth_totp.models.totp import TOTP_SECRET_SIZE

from ..models.res_users_totp import TOTP_SETUP

# the secret offered, kept in the server-side session until the code matches
SESSION_SECRET = "zz_totp_setup_secret"


class TotpSetupHome(Home):
    @http.route()
    def web_totp(self, redirect=None, **kwargs):
        pre_uid = request.session.pre_uid
        if request.session.uid or not pre_uid:
            return super().web_totp(redirect=redirect, **kwargs)
        user = request.env["res.users"].browse(pre_uid)
        if user._mfa_type() != TOTP_SETUP:
            return super().web_totp(redirect=redirect, **kwargs)
        return self._zz_totp_setup(user, redirect=redirect, **kwargs)

    def _zz_totp_setup(self, user, redirect=None, **kwargs):
        secret = request.session.get(SESSION_SECRET)
        if not secret:
            secret = base64.b32encode(os.urandom(TOTP_SECRET_SIZE // 8)).decode()
            request.session[SESSION_SECRET] = secret
        error = None
        if request.httprequest.method == "POST" and kwargs.get("totp_token"):
            try:
                code = int(re.sub(r"\s", "", kwargs["totp_token"]))
            except ValueError:
                error = request.env._("Invalid authentication code format.")
            else:
                try:
                    with user._assert_can_auth(user=user.id):
                        # the user sets his own secret, as in his preferences
                        if not user.with_user(user)._totp_try_setting(secret, code):
                            raise AccessDenied(
                                request.env._(
                                    "Verification failed, please double-check the 6-digit code"
                                )
                            )
                except AccessDenied as exc:
                    error = str(exc)
                else:
                    request.session.pop(SESSION_SECRET, None)
                    request.session.finalize(request.env)
                    request.update_env(user=request.session.uid)
                    request.update_context(**request.session.context)
                    return request.redirect(
                        self._login_redirect(request.session.uid, redirect=redirect)
                    )
        # Odoo's setup wizard draws the QR code; a new record, never stored
        # sudo: the user is half logged in, the wizard is his own
        wizard = (
            request.env["auth_totp.wizard"]
            .sudo()
            .new({"user_id": user.id, "secret": " ".join(re.findall(".{1,4}", secret))})
        )
        request.session.touch()
        return request.render(
            "crm_zz_customer.totp_setup_form",
            {
                "user": user,
                "qrcode": wizard.qrcode,
                "url": wizard.url,
                "secret": wizard.secret,
                "error": error,
                "redirect": redirect,
            },
        )
