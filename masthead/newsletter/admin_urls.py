from django.urls import path

from . import admin_views

app_name = "newsletter_admin"

urlpatterns = [
    path("issues/", admin_views.issue_index, name="issues"),
    path("issues/build/", admin_views.issue_build, name="build"),
    path("issues/<int:pk>/", admin_views.issue_detail, name="issue"),
    path(
        "issues/<int:pk>/preview.html",
        admin_views.issue_preview,
        {"kind": "html"},
        name="preview_html",
    ),
    path(
        "issues/<int:pk>/preview.txt",
        admin_views.issue_preview,
        {"kind": "text"},
        name="preview_text",
    ),
    path("subscribers/import/", admin_views.subscriber_import, name="import"),
    path("subscribers/export.csv", admin_views.subscriber_export, name="export"),
]
