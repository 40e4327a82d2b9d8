from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .models import paginate
from .queries import search_articles
from .reader_articles import reader_articles

MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    context: dict[str, object] = {"query": query, "articles": None, "error": ""}
    status = 200
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = _("Please use a shorter search, at most %(max)d characters.") % {
            "max": MAX_QUERY_LENGTH
        }
        context["query"] = query[:MAX_QUERY_LENGTH]
        status = 400
    elif "\x00" in query:
        context["error"] = _("The search contains characters that can't be searched for.")
        context["query"] = ""
        status = 400
    elif query:
        articles = paginate(request, search_articles(query), settings.MASTHEAD_ARTICLES_PER_PAGE)
        articles.object_list = reader_articles(
            articles.object_list, request=request, with_filing=False
        )
        context["articles"] = articles
    return TemplateResponse(request, "news/search.html", context, status=status)
