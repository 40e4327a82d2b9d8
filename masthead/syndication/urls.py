from django.urls import path

from . import views

app_name = "syndication"
urlpatterns = [
    path("republish/<int:article_id>/", views.republish, name="republish"),
    path("republish/<int:article_id>/view.gif", views.view_counter, name="view_counter"),
    path("about/republishing/", views.policy, name="policy"),
    path("about/permissions/", views.permissions, name="permissions"),
    path("about/disclaimer/", views.disclaimer, name="disclaimer"),
    path("about/media-inquiries/", views.media_inquiries, name="media_inquiries"),
]
