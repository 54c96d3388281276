"""WSGI entry point. Production settings unless told otherwise: a server started without
DJANGO_SETTINGS_MODULE must never run with DEBUG on and a published key (manage.py keeps dev)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.production")

application = get_wsgi_application()
