"""WSGI entry point for the application server (`masthead serve`): Django behind the page
cache's fast path."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

application = get_wsgi_application()

# The application server does not run Django's system checks: run the settings checks here, so
# a misconfigured site refuses to serve whichever way it is started.
from masthead.server.checks import raise_on_settings_errors  # noqa: E402 - needs Django set up
from masthead.server.fast_path import FastPath  # noqa: E402 - needs Django set up

raise_on_settings_errors()

application = FastPath(application)
