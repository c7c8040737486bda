"""Screenshots of a built Dateline site, taken with Debian's chromium via Playwright.

    python benchmarks/screenshot.py public                       # the README screenshot
    python benchmarks/screenshot.py public --page claims/ --out /tmp/claims.png

Serves SITE_DIR on 127.0.0.1 (extractor.serve, as `dateline serve` does), opens the page, waits
for the charts and tables to render and writes a PNG. Never downloads a browser:
it drives /usr/bin/chromium (apt install chromium).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from extractor.serve import serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshot-timeline.png"


def wait_rendered(page: object, timeout_ms: int = 30000) -> None:
    """Wait until every chart has drawn (or failed) and every table has loaded."""
    page.wait_for_function(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('.dl-chart[data-spec]')].every(n => n.dataset.rendered)
              && [...document.querySelectorAll('.dl-datatable, .dl-chrono, .dl-timeline')].every(n => n.dataset.ready)""",
        timeout=timeout_ms,
    )


def screenshot(site_dir: str | Path, out: str | Path = DEFAULT_OUT, page_path: str = "timeline/",
               width: int = 1400, height: int = 1000, full_page: bool = False) -> Path:
    from playwright.sync_api import sync_playwright

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + page_path)
            wait_rendered(page)
            page.wait_for_timeout(300)
            page.screenshot(path=str(out), full_page=full_page)
        finally:
            browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", nargs="?", default="public")
    parser.add_argument("--page", default="timeline/", help="page path inside the site")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--full-page", action="store_true")
    args = parser.parse_args()
    print(screenshot(args.site_dir, args.out, args.page, args.width, args.height, args.full_page))


if __name__ == "__main__":
    main()
