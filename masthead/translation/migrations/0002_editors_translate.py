"""Editors may correct and review translations."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="translation", model="articletranslation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_articletranslation",
        defaults={"name": "Can change article translation"},
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("translation", "0001_initial"),
        ("news", "0003_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
