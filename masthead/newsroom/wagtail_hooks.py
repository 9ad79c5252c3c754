from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.newsroom.models import ArticleType, Author, Topic


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "is_guest"]
    list_filter = ["is_guest"]
    search_fields = ["name", "role"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]


class ArticleTypeViewSet(SnippetViewSet):
    model = ArticleType
    icon = "doc-full"
    list_display = ["name", "plural_name", "is_brief", "sort_order"]


class NewsroomGroup(SnippetViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (AuthorViewSet, TopicViewSet, ArticleTypeViewSet)


register_snippet(NewsroomGroup)
