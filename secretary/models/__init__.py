"""The domain: what a clerk's book holds, as validated values.

Every model is frozen; change one with ``model_copy(update=...)`` and hand it
back to ``db/``. Ids are ``None`` until the book has stored the model.

``from secretary.models import Meeting`` imports the module that defines it when it is
first asked for: the vocabulary (plain enums) does not bring pydantic with it, so the
first screen can name a meeting's status before any model is needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_DEFINED_IN = {
    "actions": ("Action", "ActionOwner", "ActionUpdate", "PastDeadline"),
    "at_meeting": ("Attendance", "Decision", "Declaration", "Interest", "Minute", "Movement", "PublicQuestion"),
    "base": ("Model", "check_initials", "Name", "Typed"),
    "meeting": ("AgendaItem", "Meeting", "check_agenda"),
    "people": ("Body", "Membership", "Person", "QuorumRequirement", "QuorumRule", "Seat", "check_unique_initials"),
    "vocabulary": ("ActionStatus", "AttendanceStatus", "Category", "DecisionVerb", "DeclarationOutcome", "Disposal",
                   "Group", "InterestNature", "ItemKind", "MeetingMode", "MeetingStatus", "MinimumKind",
                   "MovementKind", "Part", "Phase", "STEPPED_OUT"),
}
_MODULE_OF = {name: module for module, names in _DEFINED_IN.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from secretary.models.actions import *
    from secretary.models.at_meeting import *
    from secretary.models.base import *
    from secretary.models.meeting import *
    from secretary.models.people import *
    from secretary.models.vocabulary import *
