"""Exports: documents built in secretary/ and written by thin renderers."""
