"""Search every meeting (Ctrl+/ or F10 from anywhere): results as the clerk types, most
recent meeting first, a page at a time; Enter opens the meeting at the item found.

The clerk's own screen shows Part II items too, marked: it is the clerk's book. What is
printed for others (``secretary search``) leaves them out unless asked.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from screens.title_bar import TitleBar
from screens.footer import Footer
from screens.line_list import LineList
from screens.styled_once import StyledOnce

from db.search import PAGE, SearchRefused, search
from secretary.search import SearchHit, SearchPage, snippet_parts

TYPING_PAUSE = 0.15  # seconds after the last keystroke before searching
MORE_BEFORE_END = 5  # the next page is read when the cursor comes this close to the last result


class SearchScreen(StyledOnce, Screen):
    CSS_PATH = "search.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("down", "to_results", "Results", show=False),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.page: SearchPage | None = None
        self.hits: list[SearchHit] = []
        self.pending: Timer | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(self.query_text, id="search-query",
                    placeholder='Search every meeting: words, "a phrase", estat*, AND / OR / NOT')
        yield Static("", id="search-status", markup=False)
        yield LineList(lines=2, id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Search every meeting"
        self.query_one("#search-query", Input).focus()
        self.run_search()

    @on(Input.Changed, "#search-query")
    def _typed(self) -> None:
        if self.pending is not None:
            self.pending.stop()
        self.pending = self.set_timer(TYPING_PAUSE, self.run_search)

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        if self.pending is not None:
            self.pending.stop()
        self.run_search()
        if self.hits:
            self.query_one("#search-results", LineList).focus()

    def run_search(self) -> None:
        """Search for what is typed now and show the first page."""
        self.pending = None
        typed = self.query_one("#search-query", Input).value
        status = self.query_one("#search-status", Static)
        self.hits, self.page = [], None
        self.query_one("#search-results", LineList).load(self.hits, hit_text, cursor=0)
        if not typed.strip():
            status.update(Text('Type to search the minutes, decisions, actions, declarations and questions of '
                               'every meeting. "estates strategy" in quotes finds the phrase; estat* finds '
                               'estates and estate; AND, OR, NOT in capitals.', style="dim"))
            return
        try:
            page = search(self.app.book, typed, confidential=True, limit=PAGE)
        except SearchRefused as refused:
            status.update(Text(refused.message, style="bold"))
            status.set_class(True, "refused")
            return
        status.set_class(False, "refused")
        self.show(page)

    def show(self, page: SearchPage) -> None:
        """Add a page of results to those shown; each is drawn when it comes into view."""
        self.page = page
        self.hits.extend(page.hits)
        self.query_one("#search-results", LineList).load(self.hits, hit_text)
        self.query_one("#search-status", Static).update(self.status_text())

    def status_text(self) -> Text:
        page = self.page
        if page is None or not page.total:
            return Text(f"Nothing found for {page.query!r}." if page else "", style="bold")
        text = Text()
        text.append(f"{page.total:,} result{'' if page.total == 1 else 's'}", style="bold")
        text.append(f" for {page.query!r}, most recent first")
        if page.more:
            text.append(f" · showing {len(self.hits):,} (more as you scroll)")
        text.append(" · Enter opens the meeting at the item · Part II items marked")
        return text

    @on(LineList.RowHighlighted, "#search-results")
    def _near_the_end(self, event: LineList.RowHighlighted) -> None:
        if self.page is None or not self.page.more or event.row < len(self.hits) - MORE_BEFORE_END:
            return
        try:
            more = search(self.app.book, self.page.query, confidential=True, limit=PAGE, offset=len(self.hits))
        except SearchRefused:
            return
        self.show(more)

    @on(LineList.RowSelected, "#search-results")
    def _chosen(self, event: LineList.RowSelected) -> None:
        go_to_hit(self, self.hits[event.row])

    def action_to_results(self) -> None:
        results = self.query_one("#search-results", LineList)
        if self.hits and not results.has_focus:
            results.focus()

    def action_back(self) -> None:
        results = self.query_one("#search-results", LineList)
        if results.has_focus:
            self.query_one("#search-query", Input).focus()
            return
        self.dismiss()


def hit_text(hit: SearchHit) -> tuple[Text, Text]:
    """Two lines: when, where and what kind; then the words found, highlighted. User text is
    styled, never parsed as markup."""
    text = Text()
    when = f"{hit.meeting_date:%a %d %b %Y}" if hit.meeting_date else "no meeting"
    text.append(f"{when}  ", style="bold")
    if hit.confidential:  # first, so that a long title never hides it
        text.append("PART II", style="bold reverse")
        text.append("  ")
    text.append(f"{hit.body_label}  ", style="bold")
    text.append(hit.item_label or hit.meeting_title or "—")
    text.append(f"  · {hit.kind.label}", style="italic")
    snippet = Text("    ")
    for piece, matched in snippet_parts(hit.snippet):
        snippet.append(piece, style="bold reverse" if matched else "")
    return text, snippet


def go_to_hit(screen: SearchScreen, hit: SearchHit) -> None:
    """Leave the search for the meeting and item found. A meeting whose live screen is open
    already is gone back to, never opened twice (two editors on one minute would fight)."""
    from screens.live import LiveScreen

    app = screen.app
    if hit.meeting_id is None:
        app.notify("That action came from an imported tracker and has no meeting in this book; the action "
                   "tracker (k on a meeting) lists it.", severity="warning", markup=False)
        return
    stack = app.screen_stack
    below = stack[-2] if len(stack) >= 2 else None
    open_live = [s for s in stack if isinstance(s, LiveScreen) and s.meeting_id == hit.meeting_id]
    if open_live and open_live[-1] is not below:
        app.notify("That meeting is open already, further back: Escape goes back to it.", severity="warning",
                   markup=False)
        return
    screen.dismiss()
    if open_live:
        live = open_live[-1]
        if live.record is not None and live.record.live:
            if hit.item_id is not None and hit.item_id != live.record.current_item_id:
                app.notify(f"The meeting is live, so it stays on the item in progress; {hit.item_label} "
                           "is on its agenda (Ctrl+G goes to it).", markup=False)
        elif hit.item_id is not None:
            live.take(hit.item_id)  # after the meeting: shows that item's minute, changes no times
        return
    app.open_meeting(hit.meeting_id, item_id=hit.item_id)
