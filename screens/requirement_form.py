"""One required category of a quorum rule: at least N of those counted must hold one of these seats."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static

from secretary.models import Category, QuorumRequirement
from secretary.quorum import requirement_label
from screens.form import FormScreen

# participants and attendees never hold a voting seat, so never count towards a quorum
SEATS = [c for c in Category if c not in (Category.participant, Category.attendee)]


class RequirementFormScreen(FormScreen[QuorumRequirement | None]):
    """Hands back the requirement as edited; the rule editor holds it until the rule is saved."""

    CSS_PATH = ["dialogs.tcss", "requirement_form.tcss"]
    ask_before_discarding = True

    def __init__(self, requirement: QuorumRequirement | None = None) -> None:
        super().__init__()
        self.requirement = requirement

    def compose(self) -> ComposeResult:
        req = self.requirement
        chosen = set(req.categories) if req else set()
        with Vertical(classes="dialog", id="requirement-form"):
            yield Static("Change a required category" if req else "Require a category", classes="title")
            yield Label("Seats that meet it")
            for category in SEATS:
                yield Checkbox(category.label, category in chosen, id=f"cat-{category.value}", compact=True)
            yield Static("Participants and attendees never count towards a quorum.", classes="hint")
            with Horizontal(classes="row"):
                with Vertical(id="count-box"):
                    yield Label("At least")
                    yield Input(str(req.count) if req else "1", id="count", restrict=r"\d*")
                with Vertical():
                    yield Label("Called, in the minutes' words")
                    yield Input(req.label if req else "", id="label", placeholder="the Chair or Deputy Chair")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("OK", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._named = bool(self.requirement and self.requirement.label != requirement_label(self.chosen()))
        self.query_one(Checkbox).focus()

    def chosen(self) -> list[Category]:
        return [c for c in SEATS if self.query_one(f"#cat-{c.value}", Checkbox).value]

    @on(Checkbox.Changed)
    def _categories_changed(self) -> None:
        if not getattr(self, "_named", False):
            self.query_one("#label", Input).value = requirement_label(self.chosen())

    @on(Input.Changed, "#label")
    def _label_typed(self, event: Input.Changed) -> None:
        self._named = event.value.strip() not in ("", requirement_label(self.chosen()))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def build(self) -> QuorumRequirement:
        categories = self.chosen()
        if not categories:
            raise ValueError("Tick at least one kind of seat.")
        label = self.query_one("#label", Input).value.strip() or requirement_label(categories)
        count = self.query_one("#count", Input).value.strip() or "1"
        return QuorumRequirement.model_validate({"label": label, "categories": tuple(categories), "count": count})
