from masthead.importers.tests.conftest import FIXTURES, run


def test_smoke(site, uploads):
    print(run("import-wordpress", str(FIXTURES / "wordpress.xml"), "--uploads", str(uploads)))
    from masthead.news.models import ArticlePage

    for a in ArticlePage.objects.all():
        print(a.pk, a.slug, a.live, a.title, a.published_at, a.go_live_at, a.standfirst[:50])
        print("   ", [(b.block_type, str(b.value)[:300]) for b in a.body])
    print(run("import-wordpress", str(FIXTURES / "wordpress.xml"), "--uploads", str(uploads)))
    assert 0
