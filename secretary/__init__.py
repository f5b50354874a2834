"""secretary: the clerk's book for boards and committees (the domain layer)."""

__version__ = "0.1.0"
