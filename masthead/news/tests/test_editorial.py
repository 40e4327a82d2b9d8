"""The editors' side: roles, scheduling and the cost of a listing."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.db import reset_queries
from django.utils import timezone

from masthead.news.models import ArticleIndexPage, ArticlePage
from masthead.news.scheduled_publishing import publish_scheduled

from .factories import ArticleFactory, AuthorFactory, RegionFactory

pytestmark = pytest.mark.django_db


def staff_member(group_name: str) -> User:
    user = User.objects.create_user(group_name.lower(), password="not-used")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editors_publish_and_contributors_only_submit_drafts(site):
    articles = ArticleIndexPage.objects.get()
    editor = articles.permissions_for_user(staff_member("Editors"))
    contributor = articles.permissions_for_user(staff_member("Contributors"))

    assert editor.can_add_subpage() and editor.can_publish_subpage()
    assert contributor.can_add_subpage()
    assert not contributor.can_publish_subpage()

    draft = ArticleFactory(live=False)
    contributor_on_draft = draft.permissions_for_user(User.objects.get(username="contributors"))
    assert not contributor_on_draft.can_publish()
    assert not contributor_on_draft.can_unpublish()


def test_a_contributor_can_open_the_article_editor_but_is_offered_moderation(client, site):
    client.force_login(staff_member("Contributors"))
    articles = ArticleIndexPage.objects.get()
    response = client.get(f"/admin/pages/add/news/articlepage/{articles.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-submit"' in html  # submit to the editors' workflow
    assert 'name="action-publish"' not in html


def test_scheduled_article_goes_live_at_its_time(client, site, monkeypatch):
    article = ArticleFactory(live=False)
    go_live_at = timezone.now() + dt.timedelta(minutes=5)
    article.go_live_at = go_live_at
    article.save_revision().publish()
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert client.get(f"/articles/{article.slug}/").status_code == 404

    assert publish_scheduled() == []  # the clock's job, before the time: nothing to do
    with monkeypatch.context() as later:
        later.setattr(timezone, "now", lambda: go_live_at + dt.timedelta(seconds=1))
        (done,) = publish_scheduled()
    assert done.startswith(f"Published “{article.title}”")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert article.published_at is not None
    assert client.get(article.url).status_code == 200


def test_listing_pages_cost_the_same_number_of_queries_however_many_articles(
    client, site, django_assert_max_num_queries, settings
):
    settings.MASTHEAD_PAGE_CACHE_SECONDS = 0  # measure the render, not the page cache
    region = RegionFactory()
    authors = [AuthorFactory(), AuthorFactory()]
    for _ in range(3):
        ArticleFactory(regions=[region], authors=authors)
    client.get(region.url)  # warm renditions and caches
    client.get("/")
    reset_queries()  # a full query log (9,000 entries) would capture nothing
    with django_assert_max_num_queries(40) as few:
        client.get(region.url)
    few_queries = len(few.captured_queries)
    for _ in range(9):
        ArticleFactory(regions=[region], authors=authors)
    # Publishing purged the site-wide reads each process keeps (the site, its settings, the
    # sections): the first render after it reads them again, once.
    client.get(region.url)
    reset_queries()
    with django_assert_max_num_queries(few_queries + 2):
        client.get(region.url)
    reset_queries()
    with django_assert_max_num_queries(60) as front:
        client.get("/")
    front_queries = len(front.captured_queries)
    ArticleFactory(regions=[region], authors=authors)
    client.get("/")
    reset_queries()
    with django_assert_max_num_queries(front_queries + 2):
        client.get("/")
