"""schema.org JSON-LD for every page: one linked @graph with stable @ids.

Built as plain dicts here; templates only print the result through `json_ld_script`.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from articles.seo import SocialImage, absolute_url

HEADLINE_MAX = 110
LANGUAGE = "en-GB"  # as <html lang> and og:locale

# Characters that could end the <script> element or open an HTML comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def site_id(fragment):
    return absolute_url("/") + "#" + fragment


def organization_node(organization):
    node = {
        "@type": "Organization",
        "@id": site_id("organization"),
        "name": organization.name,
        "url": organization.url or absolute_url("/"),
    }
    if organization.logo:
        logo = SocialImage.from_image(organization.logo, "max-600x600|format-png")
        node["logo"] = {
            "@type": "ImageObject",
            "@id": site_id("logo"),
            "url": logo.url,
            "contentUrl": logo.url,
            "width": logo.width,
            "height": logo.height,
            "caption": organization.name,
        }
        node["image"] = {"@id": site_id("logo")}
    same_as = [url for _label, url in organization.social_profiles]
    if same_as:
        node["sameAs"] = same_as
    if organization.phone or organization.email:
        node["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "customer service",
            **({"telephone": organization.phone} if organization.phone else {}),
            **({"email": organization.email} if organization.email else {}),
        }
    if organization.has_address:
        node["address"] = {
            "@type": "PostalAddress",
            "streetAddress": organization.street_address,
            "addressLocality": organization.locality,
            "addressRegion": organization.region,
            "postalCode": organization.postal_code,
            "addressCountry": organization.country,
        }
    return node


def website_node(organization):
    node = {
        "@type": "WebSite",
        "@id": site_id("website"),
        "url": absolute_url("/"),
        "name": organization.name,
        "publisher": {"@id": site_id("organization")},
        "inLanguage": LANGUAGE,
    }
    try:
        search_url = absolute_url(reverse("search"))
    except NoReverseMatch:
        return node
    node["potentialAction"] = {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
        "query-input": "required name=search_term_string",
    }
    return node


def webpage_node(meta, main_entity=None):
    node = {
        "@type": meta.schema_type,
        "@id": meta.canonical_url + "#webpage",
        "url": meta.canonical_url,
        "name": meta.title,
        "description": meta.description,
        "isPartOf": {"@id": site_id("website")},
        "inLanguage": LANGUAGE,
    }
    if len(meta.breadcrumbs) > 1:
        node["breadcrumb"] = {"@id": meta.canonical_url + "#breadcrumb"}
    if meta.image:
        node["primaryImageOfPage"] = image_object(meta.image)
    if meta.article:
        node["datePublished"] = meta.article.published
        node["dateModified"] = meta.article.updated
    if main_entity:
        node["mainEntity"] = {"@id": main_entity["@id"]}
    return node


def image_object(image):
    return {"@type": "ImageObject", "url": image.url, "width": image.width, "height": image.height}


def person_node(author, index_page):
    url = absolute_url(index_page.listing_url("author", author.slug))
    node = {"@type": "Person", "@id": url + "#person", "name": author.name, "url": url}
    if author.job_title:
        node["jobTitle"] = author.job_title
    if author.links:
        node["sameAs"] = author.links
    return node


def blog_posting_node(meta, authors):
    article = meta.article
    headline = (
        article.title if len(article.title) <= HEADLINE_MAX else article.title[: HEADLINE_MAX - 1] + "…"
    )
    node = {
        "@type": "BlogPosting",
        "@id": meta.canonical_url + "#article",
        "headline": headline,
        "description": meta.description,
        "datePublished": article.published,
        "dateModified": article.updated,
        "author": [{"@id": person["@id"]} for person in authors],
        "publisher": {"@id": site_id("organization")},
        "mainEntityOfPage": {"@id": meta.canonical_url + "#webpage"},
        "isPartOf": {"@id": site_id("website")},
        "inLanguage": LANGUAGE,
        "timeRequired": f"PT{article.reading_minutes}M",
    }
    if meta.image:
        node["image"] = image_object(meta.image)
    if article.category:
        node["articleSection"] = article.category.name
    keywords = [tag.name for tag in article.tags.all()]
    if keywords:
        node["keywords"] = keywords
    return node


def breadcrumb_node(meta):
    return {
        "@type": "BreadcrumbList",
        "@id": meta.canonical_url + "#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute_url(url)}
            for position, (name, url) in enumerate(meta.breadcrumbs, start=1)
        ],
    }


def build_graph(meta):
    # An author's listing is their profile page: its main entity is the Person that articles name.
    profile = person_node(meta.author, meta.index_page) if meta.author else None
    graph = [
        organization_node(meta.organization),
        website_node(meta.organization),
        webpage_node(meta, main_entity=profile),
    ]
    if profile:
        graph.append(profile)
    if meta.article:
        people = [person_node(author, meta.index_page) for author in meta.article.authors]
        graph.append(blog_posting_node(meta, people))
        graph.extend(people)
    if len(meta.breadcrumbs) > 1:
        graph.append(breadcrumb_node(meta))
    return {"@context": "https://schema.org", "@graph": graph}


def json_ld_script(data):
    """The data as a <script type="application/ld+json"> element that no value can break out of."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
