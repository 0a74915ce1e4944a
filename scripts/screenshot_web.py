"""Screenshot of the seed article's report page, for the README (docs/screenshot-seed-report.png).

Starts the web app on a free loopback port, audits the seed through the page's form in
headless Debian Chromium (as the browser tests do), and saves the top of the report.

    .venv/bin/python scripts/screenshot_web.py [SEED] [OUT]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the live-server and browser helpers of the tests

from newsaudit.settings import Settings
from newsaudit.web.app import create_app
from tests.web.browser import chromium, live_server

SEED = ROOT.parent / "shared" / "seed" / "000_b38b0158481798b1.txt"
OUT = ROOT / "docs" / "screenshot-seed-report.png"


def main() -> None:
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    app = create_app(Settings())
    with live_server(app) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 1500})
        page.goto(base + "/")
        page.fill("#text", seed.read_text("utf-8"))
        page.click("#submit")
        page.wait_for_url(re.compile(r"/audits/\d+$"), timeout=60_000)
        page.screenshot(path=str(out))
    print(f"saved {out}")


if __name__ == "__main__":
    main()
