from django.apps import AppConfig


class ImportersConfig(AppConfig):
    """Moving in: WordPress, Ghost and Substack exports imported as articles, with old URLs kept."""

    name = "masthead.importers"
    label = "importers"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Importers"
