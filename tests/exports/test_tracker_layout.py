"""The tracker's layout (issue 16 item 13): a RAG key, owners' full names, "Complete –
propose closure at the next meeting (date)", closed actions in their own section (those
the last meeting closed), a title naming the meeting "in PUBLIC"."""

from __future__ import annotations

from datetime import date

from secretary.exports.tracker import build_tracker, to_markdown
from secretary.models import Action, ActionOwner, ActionStatus, Person

PEOPLE = {7: Person(id=7, name="Neil Foster", initials="NF"), 8: Person(id=8, name="Joanna Price", honorific="Dr",
                                                                        initials="JP")}


def action(number: int, status: ActionStatus, **extra) -> Action:
    return Action(id=number, body_id=1, number=number, text=f"Action {number}", status=status,
                  owners=(ActionOwner(person_id=7, name="NF"), ActionOwner(name="VCSE lead")), **extra)


def test_the_tracker_layout() -> None:
    actions = [action(1, ActionStatus.complete), action(2, ActionStatus.in_progress),
               action(3, ActionStatus.closed, closed_on=date(2024, 12, 13)),
               action(4, ActionStatus.closed, closed_on=date(2024, 9, 27))]
    tracker = build_tracker("Northbridge ICB", actions, {}, today=date(2025, 3, 1), next_meeting=date(2025, 3, 21),
                            people=PEOPLE, meeting_title="Meeting of the Board of the ICB in public",
                            meeting_date=date(2025, 3, 21), closed_since=date(2024, 12, 13))
    assert tracker.subtitle == "Meeting of the Board of the ICB in PUBLIC, Friday 21 March 2025"
    assert [r.cells[0] for r in tracker.open_rows] == ["1", "2"]
    assert [r.cells[0] for r in tracker.closed_rows] == ["3"]  # 4 was closed before the last meeting
    assert tracker.open_rows[0].cells[4] == "Neil Foster, VCSE lead"
    assert tracker.open_rows[0].cells[8] == "Complete – propose closure at the next meeting (Friday 21 March 2025)"
    assert tracker.open_rows[1].cells[8] == "In progress (Amber)"
    md = to_markdown(tracker).decode()
    assert "| Red | Outstanding: not on track or past its deadline |" in md
    assert md.index("### Open actions") < md.index("| 2 |") < md.index("### Closed actions") < md.index("| 3 |")


def test_the_confidential_tracker_marks_part_two() -> None:
    actions = [action(1, ActionStatus.in_progress, item_title="Estates: disposal"), action(2, ActionStatus.in_progress)]
    public = build_tracker("Board", actions, {}, today=date(2025, 3, 1), part_two={1})
    assert [r.cells[0] for r in public.rows] == ["2"] and "Estates" not in to_markdown(public).decode()
    marked = build_tracker("Board", actions, {}, today=date(2025, 3, 1), part_two={1}, confidential=True)
    assert marked.rows[0].cells[2] == "PART II – Estates: disposal" and marked.rows[0].confidential
    assert to_markdown(marked).decode().startswith("**CONFIDENTIAL**")
