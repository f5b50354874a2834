"""The rule behind issue 15, as a property: whatever the clerk types, what a form stores at Enter
is what it displayed at that moment — the decision verb, the due date, the person's name.

Each example drives the real form with keys in a small host app (the forms need no book to
build what they hand back), so the property covers the completion, the field and the preview."""

from __future__ import annotations

import asyncio
from datetime import date
from functools import cache
from pathlib import Path
from tempfile import mkdtemp

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from db.demo import build_demo
from db.record import read_record
from screens.action_form import ActionForm
from screens.decision_form import DecisionForm
from screens.suggest import PeopleInput, PeopleSuggester
from secretary.dates import day_words, read_date
from secretary.record import MeetingRecord
from secretary.models import Action, Decision, DecisionVerb
from secretary.verbs import decision_sentence, verbs_fitting

FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
UNSET = object()


@cache
def march_meeting() -> MeetingRecord:
    """The demo's March meeting, read once (its book stays open for the module)."""
    book, upcoming, _ = build_demo(Path(mkdtemp(prefix="issue-15-")) / "demo.secretary")
    return read_record(book, upcoming)


class Host(App):
    """Opens one form and keeps what it hands back."""

    def __init__(self, form) -> None:
        super().__init__()
        self.form = form
        self.result = UNSET

    def on_mount(self) -> None:
        self.push_screen(self.form, callback=self._done)

    def _done(self, value) -> None:
        self.result = value


def keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def run(coroutine) -> None:
    asyncio.run(coroutine)


# --- the decision verb ---------------------------------------------------------------------

verb_typing = st.one_of(
    st.sampled_from([v.value for v in DecisionVerb]).flatmap(
        lambda v: st.integers(1, len(v)).map(lambda n: v[:n])),  # a start of a verb
    st.text(alphabet="adenoprtv ", min_size=1, max_size=6),  # or letters that start some
).flatmap(lambda t: st.sampled_from([t, t.upper(), t.title()]))


@FEW
@given(typed=verb_typing.filter(lambda t: t.strip()), what=st.text(alphabet="abcdefgh ", min_size=1, max_size=8)
       .filter(lambda t: t.strip()))
def test_the_verb_stored_is_the_verb_shown_at_enter(typed: str, what: str) -> None:
    async def scenario() -> None:
        app = Host(DecisionForm(item_id=1, collective="The Board"))
        async with app.run_test() as pilot:
            await pilot.pause()
            form = app.screen
            await pilot.press(*keys(typed), "tab", *keys(what))
            await pilot.pause()
            field = form.query_one("#verb", Input).value
            preview = str(form.query_one("#verb-read", Static).content)
            await pilot.press("enter")
            await pilot.pause()
            if isinstance(app.result, Decision):
                assert app.result.verb.value == field  # the field showed the whole verb stored
                assert preview == decision_sentence("The Board", app.result.verb, what)
            else:
                assert app.result is UNSET and app.screen is form  # refused: nothing handed back
                assert len(verbs_fitting(field)) != 1 and "The Board" not in preview
    run(scenario())


# --- the due date ----------------------------------------------------------------------------

def due_typing(day: date) -> st.SearchStrategy[str]:
    return st.sampled_from([
        f"{day.day} {MONTHS[day.month - 1]}",  # no year: the first such day on or after the meeting
        f"{day.day} {MONTHS[day.month - 1]} {day.year}",
        f"{day:%d/%m/%Y}",
        f"{day:%d/%m/%y}",
        f"end of {MONTHS[day.month - 1]}",
        f"{MONTHS[day.month - 1]}-{day:%y}",
    ])


@FEW
@given(typed=st.dates(date(2024, 1, 1), date(2028, 12, 31)).flatmap(due_typing))
def test_the_due_date_stored_is_the_date_shown_at_enter(typed: str) -> None:
    state = march_meeting()
    item = state.items[0]

    async def scenario() -> None:
        app = Host(ActionForm(state, item.id, 65))
        async with app.run_test(size=(110, 32)) as pilot:
            await pilot.pause()
            form = app.screen
            await pilot.press(*keys("Circulate it"), "enter", "c", "b", "enter", *keys(typed))
            await pilot.pause()
            shown = str(form.query_one("#due-read", Static).content)
            await pilot.press("enter")
            await pilot.pause()
            action = app.result
            assert isinstance(action, Action)
            assert shown == f"Due → {day_words(action.due_date)}"
            assert read_date(shown.split(" ", 3)[3]) == action.due_date  # the words, read back, are the day
            if not any(ch.isdigit() for ch in typed.replace("end of", "")) or typed.count(" ") == 1:
                assert action.due_date >= state.meeting.date  # read against the meeting, not the clock
    run(scenario())


# --- the person's name ---------------------------------------------------------------------

def name_typing(state: MeetingRecord) -> st.SearchStrategy[tuple[str, str]]:
    """(typed, the roster entry it was taken from): a start of the initials or of any word."""
    suggester = PeopleSuggester.for_attendance(state)
    entries = [(p.initials, suggester.entry(p)) for p in suggester.people]

    def starts(pair: tuple[str, str]) -> st.SearchStrategy[tuple[str, str]]:
        initials, entry = pair
        words = [initials] + [w.strip(",()") for w in entry.split() if len(w.strip(",()")) >= 2]
        return st.sampled_from(words).flatmap(
            lambda w: st.integers(2, len(w)).map(lambda n: w[:n])).flatmap(
            lambda t: st.sampled_from([t, t.lower(), t.upper()])).map(lambda t: (t, entry))

    return st.sampled_from(entries).flatmap(starts)


class PresentersHost(App):
    def __init__(self, suggester: PeopleSuggester) -> None:
        super().__init__()
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        yield PeopleInput(id="presenters", suggester=self.suggester)


@FEW
@given(data=st.data())
def test_the_name_stored_is_the_name_shown(data) -> None:
    state = march_meeting()
    typed, _ = data.draw(name_typing(state))
    suggester = PeopleSuggester.for_attendance(state)
    entries = {suggester.entry(p) for p in suggester.people}

    async def scenario() -> None:
        app = PresentersHost(suggester)
        async with app.run_test(size=(160, 5)) as pilot:
            field = app.query_one(PeopleInput)
            field.focus()
            await pilot.press(*keys(typed))
            await pilot.pause()
            shown = field.render_line(0).text.rstrip()
            await pilot.press("right")
            await pilot.pause()
            if field.value == typed:
                return  # nothing offered, nothing changed
            assert field.value in entries  # the roster's spelling, whole
            assert shown in (field.value, f"{typed}  → {field.value}")  # what → put there was on screen
    run(scenario())
