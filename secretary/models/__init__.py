"""The domain: what a clerk's book holds, as validated values.

Every model is frozen; change one with ``model_copy(update=...)`` and hand it
back to ``db/``. Ids are ``None`` until the book has stored the model.
"""

from secretary.models.actions import *  # noqa: F401,F403
from secretary.models.at_meeting import *  # noqa: F401,F403
from secretary.models.base import *  # noqa: F401,F403
from secretary.models.meeting import *  # noqa: F401,F403
from secretary.models.people import *  # noqa: F401,F403
from secretary.models.vocabulary import *  # noqa: F401,F403
