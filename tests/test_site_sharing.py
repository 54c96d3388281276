"""Share links: plain, encoded links to each network; the script only adds native share and copy."""

from urllib.parse import parse_qs, urlsplit

import pytest

from articles.sharing import share_links

pytestmark = pytest.mark.django_db

TITLE = "SEO & SMO: what's the difference? 50% “more” reach"


def links_in(html):
    section = html.split('class="share"')[1].split("</section>")[0]
    return {
        network: href.replace("&amp;", "&")
        for network, href in (
            (part.split("share__link--")[1].split('"')[0], part.split('href="')[1].split('"')[0])
            for part in section.split("<li>")[1:]
        )
    }


def test_share_links_encode_url_and_title():
    """Every reserved character in the URL and title is percent-encoded."""
    url = "https://example.com/articles/seo-smo/?page=2&x=1"
    links = dict(share_links(url, TITLE))
    assert links["LinkedIn"] == (
        "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fexample.com%2Farticles%2Fseo-smo%2F%3Fpage%3D2%26x%3D1"
    )
    assert links["Facebook"].startswith(
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.com"
    )
    x = urlsplit(links["X"])
    assert (x.scheme, x.netloc, x.path) == ("https", "x.com", "/intent/post")
    assert "&x=1" not in links["X"] and "%26x%3D1" in links["X"]
    assert parse_qs(x.query) == {"url": [url], "text": [TITLE]}
    mail = urlsplit(links["Email"])
    assert mail.scheme == "mailto" and " " not in links["Email"]
    assert parse_qs(mail.query) == {"subject": [TITLE], "body": [f"{TITLE}\n{url}"]}


def test_article_page_shares_its_canonical_url_and_title(client, make_article):
    """The article's share links carry its canonical address and title, and load no third-party script."""
    article = make_article(title=TITLE)
    html = client.get(article.url).content.decode()
    canonical = "http://testserver" + article.url
    links = links_in(html)
    assert set(links) == {"linkedin", "x", "facebook", "email"}
    assert parse_qs(urlsplit(links["linkedin"]).query) == {"url": [canonical]}
    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [canonical]}
    assert parse_qs(urlsplit(links["x"]).query) == {"url": [canonical], "text": [TITLE]}
    assert parse_qs(urlsplit(links["email"]).query)["subject"] == [TITLE]
    assert 'data-url="' + canonical + '"' in html
    scripts = [part.split('src="')[1].split('"')[0] for part in html.split("<script")[1:] if 'src="' in part]
    assert all(src.startswith("/static/") for src in scripts)


def test_share_and_copy_buttons_start_hidden(client, make_article):
    """Without JavaScript the native-share and copy buttons stay hidden; the links still work."""
    html = client.get(make_article().url).content.decode()
    assert '<button type="button" class="btn btn-secondary" data-share hidden>' in html
    assert '<button type="button" class="btn btn-secondary" data-copy-link hidden>' in html
