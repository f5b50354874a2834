"""Pick a person by typing initials, any word of a name, or of their role: an input with the matches under it.
Up and Down move through the matches while typing; Enter picks the highlighted one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from secretary.people import find_people
from secretary.models import Person


class PersonPicker(Vertical):
    DEFAULT_CSS = """
    PersonPicker { height: auto; }
    PersonPicker OptionList { height: auto; max-height: 8; }
    """

    class Picked(Message):
        def __init__(self, picker: PersonPicker, person: Person) -> None:
            super().__init__()
            self.picker = picker
            self.person = person

    class Highlighted(Message):
        def __init__(self, picker: PersonPicker, person: Person | None) -> None:
            super().__init__()
            self.picker = picker
            self.person = person

    def __init__(self, people: list[Person], *, placeholder: str = "MSh, or Shaw", id: str | None = None,
                 roles: dict[int, str] | None = None) -> None:
        super().__init__(id=id)
        self.people = people
        self.roles = roles or {}
        self.placeholder = placeholder
        self.matches: list[Person] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.placeholder, classes="who")
        yield OptionList(classes="matches")

    def on_mount(self) -> None:
        self.show("")

    def focus(self, scroll_visible: bool = True) -> PersonPicker:
        self.query_one(Input).focus(scroll_visible)
        return self

    @property
    def selected(self) -> Person | None:
        options = self.query_one(OptionList)
        if not self.matches or options.highlighted is None:
            return None
        return self.matches[options.highlighted]

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.show(event.value)

    def show(self, text: str) -> None:
        self.matches = find_people(text, self.people, limit=8, roles=self.roles)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(f"{p.initials:<6} {p.name}", id=str(p.id)) for p in self.matches])
        if self.matches:
            options.highlighted = 0
        self.post_message(self.Highlighted(self, self.selected))

    def on_key(self, event) -> None:
        options = self.query_one(OptionList)
        if event.key in ("down", "up") and self.query_one(Input).has_focus and options.option_count:
            options.action_cursor_down() if event.key == "down" else options.action_cursor_up()
            self.post_message(self.Highlighted(self, self.selected))
            event.stop()
            event.prevent_default()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        # with no match the Enter goes on to the dialog, which says what to type
        if self.selected is not None:
            event.stop()
            self.post_message(self.Picked(self, self.selected))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(OptionList).highlighted = event.option_index
        self.post_message(self.Picked(self, self.selected))
