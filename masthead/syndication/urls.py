from django.urls import path, register_converter

from . import views


class ArticleIdConverter:
    """Up to nine digits: a longer number is no article (and would overflow the database)."""

    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(ArticleIdConverter, "article_id")

app_name = "syndication"
urlpatterns = [
    path("republish/<article_id:article_id>/", views.republish, name="republish"),
    path("republish/<article_id:article_id>/view.gif", views.view_counter, name="view_counter"),
    path("about/republishing/", views.policy, name="policy"),
    path("about/permissions/", views.permissions, name="permissions"),
    path("about/disclaimer/", views.disclaimer, name="disclaimer"),
    path("about/media-inquiries/", views.media_inquiries, name="media_inquiries"),
]
