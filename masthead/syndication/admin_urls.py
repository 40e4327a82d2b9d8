from django.urls import path

from . import admin_views

app_name = "syndication_admin"
urlpatterns = [
    path("", admin_views.republishers, name="republishers"),
    path("article/<int:article_id>/", admin_views.article_republishers, name="article"),
]
