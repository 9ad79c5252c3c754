from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache

from masthead.newsroom.queries import decorate
from masthead.search.forms import MAX_QUERY_LENGTH, SearchForm
from masthead.search.limits import wait_before_search
from masthead.search.services import FIRST_PAGE as PER_PAGE
from masthead.search.services import search_articles, snippet


@never_cache  # endless variety, little reuse: results are not kept in any shared cache
def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "title": "Search", "searched": False}
    searching = form.is_bound and form.is_valid() and bool(form.cleaned_data["q"])
    # Only a search counts: the search page itself, or a form with no words, costs nothing.
    wait = wait_before_search(client=request.META.get("REMOTE_ADDR", "")) if searching else 0
    if wait:
        context.update(wait=wait, query=form.cleaned_data["q"])
    elif searching:
        data = form.cleaned_data
        outcome = search_articles(
            query=data["q"],
            region=data["region"],
            article_type=data["type"],
            author=data["author"],
            since=data["since"],
            until=data["until"],
        )
        page = Paginator(outcome.results, PER_PAGE).get_page(request.GET.get("page"))
        # Results show no photos: none of their renditions are fetched.
        page.object_list = decorate(list(page.object_list), photos=[])
        for article in page.object_list:
            article.snippet = mark_safe(snippet(article, outcome.terms))
        params = request.GET.copy()
        params.pop("page", None)
        context.update(
            searched=True,
            query=data["q"],
            page_obj=page,
            error=outcome.error,
            capped=getattr(outcome.results, "capped", False),
            shortened=form.shortened,
            max_length=MAX_QUERY_LENGTH,
            querystring=params.urlencode(),
        )
    response = TemplateResponse(request, "search/search.html", context, status=429 if wait else 200)
    response["X-Robots-Tag"] = "noindex"
    if wait:
        response["Retry-After"] = str(wait)
    return response
