#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Take the README's screenshots from a running ZZ CRM (``make run``).

    python3 docs/screenshots.py [--url http://localhost:8069] [--db zzcrm]

Logs in as admin, opens each main screen in headless Chromium (Debian's
``chromium``) through the DevTools protocol and writes ``docs/img/<name>.png``.
"""

import argparse
import base64
import json
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

OUT = Path(__file__).resolve().parent / "img"
# (file name, path in the web client, CSS selector to click first or None)
SCREENS = [
    ("interactions", "/odoo/action-crm_zz_customer.crm_zz_interaction_action", None),
    (
        "customer_360",
        "/odoo/action-contacts.action_contacts/{partner}",
        "a.nav-link[name='zz_customer_360']",
    ),
    ("pipeline", "/odoo/crm", None),
    ("opportunity_list", "/odoo/action-crm.crm_lead_action_pipeline?view_type=list", None),
    ("tickets", "/odoo/action-helpdesk_mgmt.helpdesk_ticket_action?view_type=list", None),
    ("satisfaction", "/odoo/action-crm_zz_service.crm_zz_service_satisfaction_report_action", None),
    ("customer_report", "/odoo/action-crm_zz_reports.crm_zz_customer_report_action", None),
    ("parks", "/odoo/action-crm_zz_customer.crm_zz_park_action", None),
]


def rpc(url, path, params, cookie=None):
    req = urllib.request.Request(
        url + path,
        data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
        headers={"Content-Type": "application/json", **({"Cookie": cookie} if cookie else {})},
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        body = json.loads(resp.read())
        session = resp.headers.get("Set-Cookie", "").split(";")[0]
    if body.get("error"):
        raise RuntimeError(body["error"])
    return body["result"], session


class Browser:
    def __init__(self, port=9333):
        self.port = port
        self.profile = tempfile.mkdtemp(prefix="zzcrm-shots-")
        self.proc = subprocess.Popen(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--window-size=1440,900",
                "--lang=zh-CN",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    target = next(t for t in json.loads(r.read()) if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.2)
        self.ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=60)
        self.msg_id = 0

    def call(self, method, **params):
        self.msg_id += 1
        self.ws.send(json.dumps({"id": self.msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.msg_id:
                return msg.get("result", {})

    def close(self):
        self.ws.close()
        self.proc.terminate()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="zzcrm")
    parser.add_argument("--wait", type=float, default=6.0, help="seconds to let a screen render")
    args = parser.parse_args()
    _uid, cookie = rpc(
        args.url,
        "/web/session/authenticate",
        {"db": args.db, "login": "admin", "password": "admin"},
    )
    # A Zhengzhou customer company, for its 360° page.
    partner_ids, _ = rpc(
        args.url,
        "/web/dataset/call_kw",
        {
            "model": "res.partner",
            "method": "search",
            "args": [[("zz_park_id", "!=", False), ("is_company", "=", True)]],
            "kwargs": {"limit": 1, "order": "id"},
        },
        cookie,
    )
    OUT.mkdir(exist_ok=True)
    browser = Browser()
    try:
        name, value = cookie.split("=", 1)
        browser.call("Network.enable")
        browser.call("Network.setCookie", name=name, value=value, url=args.url)
        # The first load builds the asset bundles; a page that saw them change
        # shows a "page expired" notice, so warm up before the real shots.
        browser.call("Page.navigate", url=args.url + "/odoo")
        time.sleep(args.wait * 2)
        for shot, path, click in SCREENS:
            browser.call("Page.navigate", url=args.url + path.format(partner=partner_ids[0]))
            time.sleep(args.wait)
            if click:
                browser.call(
                    "Runtime.evaluate",
                    expression=f"(el => {{ el?.click(); el?.scrollIntoView(); }})"
                    f"(document.querySelector({json.dumps(click)}))",
                )
                time.sleep(1.5)
            browser.call(
                "Runtime.evaluate",
                expression="document.querySelectorAll('.o_notification_close')"
                ".forEach((button) => button.click())",
            )
            time.sleep(0.5)
            png = browser.call("Page.captureScreenshot", format="png")["data"]
            (OUT / f"{shot}.png").write_bytes(base64.b64decode(png))
            print(f"docs/img/{shot}.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
