from django.urls import path

from masthead.news import url_ids  # noqa: F401 - registers <article_id:...>, <record_id:...>

from . import views
from .feeds import ArticleCommentsFeed

app_name = "community"

urlpatterns = [
    path("comments/<article_id:article_id>/", views.comments, name="comments"),
    path("comments/<article_id:article_id>/post/", views.post_comment, name="post"),
    path("comments/<article_id:article_id>/feed/", ArticleCommentsFeed(), name="feed"),
    path("comments/flag/<record_id:comment_id>/", views.flag, name="flag"),
    path("comments/confirm/<str:token>/", views.confirm, name="confirm"),
    path("comments/yours/<str:token>/", views.your_comment, name="yours"),
    path("comments/replies/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("share/mastodon/<article_id:article_id>/", views.share_mastodon, name="share_mastodon"),
]
