"""The book's schema: its migrations live in db/migrations/, one module each."""

from db.migrations import APPLICATION_ID, SCHEMA_VERSION, migrations  # noqa: F401
from db.migrations.m003_search import m003_search  # noqa: F401 - a test runs it again on rows written today
