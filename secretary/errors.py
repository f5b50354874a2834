"""Validation errors put in the clerk's words."""

from __future__ import annotations

from pydantic import ValidationError


def explain(error: ValidationError) -> str:
    """One line per problem, without pydantic's type names and links."""
    lines = []
    for problem in error.errors(include_url=False):
        message = problem["msg"].removeprefix("Value error, ")
        field = ".".join(str(part) for part in problem["loc"])
        lines.append(f"{field.replace('_', ' ')}: {message}" if field else message)
    return "; ".join(lines)
