"""A clerk at a live meeting, scripted, for the fault tests: the app runs headless and is
driven by keys the way a clerk drives it; every change the app reports saved is printed
as an acknowledgement ("ack …") the moment the book has it.

    python clerk.py serve
        a fork server for the kill -9 trials: imports everything once, then for each line
        ``run LANE BOOK MEETING SEED`` forks a child that opens BOOK, resumes the live
        meeting (printing what it resumed on), prints ``ready`` and makes random edits until
        it is killed. The parent prints ``LANE pid PID``; ``reap LANE PID`` waits for it.

    python clerk.py commands BOOK MEETING
        one session driven by commands on stdin, one per line (see ``COMMANDS``), each
        answered with ``done …`` — for the disk-full, read-only and deleted-book tests.

Each output line is written with a single ``os.write``, so the lines of a process killed
mid-way are whole or absent.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import random
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from textual import events  # noqa: E402
from textual.widgets import Input, TextArea  # noqa: E402

from db import Book  # noqa: E402
from screens.action_form import ActionForm  # noqa: E402
from screens.app import SecretaryApp  # noqa: E402
from screens.chair_picker import ChairPicker  # noqa: E402
from screens.confirm import ConfirmScreen  # noqa: E402
from screens.decision_form import DecisionForm  # noqa: E402
from screens.declaration_form import DeclarationForm  # noqa: E402
from screens.live import LiveScreen  # noqa: E402
from screens.live_bar import LiveBar  # noqa: E402
from screens.live_dialogs import PublicForm  # noqa: E402
from screens.meeting import MeetingScreen  # noqa: E402,F401 — imported before forking, not in each child
from screens.movement_form import MovementForm  # noqa: E402
from secretary.room import room_lists  # noqa: E402

WORDS = ("the Board noted the report and asked for assurance on the year end position "
         "members discussed the risks to delivery and the plan for winter pressures").split()
SIZE = (120, 36)


def say(*parts: object) -> None:
    os.write(1, (" ".join(str(p) for p in parts) + "\n").encode())


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def acknowledge_saves(app: SecretaryApp, prefix: str = "") -> None:
    """Print an ack for every change the app's desk reports saved, as it returns."""
    original = app.desk.hold

    def hold(change):
        outcome = original(change)
        if outcome.saved:
            name, args, kwargs = change.write.__name__, change.args, change.kwargs
            if name == "save_minute_text" and "notes" in kwargs:
                say(f"{prefix}ack notes {args[0]} {len(kwargs['notes'])}")
            elif name == "take_item":
                say(f"{prefix}ack item {args[1]}")
            elif getattr(outcome.value, "id", None) is not None:
                table = {"record_movement": "movement", "record_decision": "decision", "raise_action": "action",
                         "record_declaration": "declaration", "link_line": "movement_line"}.get(name, name)
                say(f"{prefix}ack row {table} {outcome.value.id}")
        return outcome

    app.desk.hold = hold


# --- driving the live screen ---------------------------------------------------------------


async def key(pilot, name: str) -> None:
    """One key, sent as the terminal sends it, without the pilot's wait for idleness."""
    char = {"space": " ", "enter": "\r"}.get(name, name if len(name) == 1 else None)
    event = events.Key(name, char)
    event.set_sender(pilot.app)
    pilot.app._driver.send_message(event)
    await asyncio.sleep(0.01)  # a fast typist: 100 keys a second


async def keys(pilot, text: str) -> None:
    for ch in text:
        await key(pilot, "space" if ch == " " else ch)


async def until(pilot, test, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.005)):
        if test():
            return
        await asyncio.sleep(0.005)
    raise TimeoutError(f"the app did not get there: {pilot.app.screen}")


async def open_form(pilot, press: str, form: type) -> None:
    await key(pilot, press)
    await until(pilot, lambda: isinstance(pilot.app.screen, form))
    await pilot.pause()


async def back_to_live(pilot) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, LiveScreen))
    await pilot.pause()


async def type_notes(pilot, text: str) -> None:
    await keys(pilot, text)
    notes = pilot.app.screen.query_one("#notes", TextArea)
    await until(pilot, lambda: notes.text.endswith(text))
    await pilot.pause()


async def movement(pilot, press: str, initials: str) -> None:
    await open_form(pilot, press, MovementForm)
    await keys(pilot, initials)
    await pilot.pause()
    await key(pilot, "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, (LiveScreen, ChairPicker)))
    if isinstance(pilot.app.screen, ChairPicker):  # the one chairing left: the first offered takes the chair
        await pilot.pause()
        await key(pilot, "enter")
    await back_to_live(pilot)


async def decision(pilot, verb: str, text: str) -> None:
    await open_form(pilot, "f6", DecisionForm)
    await keys(pilot, verb)
    await key(pilot, "enter")
    await keys(pilot, text)
    await pilot.pause()
    await key(pilot, "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, (LiveScreen, ConfirmScreen)))
    if isinstance(pilot.app.screen, ConfirmScreen):  # inquorate: record it as such
        await pilot.pause()
        await key(pilot, "enter")
    await back_to_live(pilot)


async def action(pilot, text: str, owners: str, due: str = "TBC") -> None:
    await open_form(pilot, "f7", ActionForm)
    await keys(pilot, text)
    await key(pilot, "enter")
    await keys(pilot, owners)
    await key(pilot, "enter")
    await keys(pilot, due)
    await pilot.pause()
    await key(pilot, "enter")
    await back_to_live(pilot)


async def declaration(pilot, initials: str, interest: str) -> None:
    await open_form(pilot, "f8", DeclarationForm)
    await keys(pilot, initials)
    await pilot.pause()
    await key(pilot, "enter")
    await pilot.pause()
    form = pilot.app.screen
    field = form.query_one("#interest", Input)
    field.focus()
    await keys(pilot, interest)
    await until(pilot, lambda: field.value == interest)
    await key(pilot, "ctrl+s")
    await back_to_live(pilot)


async def public(pilot, in_person: int, remote: int) -> None:
    await open_form(pilot, "ctrl+o", PublicForm)
    await keys(pilot, str(in_person))
    await key(pilot, "enter")
    await keys(pilot, str(remote))
    await key(pilot, "enter")
    await back_to_live(pilot)


async def next_item(pilot) -> None:
    await key(pilot, "ctrl+n")
    await pilot.pause()


def live_screen(app) -> LiveScreen:
    screen = app.screen
    assert isinstance(screen, LiveScreen), screen
    return screen


def screen_text(app) -> str:
    """What the live screen says about saving, and the notifications shown."""
    screen = app.screen
    parts = []
    bars = screen.query(LiveBar)
    if bars:
        parts += [bars.first().part("saved"), bars.first().part("trouble")]
    parts += [f"[{n.title}] {n.message}" for n in app._notifications]
    return " | ".join(parts)


# --- kill -9 trials ----------------------------------------------------------------------


async def random_edits(pilot, rng: random.Random) -> None:
    """Edit the live meeting at random until killed: notes, arrivals and departures,
    decisions, actions, declarations, and moving on to the next item."""
    app = pilot.app
    n = 0
    while True:
        n += 1
        live = live_screen(app)
        state = live.record
        inside, out, waiting = room_lists(state)
        initials = lambda rows: [state.people[r.person_id].initials for r in rows]  # noqa: E731
        roll = rng.random()
        if roll < 0.40 or state.current_item is None:
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))) + " "
            say("typed", live.editing_item, json.dumps(words))
            await type_notes(pilot, words)
        elif roll < 0.55 and (waiting or out or inside):
            if inside and (rng.random() < 0.3 or not (waiting or out)):
                await movement(pilot, "f3", rng.choice(initials(inside)))
            else:
                await movement(pilot, "f2", rng.choice(initials(waiting + out)))
        elif roll < 0.68:
            await decision(pilot, rng.choice(["noted", "app", "agreed"]), f"the report {n}")
        elif roll < 0.80:
            await action(pilot, f"Follow up point {n}", rng.choice(["CB", "NF", "HM, PN", "VCSE lead"]))
        elif roll < 0.90 and inside:
            await declaration(pilot, rng.choice(initials(inside)), f"Interest {n} in the item")
        else:
            ordered = [i.id for i in state.ordered]
            position = ordered.index(state.current_item.id)
            if position + 1 < len(ordered):
                say("moving", ordered[position + 1])
                await next_item(pilot)


async def trial(path: str, meeting_id: int, seed: int) -> None:
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen) and app.screen.record is not None)
        await pilot.pause()
        live = live_screen(app)
        notes = live.query_one("#notes", TextArea).text
        say("resumed", live.editing_item, len(notes), digest(notes))
        acknowledge_saves(app)
        say("ready")
        await random_edits(pilot, random.Random(seed))


def serve() -> None:
    say("serving")
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "run":
            lane, path, meeting_id, seed = words[1], words[2], int(words[3]), int(words[4])
            pid = os.fork()
            if pid == 0:  # the child: the app doing the writes, the one that gets killed
                try:
                    asyncio.run(trial(path, meeting_id, seed))
                except BaseException as error:  # noqa: BLE001 — told to the test, which fails
                    say("error", repr(error))
                finally:
                    os._exit(1)
            say(lane, "pid", pid)
        elif words[0] == "reap":
            _, status = os.waitpid(int(words[2]), 0)
            say(words[1], "reaped", words[2], status)
        elif words[0] == "quit":
            return


# --- one session driven by commands ----------------------------------------------------------


async def commands(path: str, meeting_id: int) -> None:
    """Commands: type TEXT | arrive INITIALS | leave INITIALS | decide VERB TEXT |
    action TEXT | declare INITIALS TEXT | public N M | next | retry | wait SECONDS |
    limit BYTES (RLIMIT_FSIZE) | unlimit | screen | quit"""
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen) and app.screen.record is not None)
        await pilot.pause()
        acknowledge_saves(app)
        say("ready")
        loop = asyncio.get_running_loop()
        while True:
            reading = loop.run_in_executor(None, sys.stdin.readline)
            while not reading.done() and app.return_code is None:
                await asyncio.sleep(0.02)
            if app.return_code is not None:  # stopped by a signal, as the app is run from the CLI
                app.book.close()
                say("stopped", app.return_code)
                os._exit(app.return_code)
            line = reading.result()
            if not line:
                break
            verb, _, rest = line.rstrip("\n").partition(" ")
            if verb == "type":
                await type_notes(pilot, rest)
            elif verb == "arrive":
                await movement(pilot, "f2", rest)
            elif verb == "leave":
                await movement(pilot, "f3", rest)
            elif verb == "decide":
                said, _, text = rest.partition(" ")
                await decision(pilot, said, text)
            elif verb == "action":
                await action(pilot, rest, "CB")
            elif verb == "declare":
                who, _, text = rest.partition(" ")
                await declaration(pilot, who, text)
            elif verb == "public":
                a, b = rest.split()
                await public(pilot, int(a), int(b))
            elif verb == "next":
                await next_item(pilot)
            elif verb == "retry":
                app.saver.retry()
                await pilot.pause()
            elif verb == "wait":
                await asyncio.sleep(float(rest))
                await pilot.pause()
            elif verb == "limit":
                resource.setrlimit(resource.RLIMIT_FSIZE, (int(rest), resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
            elif verb == "unlimit":
                hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
                resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
            elif verb == "quit":
                break
            live = app.screen
            notes = live.query_one("#notes", TextArea).text if isinstance(live, LiveScreen) else ""
            say("done", verb, json.dumps({"waiting": len(app.saver.waiting), "notes": notes,
                                          "screen": screen_text(app)}))
    app.book.close()
    say("closed")


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve()
    elif sys.argv[1] == "commands":
        asyncio.run(commands(sys.argv[2], int(sys.argv[3])))
