from django.urls import path

from . import admin_views

app_name = "translation_admin"
urlpatterns = [
    path("", admin_views.coverage, name="coverage"),
    path("article/<int:article_id>/", admin_views.article, name="article"),
    path("article/<int:article_id>/<str:language>/", admin_views.editor, name="editor"),
    path("interface/", admin_views.interface_languages, name="interface"),
    path("interface/<str:language>/", admin_views.interface_entries, name="interface_entries"),
]
