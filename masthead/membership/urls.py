from django.urls import path

from masthead.news import url_ids  # noqa: F401 - registers <article_id:...>

from . import views

app_name = "membership"

urlpatterns = [
    path("account/", views.account, name="account"),
    path("account/sign-in/", views.sign_in, name="sign_in"),
    path("account/sign-in/code/", views.enter_code, name="enter_code"),
    path("account/sign-in/link/<str:token>/", views.sign_in_link, name="sign_in_link"),
    path("account/sign-out/", views.sign_out, name="sign_out"),
    path("account/email/", views.change_email, name="change_email"),
    path("account/email/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("account/data.json", views.download_data, name="download_data"),
    path("account/delete/", views.delete_account, name="delete_account"),
    path("account/billing/", views.billing, name="billing"),
    path("account/share/<article_id:article_id>/", views.share, name="share"),
    path("shared-articles/never/<str:token>/", views.share_opt_out, name="share_opt_out"),
    path("members/", views.join, name="join"),
    path("members/join/<slug:slug>/<str:interval>/", views.checkout, name="checkout"),
    path("members/welcome/", views.welcome, name="welcome"),
    path("support/thanks/", views.thanks, name="thanks"),
    path("support/<slug:slug>/", views.campaign, name="campaign"),
    path("support/<slug:slug>/progress.json", views.campaign_progress_json, name="progress"),
    path(
        "support/<slug:slug>/progress.<slug:language>.json",
        views.campaign_progress_json,
        name="progress_in",
    ),
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
]
