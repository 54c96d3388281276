from .pages import ArticleAuthor, ArticleIndexPage, ArticlePage, ArticleTag, HomePage, StandardPage
from .settings import OrganizationSettings
from .snippets import Author, Category

__all__ = [
    "ArticleAuthor",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleTag",
    "Author",
    "Category",
    "HomePage",
    "OrganizationSettings",
    "StandardPage",
]
