"""What marks a file as a secretary book, and how far its schema has come: read at every open,
so kept apart from the migrations (which only a book that needs them imports)."""

# "SCRT": marks a SQLite file as a secretary book (PRAGMA application_id).
APPLICATION_ID = 0x53435254

# the user_version a fully migrated book carries: the number of the last migration (db/migrations/)
SCHEMA_VERSION = 10
