"""Turn Wagtail's welcome page into the publication's home page with its sections, so a fresh
install has a working front page, /articles/, /authors/, /regions/, /themes/ and /reports/."""

from django.db import migrations

SECTIONS = [
    # (model, title, slug, introduction)
    ("articleindexpage", "Articles", "articles", "Every article, newest first."),
    ("sectionindexpage", "Regions", "regions", "Our coverage, by region."),
    ("sectionindexpage", "Themes", "themes", "Our coverage, by theme."),
    ("sectionindexpage", "In-depth reports", "reports", "Long-running dossiers."),
    ("sectionindexpage", "Authors", "authors", "The people who write for us."),
]
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def create_structure(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("news.HomePage")
    if HomePage.objects.exists():
        return
    welcome = Page.objects.filter(depth=2, title=WAGTAIL_WELCOME_TITLE, numchild=0).first()
    if welcome is None:
        return  # someone has already built their own tree: leave it alone

    home_type, _ = ContentType.objects.get_or_create(app_label="news", model="homepage")
    # Add the news_homepage row beneath the existing page (multi-table inheritance).
    schema_editor.execute(
        f"INSERT INTO {schema_editor.quote_name(HomePage._meta.db_table)} "
        "(page_ptr_id, lead_article_id) VALUES (%s, NULL)",
        [welcome.pk],
    )
    Page.objects.filter(pk=welcome.pk).update(
        content_type=home_type, title="Home", draft_title="Home"
    )

    for position, (model, title, slug, introduction) in enumerate(SECTIONS, start=1):
        Model = apps.get_model("news", model)
        content_type, _ = ContentType.objects.get_or_create(app_label="news", model=model)
        Model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            introduction=introduction,
            content_type=content_type,
            path=f"{welcome.path}{position:04d}",
            depth=welcome.depth + 1,
            numchild=0,
            url_path=f"{welcome.url_path}{slug}/",
            live=True,
            show_in_menus=True,
            locale_id=welcome.locale_id,
        )
    Page.objects.filter(pk=welcome.pk).update(numchild=len(SECTIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_structure, migrations.RunPython.noop)]
