"""The page's own JSON-LD against what Google documents for Article, BreadcrumbList and
Organization rich results (developers.google.com/search/docs/appearance/structured-data)."""

import re

HEADLINE_MAX = 110
# An ISO 8601 date-time that says which time zone it is in.
_DATETIME_WITH_ZONE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def _nodes(graph):
    nodes = graph.get("@graph", [graph])
    return {node.get("@id"): node for node in nodes if node.get("@id")}, nodes


def _of_type(nodes, *types):
    return [node for node in nodes if node.get("@type") in types]


def _resolve(by_id, ref):
    if isinstance(ref, dict) and set(ref) == {"@id"}:
        return by_id.get(ref["@id"], {})
    return ref if isinstance(ref, dict) else {}


def _refs(value):
    return value if isinstance(value, list) else [value] if value else []


def article_problems(article, by_id):
    problems = []
    headline = article.get("headline", "")
    if not headline:
        problems.append("the article has no headline")
    elif len(headline) > HEADLINE_MAX:
        problems.append(f"the headline is over {HEADLINE_MAX} characters")
    if not article.get("image"):
        problems.append("the article has no image")
    for key in ("datePublished", "dateModified"):
        value = article.get(key)
        if not value:
            problems.append(f"{key} is missing")
        elif not _DATETIME_WITH_ZONE.match(str(value)):
            problems.append(f"{key} “{value}” has no time zone")
    authors = [_resolve(by_id, ref) for ref in _refs(article.get("author"))]
    if not authors:
        problems.append("the article names no author")
    for author in authors:
        if not author.get("name"):
            problems.append("an author has no name")
        if not author.get("url"):
            problems.append(f"author {author.get('name', '')} has no url".replace("  ", " "))
    publisher = _resolve(by_id, article.get("publisher"))
    if not publisher:
        problems.append("the article names no publisher")
    elif not _resolve(by_id, publisher.get("logo")).get("url"):
        problems.append("the publisher has no logo")
    return problems


def organization_problems(organization, by_id):
    problems = []
    for key in ("name", "url"):
        if not organization.get(key):
            problems.append(f"the organization has no {key}")
    if not _resolve(by_id, organization.get("logo")).get("url"):
        problems.append("the organization has no logo")
    return problems


def breadcrumb_problems(breadcrumbs):
    problems = []
    for position, item in enumerate(breadcrumbs.get("itemListElement", []), start=1):
        if item.get("position") != position:
            problems.append(f"breadcrumb {position} has the wrong position")
        if not item.get("name"):
            problems.append(f"breadcrumb {position} has no name")
        if position < len(breadcrumbs["itemListElement"]) and not item.get("item"):
            problems.append(f"breadcrumb {position} has no URL")
    return problems


def structured_data_problems(graph):
    """Plain-language problems with a JSON-LD document (parsed JSON, as the page prints it)."""
    by_id, nodes = _nodes(graph)
    problems = []
    for article in _of_type(nodes, "Article", "BlogPosting", "NewsArticle"):
        problems += article_problems(article, by_id)
    organizations = _of_type(nodes, "Organization")
    if not organizations:
        problems.append("there is no Organization")
    for organization in organizations:
        problems += organization_problems(organization, by_id)
    for breadcrumbs in _of_type(nodes, "BreadcrumbList"):
        problems += breadcrumb_problems(breadcrumbs)
    return list(dict.fromkeys(problems))
