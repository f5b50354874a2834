"""How a body wants its exports laid out, set once by the clerk (issue 16)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class MemberOrder(StrEnum):
    seat = "seat"  # the Chair, then by seat type as the roster lists them
    surname = "surname"  # the Chair, then members alphabetically by surname, as published minutes do


class SubItems(StrEnum):
    paragraphs = "paragraphs"  # a) … f) inside the parent item's row
    rows = "rows"  # a row of their own each, numbered 3a, 3b


class ExportSettings(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True, str_strip_whitespace=True)

    member_order: MemberOrder = MemberOrder.surname
    sub_items: SubItems = SubItems.paragraphs
    template: str = Field(default="", max_length=1000)  # the organisation's Word template (.docx/.dotx)
