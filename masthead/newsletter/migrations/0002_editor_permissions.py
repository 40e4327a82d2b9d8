"""Editors run the newsletter: they see and manage subscribers and build and send issues."""

from django.db import migrations

EDITOR_PERMISSIONS = [
    ("subscriber", "view_subscriber"),
    ("subscriber", "add_subscriber"),
    ("subscriber", "change_subscriber"),
    ("subscriber", "delete_subscriber"),
    ("newsletterissue", "view_newsletterissue"),
    ("newsletterissue", "add_newsletterissue"),
    ("newsletterissue", "change_newsletterissue"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for model, codename in EDITOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="newsletter", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ")},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("news", "0003_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
