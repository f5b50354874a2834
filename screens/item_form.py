"""Add or edit one agenda item."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from secretary.models import AgendaItem, ItemKind, Part
from secretary.standing import LABELS, Standing, classify
from secretary.times import format_time, read_time
from screens.form import FormScreen

PURPOSES = ["Note", "Approve", "Discuss", "Assure", "Agree", "Endorse", "Update"]


class ItemFormScreen(FormScreen[AgendaItem | None]):
    """Hands back the item as stored by ``save`` (the caller's); if the book cannot take it, the
    form stays open saying so, with what was typed. Without ``save``, the item as edited."""

    def __init__(self, item: AgendaItem, heading: str, *,
                 save: Callable[[AgendaItem], AgendaItem] = lambda item: item) -> None:
        super().__init__()
        self.item = item
        self.heading = heading
        self.save = save

    def compose(self) -> ComposeResult:
        item = self.item
        with VerticalScroll(classes="dialog"):
            yield Static(self.heading, classes="title", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("No.")
                    yield Input(item.number, id="number")
                with Vertical():
                    yield Label("Starts")
                    yield Input(format_time(item.planned_start) if item.planned_start else "", id="start",
                                placeholder="9.30am")
                with Vertical():
                    yield Label("Paper")
                    yield Input(item.paper_ref, id="paper", placeholder="Paper 3a")
            yield Label("Title")
            yield Input(item.title, id="title")
            yield Label("Section")
            yield Input(item.section, id="section", placeholder="Opening Items")
            yield Label("Lead(s)")
            yield Input(item.lead, id="lead", placeholder="Chief Finance Officer")
            yield Label("Purpose (" + " / ".join(PURPOSES) + "; several as 'Note & Approve')")
            yield Input(item.purpose, id="purpose", placeholder="Note & Approve")
            with Horizontal(classes="row"):
                yield Checkbox("Verbal", item.verbal, id="verbal")
                yield Checkbox("Break", item.kind is ItemKind.break_, id="break")
                yield Select([("Part I (public)", Part.public), ("Part II (confidential)", Part.confidential)],
                             value=item.part, allow_blank=False, id="part")
            yield Label("Standing item (what F12 writes, what a new meeting copies)")
            yield Select([(label, kind) for kind, label in LABELS.items()], value=item.standing, allow_blank=False,
                         id="standing")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def store(self, item: AgendaItem) -> AgendaItem:
        return self.save(item)

    def build(self) -> AgendaItem:
        value = {i.id: i.value.strip() for i in self.query(Input)}
        return AgendaItem.model_validate({
            **self.item.model_dump(),
            "number": value["number"].rstrip("."),
            "title": value["title"],
            "section": value["section"],
            "lead": value["lead"],
            "paper_ref": value["paper"],
            "planned_start": read_time(value["start"]) if value["start"] else None,
            "purpose": value["purpose"],
            "verbal": self.query_one("#verbal", Checkbox).value,
            "kind": ItemKind.break_ if self.query_one("#break", Checkbox).value else ItemKind.item,
            "part": self.query_one("#part", Select).value,
            "standing": self._standing(value["title"]),
        })

    def _standing(self, title: str) -> Standing:
        """As the clerk chose; a new item the clerk said nothing about is judged by its title."""
        chosen = self.query_one("#standing", Select).value
        if self.item.id is None and chosen is self.item.standing:
            return classify(title)
        return chosen
