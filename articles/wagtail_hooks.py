"""Admin wiring: authors and categories as snippets with search and listing columns."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles.models import Author, Category


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "job_title", "slug"]
    search_fields = ["name", "job_title"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class BlogViewSetGroup(SnippetViewSetGroup):
    menu_label = "Blog"
    menu_icon = "doc-full"
    menu_order = 200
    items = (AuthorViewSet, CategoryViewSet)


register_snippet(BlogViewSetGroup)
