"""Who is in the room: in person and remote (● counts for quorum), who stepped out or left and
when, who has not been ticked, apologies, and the public."""

from __future__ import annotations

from rich.text import Text

from secretary.models import AttendanceStatus
from secretary.room import STEPPED_OUT, room_lists
from screens.live_view import LiveView, Showing
from screens.text_lines import TextLines


class LiveRoom(LiveView, TextLines):
    """Lines in one widget that scrolls (the clerk can Tab to it), wrapped to the pane."""

    def __init__(self, **kwargs) -> None:
        super().__init__(wrap=True, **kwargs)

    def draw(self, showing: Showing) -> None:
        record = showing.record
        inside, out, waiting = room_lists(record)
        counted = record.quorum().counted_ids
        text = Text()
        text.append(f"In the room ({len(inside)})\n", style="bold")
        in_person = [r for r in inside if r.status is not AttendanceStatus.remote]
        remote = [r for r in inside if r.status is AttendanceStatus.remote]
        for heading, rows in ((None, in_person), (f"Remote ({len(remote)})", remote)):
            if heading and rows:
                text.append(f"{heading}\n", style=self.themed("bold $accent"))
            for row in rows:
                person = record.people[row.person_id]
                text.append(f"{'●' if row.person_id in counted else '·'} {person.initials:<5} ")
                text.append(_short(person.name, 14) + "\n")
        if out:
            text.append(f"\nOut ({len(out)})\n", style="bold")
            for row in out:
                person = record.people[row.person_id]
                last = [m for m in record.movements if m.person_id == row.person_id][-1]
                word = "out" if last.note == STEPPED_OUT else last.kind.value
                text.append(f"  {person.initials:<5} {word} {last.at.astimezone(showing.now.tzinfo):%H.%M}\n")
        if waiting:
            text.append(f"\nNot ticked ({len(waiting)})\n", style="bold")
            text.append("  " + ", ".join(record.people[r.person_id].initials for r in waiting) + "\n", style="dim")
        apologies = [r for r in record.attendance if r.status is AttendanceStatus.apologies]
        if apologies:
            text.append(f"\nApologies ({len(apologies)})\n", style="bold")
            text.append("  " + ", ".join(record.people[r.person_id].initials for r in apologies) + "\n",
                        style="dim")
        meeting = record.meeting
        text.append(f"\nPublic: {meeting.public_in_person} in person, {meeting.public_remote} remote\n")
        text.append("● counts for quorum", style="dim")
        self.show(text.split("\n"))


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
