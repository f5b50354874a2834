"""Questions from the public: who asked, what, the response and who gave it. Printed as an
appendix to the minutes; attached to the agenda's public questions item."""

from __future__ import annotations

from pydantic import ValidationError
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static, TextArea

from db.minutes import (
    list_public_questions,
    next_question_position,
)
from secretary.errors import explain
from secretary.models import PublicQuestion
from screens.confirm import ConfirmScreen
from screens.form import FormMixin
from screens.text import plain


class QuestionForm(FormMixin, ModalScreen[PublicQuestion | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, question: PublicQuestion) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        q = self.question
        with Vertical(classes="dialog wide"):
            yield Static("Question from the public", classes="title")
            yield Label("Asked by")
            yield Input(q.asker, id="asker", placeholder="Mr J Smith, Northbridge resident")
            yield Label("Question(s)")
            yield TextArea(q.question, id="question", classes="short-text", tab_behavior="focus")
            yield Label("Response")
            yield TextArea(q.response, id="response", classes="short-text", tab_behavior="focus")
            yield Label("Responded by")
            yield Input(q.responder, id="responder", placeholder="Chief Finance Officer")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save (Ctrl+S)", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def build(self) -> PublicQuestion:
        try:
            return PublicQuestion.model_validate({
                **self.question.model_dump(),
                "asker": self.query_one("#asker", Input).value.strip() or self.question.asker,
                "question": self.query_one("#question", TextArea).text.strip(),
                "response": self.query_one("#response", TextArea).text.strip(),
                "responder": self.query_one("#responder", Input).value.strip(),
            })
        except ValidationError as e:
            raise ValueError("Who asked and what they asked are needed. " + explain(e)) from None


class QuestionsScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("a", "add", "Add"),
        Binding("e,enter", "edit", "Edit"),
        Binding("delete", "delete", "Delete"),
    ]

    def __init__(self, meeting_id: int, item_id: int | None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.item_id = item_id
        self.questions: list[PublicQuestion] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Questions from the public", classes="title")
            yield DataTable(id="questions", cursor_type="row")
            yield Static("a add · e edit · Delete removes · Escape closes", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#questions", DataTable)
        for label, width in (("Asked by", 18), ("Question", 34), ("Answered by", 16)):
            table.add_column(label, width=width)
        self.load()
        table.focus()
        if not self.questions:
            self.action_add()

    def load(self) -> None:
        self.questions = list_public_questions(self.app.book, self.meeting_id)
        table = self.query_one("#questions", DataTable)
        table.clear()
        for q in self.questions:
            table.add_row(plain(q.asker), plain(q.question.splitlines()[0]), plain(q.responder or "—"),
                          key=str(q.id))

    def _selected(self) -> PublicQuestion | None:
        row = self.query_one("#questions", DataTable).cursor_row
        return self.questions[row] if 0 <= row < len(self.questions) else None

    @work
    async def action_add(self) -> None:
        draft = PublicQuestion.model_construct(
            meeting_id=self.meeting_id, item_id=self.item_id, asker="", question="", response="", responder="",
            position=next_question_position(self.app.book, self.meeting_id), id=None,
        )
        question = await self.app.push_screen_wait(QuestionForm(draft))
        if question is not None:
            self.app.desk.add_public_question(question)
            self.load()

    @work
    async def action_edit(self) -> None:
        current = self._selected()
        if current is None:
            return
        question = await self.app.push_screen_wait(QuestionForm(current))
        if question is not None:
            self.app.desk.update_public_question(question)
            self.load()

    @work
    async def action_delete(self) -> None:
        current = self._selected()
        if current is None:
            return
        if await self.app.push_screen_wait(ConfirmScreen(
                f"Delete the question from {current.asker}?", yes="Delete", no="Keep")):
            self.app.desk.delete_public_question(current.id)
            self.load()

    def action_close(self) -> None:
        self.dismiss(None)
