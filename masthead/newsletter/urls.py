from django.conf import settings
from django.urls import include, path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("form-stamp/", views.form_stamp, name="form_stamp"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("archive/", views.archive, name="archive"),
    path("issues/<slug:slug>/", views.issue_page, name="issue"),
]

# Providers' bounce and complaint webhooks (django-anymail), only when they are protected by a
# shared secret: without one anyone could post a fake bounce and unsubscribe a reader.
if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    urlpatterns.append(path("webhooks/", include("anymail.urls")))
