"""Add a member, or change one: name, initials, category, role title, vote, and the dates the
seat starts and ends. Ending a seat keeps everything the book holds about the person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from db.people import PersonRecord
from secretary.dates import day_words, read_date
from secretary.formats import short_date
from secretary.importers.roster import suggest_initials
from secretary.models import Body, Category, Group, Membership, Person, Seat
from screens.form import FormScreen

# where the minutes list a seat of each category unless the clerk says otherwise
_GROUP_OF = {Category.participant: Group.participant, Category.attendee: Group.in_attendance}


def record_words(record: PersonRecord) -> str:
    def count(n: int, noun: str) -> str:
        return f"{n} {noun}{'' if n == 1 else 's'}"

    return (f"Listed at {count(record.meetings, 'meeting')}, owns {count(record.actions, 'action')}, "
            f"{count(record.declarations, 'declaration')} of interest: all kept when the seat ends.")


class MemberFormScreen(FormScreen[Seat | None]):
    """Hands back the seat as stored by ``save`` (the caller's: ``add_seat`` or ``save_seat``);
    if the book refuses, the form stays open with the reason and the clerk's typing."""

    CSS_PATH = ["dialogs.tcss", "member_form.tcss"]
    ask_before_discarding = True

    def __init__(
        self,
        body: Body,
        people: list[Person],
        seat: Seat | None = None,
        *,
        record: PersonRecord | None = None,
        ending_on: date | None = None,
        save: Callable[[Seat], Seat] = lambda seat: seat,
    ) -> None:
        super().__init__()
        self.save = save
        self.body = body
        self.seat = seat
        self.record = record
        self.ending_on = ending_on
        own = seat.person.id if seat else None
        self.others = {p.initials: p for p in people if p.id != own}
        self._suggested = ""
        self._category = seat.membership.category if seat else Category.partner

    @property
    def heading(self) -> str:
        if self.seat is None:
            return f"New member of the {self.body.name}"
        if self.ending_on is not None:
            return f"End {self.seat.person.full_name}'s seat"
        return f"Change {self.seat.person.full_name}'s seat"

    def compose(self) -> ComposeResult:
        person = self.seat.person if self.seat else None
        seat = self.seat.membership if self.seat else None
        until = self.ending_on or (seat.end_date if seat else None)
        with VerticalScroll(classes="dialog", id="member-form"):
            yield Static(self.heading, classes="title", markup=False)
            with Horizontal(classes="row"):
                with Vertical(id="honorific-box"):
                    yield Label("Honorific")
                    yield Input(person.honorific if person else "", id="honorific", placeholder="Dr, Cllr")
                with Vertical(id="name-box"):
                    yield Label("Name")
                    yield Input(person.name if person else "", id="name", placeholder="Alan Shaw")
                with Vertical(id="initials-box"):
                    yield Label("Initials")
                    yield Input(person.initials if person else "", id="initials", placeholder="ASh", max_length=6)
            yield Static("", id="initials-hint", classes="hint", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Category")
                    yield Select([(c.label, c) for c in Category], value=seat.category if seat else Category.partner,
                                 allow_blank=False, id="category")
                with Vertical():
                    yield Label("Listed in the minutes under")
                    yield Select([(g.label, g) for g in Group], value=seat.group if seat else Group.member,
                                 allow_blank=False, id="group")
            yield Label("Role title, as printed")
            yield Input(seat.role if seat else "", id="role", placeholder="Partner Member, Local Authorities")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Seat from (dd/mm/yyyy)")
                    yield Input(short_date(seat.start_date) if seat and seat.start_date else "", id="start",
                                placeholder="blank: always")
                with Vertical():
                    yield Label("Until (blank while in post)")
                    yield Input(short_date(until) if until else "", id="end", placeholder="blank: in post")
                with Vertical(id="voting-box"):
                    yield Label(" ")
                    yield Checkbox("Voting seat", seat.voting if seat else False, id="voting")
            yield Static("", id="dates-read", markup=False)
            yield Static(record_words(self.record) if self.record else "", id="record", classes="hint",
                         markup=False)
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._show_initials_hint()
        self._show_dates()
        self.query_one("#end" if self.ending_on else "#name", Input).focus()

    @on(Input.Changed, "#start")
    @on(Input.Changed, "#end")
    def _show_dates(self) -> None:
        """The seat's dates as understood, with weekdays, before they are saved."""
        words = []
        for wid, label in (("#start", "from"), ("#end", "until")):
            text = self.query_one(wid, Input).value.strip()
            if text:
                try:
                    words.append(f"{label} {day_words(read_date(text))}")
                except ValueError:
                    words.append(f"{label}: not yet a date (day/month/year)")
        self.query_one("#dates-read", Static).update("Seat " + ", ".join(words) if words else "")

    # --- initials: suggested from the name, never one already used in the body ----------------

    @on(Input.Changed, "#name")
    def _name_changed(self, event: Input.Changed) -> None:
        if self.seat is not None:
            return  # a member's initials are in past minutes: change them only on purpose
        initials = self.query_one("#initials", Input)
        if initials.value and initials.value != self._suggested:
            return  # typed by the clerk
        try:
            self._suggested = suggest_initials(event.value, set(self.others)) if event.value.strip() else ""
        except ValueError:
            self._suggested = ""
        initials.value = self._suggested

    @on(Input.Changed, "#initials")
    def _initials_changed(self) -> None:
        self._show_initials_hint()

    def _show_initials_hint(self) -> None:
        self.query_one("#initials-hint", Static).update(self.initials_problem() or self._initials_note())

    def _initials_note(self) -> str:
        typed = self.query_one("#initials", Input).value.strip()
        near = next((p for i, p in self.others.items() if typed and i.casefold() == typed.casefold()), None)
        if near is not None:
            return (f"Initials are unique within the {self.body.label}. {near.initials} ({near.name}) "
                    f"is hard to tell from {typed} in the minutes.")
        if typed and typed == self._suggested:
            return f"Suggested {typed}: initials are unique in the {self.body.label}, and no one else has these."
        return f"Initials are unique within the {self.body.label}; the minutes' Action column uses them."

    def initials_problem(self) -> str:
        typed = self.query_one("#initials", Input).value.strip()
        holder = self.others.get(typed)
        if holder is None:
            return ""
        name = self.query_one("#name", Input).value.strip() or holder.name
        try:
            free = suggest_initials(name, set(self.others))
        except ValueError:
            free = ""
        better = f" Try {free}." if free else ""
        return (f"{typed} is already {holder.full_name}'s initials: initials must be unique within the "
                f"{self.body.label}.{better}")

    @on(Select.Changed, "#category")
    def _category_changed(self, event: Select.Changed) -> None:
        if event.value == self._category:
            return  # the seat as it was: keep where the minutes list it
        self._category = event.value
        group = self.query_one("#group", Select)
        group.value = _GROUP_OF.get(event.value, Group.member)
        if event.value in (Category.participant, Category.attendee):
            self.query_one("#voting", Checkbox).value = False

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    # --- the seat as edited -------------------------------------------------------------------

    def store(self, seat: Seat) -> Seat:
        if self.seat is not None and seat == self.seat:
            return seat  # nothing changed: nothing to write
        return self.save(seat)

    def build(self) -> Seat:
        value = {i.id: i.value.strip() for i in self.query(Input)}
        if problem := self.initials_problem():
            raise ValueError(problem)
        person = Person.model_validate({
            **(self.seat.person.model_dump() if self.seat else {"body_id": self.body.id}),
            "honorific": value["honorific"],
            "name": value["name"],
            "initials": value["initials"],
        })
        membership = Membership.model_validate({
            **(self.seat.membership.model_dump() if self.seat else {"person_id": person.id or 0}),
            "category": self.query_one("#category", Select).value,
            "group": self.query_one("#group", Select).value,
            "role": value["role"],
            "voting": self.query_one("#voting", Checkbox).value,
            "start_date": _date(value["start"], "seat from"),
            "end_date": _date(value["end"], "until"),
        })
        return Seat(person=person, membership=membership)


def _date(text: str, field: str) -> date | None:
    if not text:
        return None
    try:
        return read_date(text)
    except ValueError as why:
        raise ValueError(f"{field}: {why}") from None
