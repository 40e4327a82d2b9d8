"""Editorial roles: Editors write and publish; Contributors write drafts and submit them
for moderation (they cannot publish)."""

from django.db import migrations

CONTRIBUTOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMIN_ACCESS = [("wagtailadmin", "admin", "access_admin")]
CONTRIBUTOR_MODEL_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "choose_document"),
]
EDITOR_MODEL_PERMISSIONS = [
    *CONTRIBUTOR_MODEL_PERMISSIONS,
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "delete_image"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "delete_document"),
    ("news", "publicationsettings", "change_publicationsettings"),
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    roles = {
        "Editors": (EDITOR_PAGE_PERMISSIONS, EDITOR_MODEL_PERMISSIONS),
        "Contributors": (CONTRIBUTOR_PAGE_PERMISSIONS, CONTRIBUTOR_MODEL_PERMISSIONS),
    }
    for name, (page_permissions, model_permissions) in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(_permission(apps, *ADMIN_ACCESS[0]))
        if root_page is not None:
            for codename in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
        for app_label, model, codename in model_permissions:
            permission = _permission(apps, app_label, model, codename)
            if codename.endswith("publicationsettings"):
                group.permissions.add(permission)
            elif root_collection is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_publication_structure"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
