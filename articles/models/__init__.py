from .pages import ArticleAuthor, ArticleIndexPage, ArticlePage, ArticleTag, HomePage, StandardPage
from .readiness import CheckDismissal, ReadinessScore, ReadinessSettings, ReviewLink
from .settings import OrganizationSettings
from .snippets import Author, Category
from .wordpress import WordPressLink

__all__ = [
    "ArticleAuthor",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleTag",
    "Author",
    "Category",
    "CheckDismissal",
    "HomePage",
    "OrganizationSettings",
    "ReadinessScore",
    "ReadinessSettings",
    "ReviewLink",
    "StandardPage",
    "WordPressLink",
]
