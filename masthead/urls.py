from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.news import views as news_views
from masthead.news.sitemaps import ArticleSitemap, PageSitemap, sitemap_file, sitemap_root
from masthead.server import views as server_views
from masthead.translation.sitemaps import TranslationSitemap

SITEMAPS = {"pages": PageSitemap, "articles": ArticleSitemap, "translations": TranslationSitemap}

urlpatterns = [
    path("healthz", server_views.healthz, name="healthz"),
    path("robots.txt", server_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_root, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_file, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("newsletter/", include("masthead.newsletter.urls")),
    path("", include("masthead.membership.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.MASTHEAD_SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Reader-facing pages: unprefixed in the original language, /<lang>/... in a translation.
# Wagtail's page tree answers everything else, so it comes last.
urlpatterns += i18n_patterns(
    path("search/", news_views.search, name="search"),
    # Wagtail's page-password form, rate-limited; same path, so it is found before Wagtail's.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        server_views.page_password,
    ),
    path("", include("masthead.community.urls")),
    path("", include("masthead.syndication.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "masthead.server.errors.bad_request"
handler500 = "masthead.server.errors.server_error"
