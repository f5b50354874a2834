"""The body's quorum rule (DESIGN.md §3.1), with what it means for the membership today shown
beside it as it is edited. Saved in one transaction; Escape asks before dropping changes."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Input, Label, Select, Static
from screens.title_bar import TitleBar

from db.bodies import get_body
from db.people import roster
from secretary.errors import explain
from secretary.formats import long_date
from secretary.models import MinimumKind, QuorumRequirement, QuorumRule, Seat
from secretary.quorum import describe_rule, holders_in_post, rule_warnings
from screens.form import FormMixin
from screens.requirement_form import RequirementFormScreen
from screens.text import plain
from screens.footer import Footer

_MINIMUMS = [
    ("More than half of the voting members in post", MinimumKind.more_than_half),
    ("A fixed number of voting members", MinimumKind.absolute),
]
_CONFLICTED = [
    ("excluded from that item's count (the NHS convention)", "excluded"),
    ("counted for that item (deemed present)", "counted"),
]


class QuorumRuleScreen(FormMixin, Screen[QuorumRule | None]):
    """Dismisses with the rule as saved, or None when the clerk leaves without saving."""

    CSS_PATH = "quorum_rule.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Back"),
        Binding("ctrl+s", "save", "Save"),
        Binding("a", "add_requirement", "Add category"),
        Binding("e", "edit_requirement", "Change category", show=False),
        Binding("delete", "remove_requirement", "Remove category"),
    ]
    ask_before_discarding = True
    discard_question = "Leave without saving the changes to the quorum rule?"

    def __init__(self, body_id: int) -> None:
        super().__init__()
        self.body = None  # read on mount
        self.body_id = body_id
        self.requirements: list[QuorumRequirement] = []
        self.seats: list[Seat] = []

    @property
    def book(self):
        return self.app.book

    @property
    def today(self) -> date:
        return self.app.now().date()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="rule-title", classes="pane-title", markup=False)
        with Horizontal(id="rule-columns"):
            with VerticalScroll(id="rule-form"):
                yield Label("Quorate when at least this many voting members count")
                with Horizontal(id="minimum-row"):
                    yield Select(_MINIMUMS, allow_blank=False, id="minimum-kind")
                    yield Input(id="minimum-number", placeholder="number", restrict=r"\d*")
                yield Label("Including (a adds, Enter changes, Delete removes)")
                yield DataTable(id="requirements", cursor_type="row")
                yield Checkbox("Members attending remotely count", id="remote", compact=True)
                yield Checkbox("A deputy counts in place of the member they stand in for", id="deputies",
                               compact=True)
                yield Label("A member who declared an interest in an item and withdrew, or takes no part "
                            "in the decision, is")
                yield Select(_CONFLICTED, allow_blank=False, id="conflicted")
                yield Static("", classes="error", id="error", markup=False)
                with Horizontal(classes="buttons"):
                    yield Button("Save", variant="primary", id="save")
                    yield Button("Cancel", id="cancel")
            with Vertical(id="meaning-pane"):
                yield Static("", id="meaning-title", classes="pane-title", markup=False)
                yield Static("", id="meaning", markup=False)
                yield Static("", id="holders", markup=False)
                yield Static("", id="warnings", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.body = get_body(self.book, self.body_id)
        self.seats = roster(self.book, self.body_id)
        self.query_one("#rule-title", Static).update(f"{self.body.name} — quorum rule")
        self.query_one("#meaning-title", Static).update(f"What it means on {long_date(self.today)}")
        self.query_one("#requirements", DataTable).add_columns("At least", "Of", "Seats")
        self.load(self.body.quorum_rule)
        self.query_one("#minimum-kind", Select).focus()

    def load(self, rule: QuorumRule) -> None:
        self.query_one("#minimum-kind", Select).value = rule.minimum_kind
        self.query_one("#minimum-number", Input).value = str(rule.minimum_number or "")
        self.query_one("#remote", Checkbox).value = rule.remote_counts
        self.query_one("#deputies", Checkbox).value = rule.deputies_count
        self.query_one("#conflicted", Select).value = "counted" if rule.conflicted_count else "excluded"
        self.requirements = list(rule.requirements)
        self.show_requirements()
        self.mark_saved()  # what the book holds is the starting point for "changed"

    # --- the rule as edited -------------------------------------------------------------------

    def extra_state(self) -> tuple:
        return tuple(self.requirements)

    def build(self) -> QuorumRule:
        kind = self.query_one("#minimum-kind", Select).value
        number = self.query_one("#minimum-number", Input).value.strip()
        return QuorumRule.model_validate({
            "minimum_kind": kind,
            "minimum_number": (number or None) if kind is MinimumKind.absolute else None,
            "requirements": tuple(self.requirements),
            "remote_counts": self.query_one("#remote", Checkbox).value,
            "deputies_count": self.query_one("#deputies", Checkbox).value,
            "conflicted_count": self.query_one("#conflicted", Select).value == "counted",
        })

    def store(self, rule: QuorumRule) -> QuorumRule:
        self.app.desk.set_quorum_rule(self.body_id, rule)  # NotSaved: the form says so, the rule kept
        self.notify(f"Quorum rule for the {self.body.label} saved.", markup=False)
        return rule

    # --- what it means, live ------------------------------------------------------------------

    @on(Input.Changed)
    @on(Checkbox.Changed)
    @on(Select.Changed)
    def show_meaning(self) -> None:
        if self.body is None:
            return
        absolute = self.query_one("#minimum-kind", Select).value is MinimumKind.absolute
        self.query_one("#minimum-number", Input).disabled = not absolute
        meaning = self.query_one("#meaning", Static)
        holders = self.query_one("#holders", Static)
        warnings = self.query_one("#warnings", Static)
        try:
            rule = self.build()
        except ValidationError as e:
            meaning.update(f"The rule is not complete: {explain(e)}.")
            holders.update("")
            warnings.update("")
            return
        today = self.today
        meaning.update(describe_rule(rule, self.seats, today))
        lines = []
        for requirement in rule.requirements:
            held = holders_in_post(requirement, self.seats, today)
            who = ", ".join(s.person.initials for s in held) or "nobody"
            lines.append(f"• {requirement.label}: {len(held)} in post ({who})")
        holders.update("\n".join(lines))
        warnings.update("\n".join(f"⚠ {w}" for w in rule_warnings(rule, self.seats, today)))

    # --- required categories --------------------------------------------------------------------

    def show_requirements(self, select: int | None = None) -> None:
        table = self.query_one("#requirements", DataTable)
        table.clear()
        for requirement in self.requirements:
            table.add_row(
                str(requirement.count),
                plain(requirement.label),
                plain(", ".join(c.label for c in requirement.categories)),
            )
        if select is not None and self.requirements:
            table.move_cursor(row=min(select, len(self.requirements) - 1))
        self.show_meaning()

    @property
    def current_row(self) -> int | None:
        """The requirement under the cursor, when the list has the focus (Delete elsewhere edits text)."""
        table = self.query_one("#requirements", DataTable)
        row = table.cursor_row if table.has_focus else None
        return row if self.requirements and row is not None and row < len(self.requirements) else None

    @work
    async def action_add_requirement(self) -> None:
        added = await self.app.push_screen_wait(RequirementFormScreen())
        if added is not None:
            self.requirements.append(added)
            self.show_requirements(select=len(self.requirements) - 1)

    @on(DataTable.RowSelected, "#requirements")
    @work
    async def action_edit_requirement(self) -> None:
        row = self.current_row
        if row is None:
            return
        edited = await self.app.push_screen_wait(RequirementFormScreen(self.requirements[row]))
        if edited is not None:
            self.requirements[row] = edited
            self.show_requirements(select=row)

    def action_remove_requirement(self) -> None:
        row = self.current_row
        if row is None:
            return
        del self.requirements[row]
        self.show_requirements(select=row)
