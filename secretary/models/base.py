"""What every model shares: frozen values, and the checks on names and initials."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints



class Model(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True, use_enum_values=False, defer_build=True)  # built when first used: start-up


# --- shared field checks ----------------------------------------------------

_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,5}$")

Name = Annotated[str, Field(min_length=1, max_length=200)]


def check_initials(value: str) -> str:
    value = value.strip()
    if not _INITIALS.match(value):
        raise ValueError(
            f"initials {value!r} should be 1 to 6 letters starting with a capital, like 'HM' or 'ASh'"
        )
    return value


Typed = Annotated[str, StringConstraints(strip_whitespace=False)]
