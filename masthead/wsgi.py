"""WSGI entry point for the application server (`masthead serve`): Django behind the page
cache's fast path."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

application = get_wsgi_application()

from masthead.server.fast_path import FastPath  # noqa: E402 (needs the settings loaded)

application = FastPath(application)
