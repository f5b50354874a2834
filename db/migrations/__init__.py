"""The book's schema, as migrations, one module each (applied in the order imported here).
Never edit a migration once it has shipped: add the next one, import it last below, and set
SCHEMA_VERSION (db/version.py) to its number."""

from db.migrations.register import migrations  # noqa: F401
from db.version import APPLICATION_ID, SCHEMA_VERSION  # noqa: F401

from db.migrations import m001_initial  # noqa: E402,F401
from db.migrations import m002_history  # noqa: E402,F401
from db.migrations import m003_search  # noqa: E402,F401
from db.migrations import m004_item_standing  # noqa: E402,F401
from db.migrations import m005_export_settings  # noqa: E402,F401
from db.migrations import m006_records  # noqa: E402,F401
from db.migrations import m007_untaken_items  # noqa: E402,F401
from db.migrations import m008_book_state  # noqa: E402,F401
from db.migrations import m009_movement_lines  # noqa: E402,F401
from db.migrations import m010_chairing  # noqa: E402,F401
