"""Screenshots of a built Dateline site, taken with Debian's chromium via Playwright.

    python benchmarks/screenshot.py public                           # the timeline page
    python benchmarks/screenshot.py public --page claims/ --out /tmp/claims.png
    python benchmarks/screenshot.py corpus-site --readme             # the README's four pictures

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


#: the page coordinates of the centre of the tallest bar of the timeline's months
BUSIEST_MONTH = """node => {
  const view = node.dlView, box = node.querySelector('canvas, svg').getBoundingClientRect();
  const origin = view.origin();
  let best = null;
  const walk = (item, ox, oy) => {
    if (!item) return;
    if (item.marktype === 'rect' && item.items) {
      for (const it of item.items) {
        if (!it.datum || !it.datum.events) continue;  // the brush is a rect too
        const b = it.bounds, h = b.y2 - b.y1;
        if (!best || h > best.h) best = {h, x: ox + (b.x1 + b.x2) / 2, y: oy + (b.y1 + b.y2) / 2};
      }
      return;
    }
    for (const child of item.items || []) {
      const gx = child.marktype ? 0 : (child.x || 0), gy = child.marktype ? 0 : (child.y || 0);
      walk(child, ox + gx, oy + gy);
    }
  };
  walk(view.scenegraph().root, 0, 0);
  return best && {x: box.left + origin[0] + best.x, y: box.top + origin[1] + best.y};
}"""


def wait_rendered(page: object, timeout_ms: int = 30000) -> None:
    """Wait until every chart has drawn (or failed) and every table has loaded."""
    page.wait_for_function(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('.dl-chart[data-spec]')].every(n => n.dataset.rendered)
              && [...document.querySelectorAll('.dl-datatable, .dl-chrono, .dl-timeline')].every(n => n.dataset.ready)""",
        timeout=timeout_ms,
    )


def screenshot(site_dir: str | Path, out: str | Path = DEFAULT_OUT, page_path: str = "timeline/",
               width: int = 1400, height: int = 1000, full_page: bool = False, drill: bool = False) -> Path:
    """A PNG of one page; ``drill``: after a click on the timeline's busiest month."""
    from playwright.sync_api import sync_playwright

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + page_path)
            wait_rendered(page)
            if drill:
                point = page.query_selector(".dl-timeline-overview").evaluate(BUSIEST_MONTH)
                page.mouse.click(point["x"], point["y"])
                page.wait_for_function("() => document.querySelector('.dl-timeline-detail').dataset.rendered")
                page.mouse.move(0, 0)  # no tooltip in the picture
            page.wait_for_timeout(300)
            page.screenshot(path=str(out), full_page=full_page)
        finally:
            browser.close()
    return out


#: the README's pictures: file name, page, viewport height, drill into the timeline
README_SHOTS = [("screenshot-home.png", "", 2150, False), ("screenshot-timeline.png", "timeline/", 1250, True),
                ("screenshot-claims.png", "claims/", 1000, False),
                ("screenshot-cable.png", "documents/09MEXICO193/#text", 1000, False)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", nargs="?", default="public")
    parser.add_argument("--page", default="timeline/", help="page path inside the site")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--full-page", action="store_true")
    parser.add_argument("--drill", action="store_true", help="click the timeline's busiest month first")
    parser.add_argument("--readme", action="store_true",
                        help="write the README's pictures into docs/ (the site of ../shared/corpus)")
    args = parser.parse_args()
    if args.readme:
        for name, page_path, height, drill in README_SHOTS:
            print(screenshot(args.site_dir, DEFAULT_OUT.parent / name, page_path, args.width, height, drill=drill))
        return
    print(screenshot(args.site_dir, args.out, args.page, args.width, args.height, args.full_page, args.drill))


if __name__ == "__main__":
    main()
