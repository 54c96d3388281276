"""Share links as plain URLs: no third-party script runs on our pages."""

from urllib.parse import quote, urlencode


def share_links(url, title):
    """(network, href) pairs for sharing `url` (absolute) under `title`."""
    return [
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}, quote_via=quote),
        ),
        ("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title}, quote_via=quote)),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}, quote_via=quote)),
        ("Email", "mailto:?" + urlencode({"subject": title, "body": f"{title}\n{url}"}, quote_via=quote)),
    ]
