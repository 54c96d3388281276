"""Bytes over the wire for a page without images: its HTML plus same-origin CSS and JS, compressed.

Usage: python bench/page_weight.py http://127.0.0.1:8000/articles/some-article/ [more URLs]
Asks for Brotli/gzip the way a browser does and counts the response bodies as sent (headers
excluded). Exits 1 when a page exceeds PAGE_WEIGHT_BUDGET_KB (default 60).
"""

import os
import sys
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

BUDGET_KB = float(os.environ.get("PAGE_WEIGHT_BUDGET_KB", "60"))
HEADERS = {"Accept-Encoding": "br, gzip", "User-Agent": "page-weight/1"}


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def fetch(url):
    """(bytes on the wire, content-encoding, raw body) for one GET."""
    with urllib.request.urlopen(urllib.request.Request(url, headers=HEADERS)) as response:  # noqa: S310
        body = response.read()
        return len(body), response.headers.get("Content-Encoding", "identity"), body


def decode(body, encoding):
    if encoding == "gzip":
        import gzip

        return gzip.decompress(body)
    if encoding == "br":
        import brotli  # only needed if the server sends Brotli HTML

        return brotli.decompress(body)
    return body


def weigh(url):
    size, encoding, body = fetch(url)
    rows = [(url, size, encoding)]
    parser = Assets()
    parser.feed(decode(body, encoding).decode("utf-8"))
    origin = urlsplit(url).netloc
    for asset in parser.urls:
        asset_url = urljoin(url, asset)
        if urlsplit(asset_url).netloc != origin:
            rows.append((asset_url, 0, "THIRD-PARTY"))
            continue
        asset_size, asset_encoding, _ = fetch(asset_url)
        rows.append((asset_url, asset_size, asset_encoding))
    return rows


def main(urls):
    over = False
    for url in urls:
        rows = weigh(url)
        total = sum(size for _, size, _ in rows)
        for row_url, size, encoding in rows:
            print(f"  {size / 1024:7.1f} KB  {encoding:<11} {row_url}")
        print(f"{total / 1024:7.1f} KB total (budget {BUDGET_KB:.0f} KB) for {url}\n")
        over |= total > BUDGET_KB * 1024
    return 1 if over else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
