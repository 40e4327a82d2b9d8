from django.urls import path

from masthead.news import url_ids  # noqa: F401 - registers <article_id:...>

from . import views

app_name = "syndication"
urlpatterns = [
    path("republish/<article_id:article_id>/", views.republish, name="republish"),
    path("republish/<article_id:article_id>/view.gif", views.view_counter, name="view_counter"),
    path("about/republishing/", views.policy, name="policy"),
    path("about/permissions/", views.permissions, name="permissions"),
    path("about/disclaimer/", views.disclaimer, name="disclaimer"),
    path("about/media-inquiries/", views.media_inquiries, name="media_inquiries"),
]
