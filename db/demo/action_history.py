"""The large demo's actions: numbered on across a body's meetings, updated at the meetings after
them and closed once complete; and the action tracker's minute at each meeting."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import TYPE_CHECKING

from db.demo import busy_board as words_for
from db.demo.busy_board import Words
from db.rows import to_row
from secretary.actions import tracker_minute
from secretary.models import Action, ActionOwner, ActionStatus, ActionUpdate, Body, Seat

if TYPE_CHECKING:
    from db.demo.years import Held, Writer



def record_actions(w: Writer, body: Body, seats: list[Seat], held: list[Held], noun: str) -> None:
    """About twenty actions a meeting, numbered on from 1 across the body's meetings; each is updated
    at the meetings after it and closed once complete — except those raised lately, still open."""
    rng = w.rng
    voting = [s for s in seats if s.membership.group.value != "in_attendance"] or seats
    number = 0
    closing: dict[int, list[Action]] = defaultdict(list)  # meeting index -> actions closed there
    reviewed: dict[int, list[tuple[Action, ActionStatus]]] = defaultdict(list)
    for index, one in enumerate(held):
        words = Words(rng, one.meeting.date, noun, "")
        candidates = one.topic_items
        for _ in range(rng.randint(14, 26) if candidates else 0):
            item, phrase, topic = rng.choice(candidates)
            number += 1
            owners = rng.sample(voting, k=rng.choice((1, 1, 1, 2)))
            # complete at the meeting ``lasting`` after this one, closed at the next
            lasting = rng.choices((1, 2, 3, 4, 6), weights=(35, 30, 20, 10, 5))[0]
            later = held[index + 1:index + 2 + lasting]
            due_meeting = later[min(len(later) - 1, rng.randint(0, 2))].meeting if later else None
            due = due_meeting.date if due_meeting else one.meeting.date + timedelta(days=60)
            action_id = w.new_id("action")
            updates: list[ActionUpdate] = []
            status, closed_on, closed_by = ActionStatus.not_yet_due, None, None
            for step, meeting in enumerate(m.meeting for m in later):
                if step + 1 < lasting:
                    status = ActionStatus.outstanding if meeting.date > due else ActionStatus.in_progress
                elif step + 1 == lasting:
                    status = ActionStatus.complete
                else:
                    status, closed_on, closed_by = ActionStatus.closed, meeting.date, meeting.id
                text = "Closure agreed." if status is ActionStatus.closed else \
                    words_for.update_text(Words(rng, meeting.date, noun, ""), status.value)
                updates.append(ActionUpdate(id=w.new_id("action_update"), action_id=action_id,
                                            meeting_id=meeting.id, given_on=meeting.date, text=text,
                                            status=status))
            position_text = next((u.text for u in reversed(updates) if u.status is not ActionStatus.closed), "")
            past = ()
            if rng.random() < 0.1 and updates:
                past = ({"due_text": f"{one.meeting.date + timedelta(days=30):%d/%m/%Y}",
                         "due_date": one.meeting.date + timedelta(days=30), "replaced_on": updates[0].given_on},)
            action = Action(
                id=action_id, body_id=body.id, number=number, meeting_id=one.meeting.id, item_id=item.id,
                meeting_date=one.meeting.date, item_title=item.title, text=words_for.action_text(words, phrase),
                owners=tuple(ActionOwner(person_id=s.person.id, name=s.person.initials) for s in owners),
                due_text=f"{due:%d/%m/%Y}", due_date=due, status=status, position_text=position_text,
                closed_on=closed_on, closed_by_meeting_id=closed_by, past_deadlines=past,
            )
            w.rows["action"].append(to_row(action, exclude={"owners", "past_deadlines"}))
            for position, owner in enumerate(action.owners):
                w.rows["action_owner"].append({"action_id": action_id, "position": position, **to_row(owner)})
            for position, deadline in enumerate(action.past_deadlines):
                w.rows["action_deadline"].append({"action_id": action_id, "position": position,
                                                     **to_row(deadline)})
            for where, update in enumerate(updates, start=index + 1):
                w.add("action_update", update)
                if update.status is ActionStatus.closed:
                    closing[where].append(action)
                else:
                    reviewed[where].append((action, update.status))
            w.counts.actions += 1
            w.counts.updates += len(updates)
    if number:
        w.rows["action_counter"].append({"body_id": body.id, "last_number": number})
    # the tracker item's minute at each meeting, from what it recorded
    for index, one in enumerate(held):
        if one.tracker_item is None:
            continue
        closed = closing.get(index, [])
        open_ones = reviewed.get(index, [])
        actions = [a for a in closed] + [a for a, _ in open_ones]
        statuses = {a.id: s for a, s in open_ones}
        notes = f"The {noun} noted the action tracker. " + tracker_minute(actions, statuses,
                                                                           {a.id for a in closed})
        one.minutes[one.tracker_item]["notes"] = notes
        w.counts.minutes_chars += len(notes)
    for one in held:
        w.rows["minute"].extend(one.minutes.values())
