"""``masthead import-wordpress`` on a realistic export, checked back by reading the site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from masthead.importers.models import ImportedItem
from masthead.news.models import (
    ArticlePage,
    AuthorPage,
    CreditedImage,
    HomePage,
    RegionPage,
    ReportPage,
    ThemePage,
)

from .conftest import FIXTURES, run

WXR = str(FIXTURES / "wordpress.xml")
SECRETS = ["Confidential-salaries-zebra", "Password-walrus", "Draft-octopus", "Scheduled-pelican"]

pytestmark = pytest.mark.django_db


def article(slug: str) -> ArticlePage:
    return ArticlePage.objects.get(slug=slug)


def test_posts_become_articles_that_render(client: Any, site: Any, uploads: Path) -> None:
    summary = run("import-wordpress", WXR, "--uploads", str(uploads))

    assert "Created: 7 articles, 3 authors, 6 comments, 1 images, 3 themes." in summary
    assert "post 108 “Old rubbish”: its status is “trash”" in summary
    assert "categories → themes, tags → drop" in summary
    assert "1 spam" in summary  # comments: test_comments.py
    assert "lost-photo.jpg (not in the uploads folder" in summary
    assert '[contact-form-7 id="42" title="Tell us"]' in summary

    budget = article("harbour-budget-approved")
    assert budget.live and budget.standfirst == "Seven votes to four, after nine hours."
    assert budget.published_at == dt.datetime(2024, 5, 2, 8, 30, tzinfo=dt.UTC)
    assert budget.first_published_at == budget.published_at
    assert budget.updated_at == dt.datetime(2024, 5, 3, 9, 0, tzinfo=dt.UTC)
    assert [link.author.title for link in budget.article_authors.order_by("sort_order")] == [
        "Mira Okafor"
    ]
    assert sorted(t.slug for t in budget.themes.all()) == ["harbour", "north-shore"]
    assert budget.featured_image is not None
    assert budget.featured_image_alt == "A lit ferry leaving the breakwater at night"
    kinds = [block.block_type for block in budget.body]
    assert kinds == ["paragraph", "image", "quote", "paragraph", "image"]
    image_block = budget.body[1].value
    assert image_block["caption"] == "The night ferry, which keeps running."
    assert image_block["alt_text"] == "The ferry at night"
    assert budget.body[2].value["attribution"] == "Harbour master Ana Lima"
    # One picture used four times (featured, body, gallery, [caption]) is one library image.
    assert CreditedImage.objects.count() == 1

    page = client.get(budget.url)
    assert page.status_code == 200
    html = page.content.decode()
    for expected in ("<b>7 to 4</b>", "What the money buys", "Left column", "Right column"):
        assert expected in html
    assert 'href="https://www.youtube.com/watch?v=abc123"' in html
    assert "alert(" not in html and "onerror" not in html

    classic = article("ferry-timetable")
    classic_html = client.get(classic.url).content.decode()
    assert "From June the first boat leaves at 6:15.<br>" in classic_html
    assert "The late boat, photographed in May." in classic_html
    assert "Timetables are promises." in classic_html
    assert 'href="https://twitter.com/harbourferries/status/12345"' in classic_html
    assert 'href="https://vimeo.com/76979871"' in classic_html
    assert "[sic]" in classic_html  # plain bracketed words are text, not shortcodes
    assert "Imported as it was" in classic_html
    assert "<h3>Accessibility" in classic_html and "Ramps at both ends" in classic_html
    assert "steal()" not in classic_html and "javascript:" not in classic_html
    assert 'href="mailto:ferries@old.example"' in classic_html
    assert [t.slug for t in classic.themes.all()] == ["fishing"]

    untitled = article("порт")
    assert untitled.title == "(Untitled WordPress post 107)"
    assert [link.author.title for link in untitled.article_authors.order_by("sort_order")] == [
        "guest-writer"
    ]  # dc:creator fallback
    assert client.get(untitled.url).status_code == 200

    assert set(AuthorPage.objects.values_list("email", flat=True)) == {
        "mira@old.example",
        "tomas@old.example",
        "",
    }
    assert not ThemePage.objects.filter(slug__in=["uncategorized", "budget", "ferries"]).exists()


def test_statuses_drafts_scheduled_private_and_password(client: Any, site: Any) -> None:
    run("import-wordpress", WXR)

    draft = Page.objects.get(title="Draft: notes on the fish market").specific
    assert not draft.live and draft.published_at is None
    scheduled = article("summer-festival")
    assert not scheduled.live
    assert scheduled.go_live_at == dt.datetime(2099, 6, 1, 8, 0, tzinfo=dt.UTC)
    assert scheduled.get_latest_revision().approved_go_live_at == scheduled.go_live_at

    private = article("salary-review")
    restriction = PageViewRestriction.objects.get(page=private)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert sorted(g.name for g in restriction.groups.all()) == ["Editors", "Moderators"]
    members = article("members-briefing")
    restriction = PageViewRestriction.objects.get(page=members)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "harbour2024"

    for page in (private, members):
        response = client.get(page.url)
        assert "Confidential-salaries-zebra" not in response.content.decode()
        assert "Password-walrus" not in response.content.decode()
    assert client.get(draft.url or "/articles/draft-notes-on-the-fish-market/").status_code == 404
    assert client.get("/articles/summer-festival/").status_code == 404


def test_private_posts_appear_on_no_public_surface(client: Any, site: Any) -> None:
    run("import-wordpress", WXR)
    surfaces = [
        "/",
        "/articles/",
        "/themes/harbour/",
        "/authors/mira/",
        "/feed/rss/",
        "/feed/atom/",
        "/themes/harbour/feed/rss/",
        "/sitemap.xml",
        "/search/?q=Confidential-salaries-zebra",
        "/search/?q=dredging+contract",
    ]
    for url in surfaces:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = response.content.decode()
        # A search page repeats its query, so there only the articles' names must be absent.
        secrets = [] if url.startswith("/search/") else SECRETS
        for secret in [*secrets, "salary-review", "members-briefing", "Salary review", "briefing"]:
            assert secret not in body, (url, secret)


def test_imported_articles_are_indexed_once_each_after_the_run(
    client: Any, site: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    from masthead.importers import indexing

    batches: list[list[list[str]]] = []
    task = indexing.index_imported

    def enqueue(batch: list[list[str]]) -> None:
        batches.append(batch)
        task.enqueue(batch)

    monkeypatch.setattr(indexing, "index_imported", SimpleNamespace(enqueue=enqueue))
    with django_capture_on_commit_callbacks(execute=True):
        run("import-wordpress", WXR)
    indexed = [tuple(key) for batch in batches for key in batch]
    assert len(indexed) == len(set(indexed))  # once each, however often a page was saved
    budget = article("harbour-budget-approved")
    assert ("news", "articlepage", str(budget.pk)) in indexed
    results = client.get("/search/?q=pontoon+budget").content.decode()
    assert "Harbour budget approved after a long night" in results


def test_sitemap_leaves_out_restricted_and_unpublished_posts(client: Any, site: Any) -> None:
    run("import-wordpress", WXR)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/articles/harbour-budget-approved/" in sitemap
    for slug in ("salary-review", "members-briefing", "summer-festival", "draft-notes"):
        assert slug not in sitemap


def test_old_addresses_redirect_to_the_new_pages(client: Any, site: Any, uploads: Path) -> None:
    run("import-wordpress", WXR, "--uploads", str(uploads))
    budget = article("harbour-budget-approved")
    theme = ThemePage.objects.get(slug="harbour")
    mira = AuthorPage.objects.get(email="mira@old.example")
    image = CreditedImage.objects.get()

    expectations = {
        "/?p=101": budget.url,
        "/2024/05/harbour-budget-approved/": budget.url,
        "/2024/05/harbour-budget-approved": budget.url,
        "/category/harbour/": theme.url,
        "/?cat=4": theme.url,
        "/category/harbour/feed/": f"{theme.url}feed/rss/",
        "/author/mira/": mira.url,
        "/?author=2": mira.url,
        "/feed/": "/feed/rss/",
        "/wp-content/uploads/2024/05/night-ferry.png": image.file.url,
        "/?attachment_id=11": image.file.url,
        "/2024/05/%D0%BF%D0%BE%D1%80%D1%82/": article("порт").url,
    }
    for old, new in expectations.items():
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
    assert client.get(f"{theme.url}feed/rss/").status_code == 200

    # A link between posts written with the old address still arrives.
    budget_html = client.get(budget.url).content.decode()
    assert 'href="/2024/04/ferry-timetable/"' in budget_html
    followed = client.get("/2024/04/ferry-timetable/", follow=True)
    assert followed.redirect_chain[-1][0] == article("ferry-timetable").url
    # A draft had no public address to keep.
    assert not Redirect.objects.filter(old_path="/?p=105").exists()


def test_reimport_updates_what_changed_and_duplicates_nothing(
    site: Any, uploads: Path, tmp_path: Path
) -> None:
    run("import-wordpress", WXR, "--uploads", str(uploads))
    counts = (
        ArticlePage.objects.count(),
        AuthorPage.objects.count(),
        ThemePage.objects.count(),
        CreditedImage.objects.count(),
        Redirect.objects.count(),
        ImportedItem.objects.count(),
    )
    again = run("import-wordpress", WXR, "--uploads", str(uploads))
    assert "Created: nothing." in again
    assert "Unchanged since the last import: 7 articles, 6 comments." in again
    edited = tmp_path / "edited.xml"
    edited.write_text(
        Path(WXR)
        .read_text()
        .replace("Harbour budget approved after a long night", "Harbour budget approved")
        .replace("<wp:status><![CDATA[draft]]></wp:status>", "<wp:status>publish</wp:status>")
    )
    third = run("import-wordpress", str(edited), "--uploads", str(uploads))
    assert "Updated: 2 articles." in third
    assert "Unchanged since the last import: 5 articles, 6 comments." in third
    assert ArticlePage.objects.count() == counts[0]
    assert article("harbour-budget-approved").title == "Harbour budget approved"
    assert Page.objects.get(title="Draft: notes on the fish market").live
    assert (
        AuthorPage.objects.count(),
        ThemePage.objects.count(),
        CreditedImage.objects.count(),
    ) == counts[1:4]
    assert Redirect.objects.count() == counts[4] + 1  # the published draft: /?p=105


def test_reimport_never_lifts_a_restriction(site: Any, tmp_path: Path) -> None:
    run("import-wordpress", WXR)
    public_now = tmp_path / "public.xml"
    public_now.write_text(
        Path(WXR).read_text().replace("<![CDATA[private]]>", "<![CDATA[publish]]>")
    )
    summary = run("import-wordpress", str(public_now))
    assert "kept its view restriction" in summary
    assert PageViewRestriction.objects.filter(page=article("salary-review")).exists()


def test_dry_run_writes_nothing(site: Any, uploads: Path) -> None:
    before = (Page.objects.count(), Redirect.objects.count(), ImportedItem.objects.count())
    summary = run("import-wordpress", WXR, "--uploads", str(uploads), "--dry-run")
    assert "Would create: 7 articles, 3 authors" in summary
    assert "Dry run: nothing was written." in summary
    after = (Page.objects.count(), Redirect.objects.count(), ImportedItem.objects.count())
    assert after == before
    assert CreditedImage.objects.count() == 0


def test_sticky_post_becomes_the_lead_story_when_asked(site: Any) -> None:
    run("import-wordpress", WXR)
    assert HomePage.objects.get().lead_article_id is None
    run("import-wordpress", WXR, "--sticky-as-lead")
    assert HomePage.objects.get().lead_article_id == article("harbour-budget-approved").pk


def test_mapping_file_files_terms_into_regions_reports_and_themes(
    site: Any, tmp_path: Path
) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "categories: themes\n"
        "tags: themes\n"
        "terms:\n"
        "  category/north-shore: regions\n"
        "  category/harbour: {as: reports, slug: harbour-dossier}\n"
        "  tag/budget: drop\n"
    )
    summary = run("import-wordpress", WXR, "--mapping", str(mapping))
    assert "categories → themes, tags → themes; 3 term(s) mapped one by one" in summary
    budget = article("harbour-budget-approved")
    assert [r.slug for r in budget.regions.all()] == ["north-shore"]
    assert [r.slug for r in budget.reports.all()] == ["harbour-dossier"]
    assert ReportPage.objects.get(slug="harbour-dossier").title == "Harbour"
    assert RegionPage.objects.filter(slug="north-shore").exists()
    assert sorted(ThemePage.objects.values_list("slug", flat=True)) == ["ferries", "fishing"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("categories: nowhere\n", "“nowhere” is not one of regions, themes, reports or drop"),
        ("terms:\n  harbour: themes\n", "a term is written category/<slug> or tag/<slug>"),
        ("colours: red\n", "unknown keys: colours"),
        ("categories: [unclosed\n", "is not valid YAML or JSON"),
    ],
)
def test_a_bad_mapping_file_is_refused_before_anything_is_written(
    site: Any, tmp_path: Path, content: str, message: str
) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(content)
    with pytest.raises(CommandError, match=message.replace("[", r"\[").replace("(", r"\(")):
        run("import-wordpress", WXR, "--mapping", str(mapping))
    assert not ArticlePage.objects.exists()
