"""Alt+C once the meeting is over: the changes of chair recorded during it, one a line; Delete
takes one recorded by mistake out (the chair is then as it was before it)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from db.record import read_record
from secretary.formats import minutes_time
from secretary.record import MeetingRecord


class ChairingList(ModalScreen[bool]):
    """Dismissed with True when something was deleted."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "close", "Close"), Binding("delete", "forget", "Delete")]

    def __init__(self, record: MeetingRecord) -> None:
        super().__init__()
        self.record = record
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="chairing-dialog"):
            yield Static("Who took the chair", classes="title")
            yield OptionList(id="chairing")
            yield Static("Delete: take out one recorded by mistake · Escape: close", markup=False)

    def on_mount(self) -> None:
        self.load()
        self.query_one(OptionList).focus()

    def load(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for chairing in self.record.chairing:
            person = self.record.people.get(chairing.person_id) if chairing.person_id is not None else None
            who = f"{person.initials} took the chair" if person else "No one in the chair"
            when = minutes_time(chairing.at.astimezone(self.app.now().tzinfo).time())
            options.add_option(Option(f"{when}  {self.record.item_words(chairing.item_id)}: {who}",
                                      id=str(chairing.id)))
        if self.record.chairing:
            options.highlighted = 0
        else:
            options.add_option(Option("No change of chair was recorded: the Chair chaired throughout.",
                                      disabled=True))

    def action_forget(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or index >= len(self.record.chairing):
            return
        if self.app.desk.forget_chairing(self.record.chairing[index].id).saved:
            self.changed = True
        self.record = read_record(self.app.book, self.record.meeting.id)
        self.load()

    def action_close(self) -> None:
        self.dismiss(self.changed)
