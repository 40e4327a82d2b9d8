"""``masthead worker``: the embedded database queue's task worker, quiet unless something fails.

django-tasks-db's ``db_worker`` logs two lines per task at its default verbosity; on a busy
publication that buries the failures. ``-v 2`` brings every line back.
"""

from __future__ import annotations

import logging

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand


class Command(DatabaseWorkerCommand):
    help = (
        "Run background tasks (translation, newsletters, search indexing) from the database "
        "queue. Logs failures only; -v 2 logs every task."
    )

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        if verbosity == 1:
            for name in ("django_tasks", "django_tasks_db"):
                logging.getLogger(name).setLevel(logging.WARNING)
