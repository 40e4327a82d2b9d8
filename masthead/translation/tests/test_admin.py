"""The admin's Translations area: coverage, the side-by-side editor, review, exclusions."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from masthead.translation import services
from masthead.translation.models import ArticleTranslation, SegmentCorrection

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(article, languages, apertium):
    # Spanish is Apertium's: without it the article would have one translation, not two.
    services.translate_article(article.pk)
    return article


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-editor-1")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def editor_url(article, language):
    return f"/admin/translations/article/{article.pk}/{language}/"


@pytest.mark.usefixtures("apertium")
def test_coverage_page_lists_languages_and_articles(editor_client, translated):
    response = editor_client.get("/admin/translations/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ")
    assert "Português (pt)" in text and "Español (es)" in text
    assert soup.find("a", string="The city will reopen the old bridge")
    assert "2 / 2" in text


def test_contributors_cannot_open_translations(client, django_user_model, translated):
    user = django_user_model.objects.create_user("writer", password="pw-writer-1")
    user.groups.add(Group.objects.get(name="Contributors"))
    client.force_login(user)

    # Wagtail turns a refusal in its admin into a redirect to the dashboard.
    for url in ("/admin/translations/", editor_url(translated, "pt")):
        response = client.get(url)
        assert response.status_code == 302 and response.url == "/admin/"


def test_editor_shows_original_machine_and_correction_side_by_side(editor_client, translated):
    response = editor_client.get(editor_url(translated, "pt"))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    row = soup.find("td", string="The council approved the plan on Monday.").parent
    cells = row.find_all("td")
    assert cells[1]["lang"] == "pt" and "plano" in cells[1].get_text()
    assert cells[2].find("textarea", attrs={"name": "text"}) is not None


def test_correction_saved_from_the_editor_is_served(editor_client, client, translated):
    translation = ArticleTranslation.objects.get(article=translated, language="pt")
    segment = next(s for s in translation.segments if s["source"].startswith("The council"))

    response = editor_client.post(
        editor_url(translated, "pt"),
        {"segment": segment["hash"], "text": "A câmara aprovou o plano na segunda-feira."},
    )

    assert response.status_code == 302
    page = client.get("/pt/articles/bridge-reopens/").content.decode()
    assert "A câmara aprovou o plano na segunda-feira." in page


def test_hostile_correction_is_sanitised(editor_client, client, translated):
    translation = ArticleTranslation.objects.get(article=translated, language="pt")
    segment = next(s for s in translation.segments if s["source"].startswith("The council"))

    editor_client.post(
        editor_url(translated, "pt"),
        {
            "segment": segment["hash"],
            "text": '<img src=x onerror="alert(1)"><script>steal()</script>Aprovado <b>hoje</b>.',
        },
    )

    assert SegmentCorrection.objects.get().corrected_text == "Aprovado hoje."
    page = client.get("/pt/articles/bridge-reopens/").content.decode()
    assert "Aprovado hoje." in page
    assert "steal()" not in page and "onerror" not in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<script>only a script</script>", "can&#x27;t be empty"),
        ("x" * 2500, "at most 2000 characters"),
    ],
)
def test_bad_corrections_get_a_clear_error_and_nothing_is_stored(
    editor_client, translated, text, message
):
    translation = ArticleTranslation.objects.get(article=translated, language="pt")

    response = editor_client.post(
        editor_url(translated, "pt"), {"segment": translation.segments[1]["hash"], "text": text}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SegmentCorrection.objects.exists()


def test_unknown_segment_is_refused(editor_client, translated):
    response = editor_client.post(
        editor_url(translated, "pt"), {"segment": "f" * 64, "text": "Olá"}
    )
    assert response.status_code == 400
    assert "no longer part of this article" in response.content.decode()


def test_mark_reviewed_removes_the_notice(editor_client, client, translated):
    assert "translation-notice" in client.get("/pt/articles/bridge-reopens/").content.decode()

    response = editor_client.post(editor_url(translated, "pt"), {"action": "review"})

    assert response.status_code == 302
    translation = ArticleTranslation.objects.get(article=translated, language="pt")
    assert translation.reviewed and translation.reviewed_by.username == "editor"
    assert "translation-notice" not in client.get("/pt/articles/bridge-reopens/").content.decode()


def test_exclusions_are_editable_per_article(editor_client, client, translated):
    response = editor_client.post(
        f"/admin/translations/article/{translated.pk}/", {"excluded_languages": ["es"]}
    )

    assert response.status_code == 302
    assert client.get("/es/articles/bridge-reopens/").status_code == 404
    assert client.get("/pt/articles/bridge-reopens/").status_code == 200
    page = editor_client.get(f"/admin/translations/article/{translated.pk}/")
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("input", attrs={"name": "excluded_languages", "value": "es"}).has_attr(
        "checked"
    )
    assert not soup.find("input", attrs={"name": "excluded_languages", "value": "pt"}).has_attr(
        "checked"
    )


def test_admin_coverage_query_count(editor_client, translated, django_assert_max_num_queries):
    editor_client.get("/admin/translations/")
    with django_assert_max_num_queries(25):
        editor_client.get("/admin/translations/")


@pytest.mark.usefixtures("apertium")
def test_translate_now_queues_the_article(
    editor_client, article, languages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/translations/article/{article.pk}/", {"action": "translate"}
        )

    assert response.status_code == 302
    assert set(
        ArticleTranslation.objects.filter(article=article, status="done").values_list(
            "language", flat=True
        )
    ) == {"pt", "es"}


def test_menu_shows_translations_to_editors_only(editor_client, client, django_user_model):
    # Wagtail's sidebar is JSON in the page: look for the menu item's entry.
    entry = '"label": "Translations", "icon_name": "globe"'
    assert entry in editor_client.get("/admin/").content.decode()

    writer = django_user_model.objects.create_user("writer", password="pw-writer-1")
    writer.groups.add(Group.objects.get(name="Contributors"))
    client.force_login(writer)
    assert entry not in client.get("/admin/").content.decode()


def test_hostile_policy_form_input_is_refused_without_changes(editor_client, translated):
    response = editor_client.post(
        f"/admin/translations/article/{translated.pk}/",
        {"excluded_languages": ["<script>alert(1)</script>", "pt"]},
    )

    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert ArticleTranslation.objects.filter(article=translated).count() == 2


@pytest.mark.parametrize(
    "url",
    [
        "/admin/translations/article/999999/",
        "/admin/translations/article/999999/pt/",
        "/admin/translations/article/1/<script>/",
    ],
)
def test_unknown_articles_and_languages_are_404(editor_client, translated, url):
    assert editor_client.get(url).status_code == 404
