# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A stand-in for Alibaba Cloud's SMS API (dysmsapi, version 2017-05-25) on
loopback, for tests only.

It checks every request's signature the way the real service does for the
V3 signature that ``alibabacloud_tea_openapi`` >= 0.3 sends by default
(``ACS3-HMAC-SHA256``): the ``Authorization`` header names the AccessKey ID,
the signed headers and the signature; the server rebuilds the canonical
request (method, path, canonical query string, canonical signed headers,
signed header names, hex SHA-256 of the body), hashes it, signs
``ACS3-HMAC-SHA256\\n<hex hash>`` with HMAC-SHA256 under the AccessKey
Secret and compares. It also refuses a payload whose SHA-256 differs from
``x-acs-content-sha256``, a reused ``x-acs-signature-nonce`` and an unknown
AccessKey ID, with the service's error codes.

Written from the published V3 signature description, independently of the
SDK's signing code.
"""

import hashlib
import hmac
import json
import logging
import re
import threading
import uuid
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit

_logger = logging.getLogger(__name__)

ALGORITHM = "ACS3-HMAC-SHA256"
CHINA_TZ = timezone(timedelta(hours=8))
_AUTH = re.compile(rf"^{ALGORITHM} Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$")


def _encode(value):
    return quote(value, safe="~")


def canonical_request(method, path, query, headers, signed_headers, payload_hash):
    """The canonical request of the V3 signature, from what was received."""
    canonical_query = "&".join(
        f"{_encode(k)}={_encode(v)}" for k, v in sorted(query.items(), key=lambda kv: kv[0])
    )
    canonical_headers = "".join(
        f"{name}:{headers.get(name, '').strip()}\n" for name in signed_headers
    )
    return "\n".join(
        [
            method,
            path or "/",
            canonical_query,
            canonical_headers,
            ";".join(signed_headers),
            payload_hash,
        ]
    )


def expected_signature(secret, canonical):
    hashed = hashlib.sha256(canonical.encode()).hexdigest()
    string_to_sign = f"{ALGORITHM}\n{hashed}"
    return hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()


class AliyunSmsStub:
    """The fake service: ``start()``, point the client at ``endpoint``,
    script answers with ``fail_next``/``hang_next``, read ``send_requests``."""

    MOBILE = re.compile(r"^1[3-9]\d{9}$")

    def __init__(self, access_key_id, access_key_secret, sign_names=(), templates=None):
        self.access_key_id = access_key_id
        self.access_key_secret = access_key_secret
        self.sign_names = set(sign_names)
        # template code -> parameter keys the approved template needs
        self.templates = dict(templates or {})
        self.send_requests = []  # every SendSms that passed the signature check
        self.records = []  # the provider's send records (QuerySendDetails)
        self.rejected = []  # (code, action) of refused requests
        self._script = []
        self._nonces = set()
        self._lock = threading.Lock()
        self.release = threading.Event()
        self.server = None
        self.thread = None

    # -- lifecycle ----------------------------------------------------------
    def start(self):
        stub = self

        class Handler(_Handler):
            pass

        Handler.stub = stub
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def reset(self):
        with self._lock:
            self.send_requests.clear()
            self.records.clear()
            self.rejected.clear()
            self._script.clear()
            self.release.clear()

    # -- scripting ----------------------------------------------------------
    def fail_next(self, code, message):
        """The next SendSms is refused with ``code`` (HTTP 200, as the
        service answers business errors)."""
        self._script.append(("fail", code, message))

    def hang_next(self):
        """The next SendSms is accepted and recorded, but the answer waits
        until ``release`` is set (the client times out first)."""
        self._script.append(("hang", None, None))

    def set_status(self, out_id, status, err_code="DELIVERED"):
        """The receipt of the record carrying ``out_id`` arrives."""
        for record in self.records:
            if record["OutId"] == out_id:
                record["SendStatus"] = status
                record["ErrCode"] = err_code
                record["ReceiveDate"] = datetime.now(CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")

    def sends_for(self, out_id):
        return [r for r in self.send_requests if r.get("OutId") == out_id]

    # -- the service ----------------------------------------------------------
    def verify(self, method, path, query, headers, body):
        """Return None when the request is authentic, else (status, code, message)."""
        match = _AUTH.match(headers.get("authorization", ""))
        if not match:
            return 400, "MissingAuthorization", "Authorization is mandatory for this action."
        access_key_id, signed, signature = match.groups()
        if access_key_id != self.access_key_id:
            return 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."
        payload_hash = hashlib.sha256(body).hexdigest()
        if headers.get("x-acs-content-sha256") != payload_hash:
            return 400, "ContentSHA256NotMatched", "The content sha256 does not match."
        signed_headers = signed.split(";")
        if signed_headers != sorted(signed_headers) or not {
            "host",
            "x-acs-action",
            "x-acs-content-sha256",
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-version",
        } <= set(signed_headers):
            return (
                400,
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards.",
            )
        canonical = canonical_request(method, path, query, headers, signed_headers, payload_hash)
        if not hmac.compare_digest(
            expected_signature(self.access_key_secret, canonical), signature
        ):
            return (
                400,
                "SignatureDoesNotMatch",
                "Specified signature does not match our calculation.",
            )
        nonce = headers["x-acs-signature-nonce"]
        with self._lock:
            if nonce in self._nonces:
                return 400, "SignatureNonceUsed", "Specified signature nonce was used already."
            self._nonces.add(nonce)
        return None

    def send_sms(self, params):
        with self._lock:
            step = self._script.pop(0) if self._script else ("ok", None, None)
            self.send_requests.append(dict(params))
        if step[0] == "fail":
            return {"Code": step[1], "Message": step[2], "RequestId": _request_id()}, None
        phone = params.get("PhoneNumbers", "")
        if not self.MOBILE.match(phone):
            return {
                "Code": "isv.MOBILE_NUMBER_ILLEGAL",
                "Message": "非法手机号",
                "RequestId": _request_id(),
            }, None
        if params.get("SignName") not in self.sign_names:
            return {
                "Code": "isv.SMS_SIGNATURE_ILLEGAL",
                "Message": "签名不合法",
                "RequestId": _request_id(),
            }, None
        keys = self.templates.get(params.get("TemplateCode"))
        if keys is None:
            return {
                "Code": "isv.SMS_TEMPLATE_ILLEGAL",
                "Message": "模板不合法",
                "RequestId": _request_id(),
            }, None
        try:
            values = json.loads(params.get("TemplateParam") or "{}")
        except ValueError:
            values = None
        if not isinstance(values, dict) or not set(keys) <= set(values):
            return {
                "Code": "isv.TEMPLATE_MISSING_PARAMETERS",
                "Message": "模板缺少变量",
                "RequestId": _request_id(),
            }, None
        biz_id = f"{uuid.uuid4().int % 10**15:015d}^0"
        now = datetime.now(CHINA_TZ)
        with self._lock:
            self.records.append(
                {
                    "BizId": biz_id,
                    "OutId": params.get("OutId", ""),
                    "PhoneNum": phone,
                    "TemplateCode": params["TemplateCode"],
                    "Content": params.get("TemplateParam", ""),
                    "SendDate": now.strftime("%Y-%m-%d %H:%M:%S"),
                    "Day": now.strftime("%Y%m%d"),
                    "SendStatus": 1,
                    "ErrCode": "",
                    "ReceiveDate": "",
                }
            )
        answer = {"Code": "OK", "Message": "OK", "BizId": biz_id, "RequestId": _request_id()}
        return answer, ("hang" if step[0] == "hang" else None)

    def query_send_details(self, params):
        phone = params.get("PhoneNumber", "")
        day = params.get("SendDate", "")
        page_size = int(params.get("PageSize") or 10)
        page = int(params.get("CurrentPage") or 1)
        if not phone or not day or not 1 <= page_size <= 50:
            return {
                "Code": "isv.INVALID_PARAMETERS",
                "Message": "参数异常",
                "RequestId": _request_id(),
            }
        with self._lock:
            found = [
                r
                for r in self.records
                if r["PhoneNum"] == phone
                and r["Day"] == day
                and (not params.get("BizId") or r["BizId"] == params["BizId"])
            ]
        chunk = found[(page - 1) * page_size : page * page_size]
        keys = (
            "OutId",
            "PhoneNum",
            "TemplateCode",
            "Content",
            "SendDate",
            "SendStatus",
            "ErrCode",
            "ReceiveDate",
        )
        return {
            "Code": "OK",
            "Message": "OK",
            "RequestId": _request_id(),
            "TotalCount": len(found),
            "SmsSendDetailDTOs": {"SmsSendDetailDTO": [{k: r[k] for k in keys} for r in chunk]},
        }


def _request_id():
    return str(uuid.uuid4()).upper()


class _Handler(BaseHTTPRequestHandler):
    stub = None
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # keep the test log quiet
        return

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def _handle(self):
        stub = self.stub
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        headers = {k.lower(): v for k, v in self.headers.items()}
        refused = stub.verify(self.command, url.path, query, headers, body)
        action = headers.get("x-acs-action", "")
        if refused:
            status, code, message = refused
            with stub._lock:
                stub.rejected.append((code, action))
            self._answer(status, {"Code": code, "Message": message, "RequestId": _request_id()})
            return
        params = dict(query)
        if body and headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            params.update(parse_qsl(body.decode(), keep_blank_values=True))
        if headers.get("x-acs-version") != "2017-05-25":
            self._answer(
                400,
                {"Code": "InvalidVersion", "Message": "Specified parameter Version is not valid."},
            )
        elif action == "SendSms":
            answer, then = stub.send_sms(params)
            if then == "hang":
                stub.release.wait(30)
            self._answer(200, answer)
        elif action == "QuerySendDetails":
            self._answer(200, stub.query_send_details(params))
        else:
            self._answer(
                404,
                {
                    "Code": "InvalidAction.NotFound",
                    "Message": f"Specified api {action} is not found.",
                },
            )

    def _answer(self, status, payload):
        data = json.dumps(payload, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError as e:  # the client gave up waiting (timeout scenario)
            _logger.info("Alibaba Cloud SMS stand-in: answer not delivered (%s)", e)
