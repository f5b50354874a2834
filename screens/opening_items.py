"""F12 on a standing item: the usual sentence(s), written from what was recorded.

On the action tracker the open actions are reviewed first (an update and a status each,
closure where agreed) and the minute says what the meeting did with them; on the previous
minutes the approval (and any amendments) is recorded first; on the interests item the
register's confirmation and any gifts or hospitality are asked first. Each runs in the live
screen's worker (it waits for dialogs) and returns the text to insert, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.actions import actions_with_status
from db.meetings import previous_meeting
from db.record import read_record
from db.rows import Refused
from secretary.actions import reviewed_minute
from secretary.models import AgendaItem, MeetingStatus
from secretary.standing import Standing

if TYPE_CHECKING:
    from screens.live import LiveScreen


async def usual_text(screen: LiveScreen, item: AgendaItem) -> tuple[str, bool] | None:
    """(the text, whether it goes at the end of the notes) for this standing item; None if the
    clerk backed out or there is no usual text (the clerk is told)."""
    kind = item.standing
    if kind is Standing.action_tracker:
        return await review_actions(screen), True
    amendments = ""
    if kind is Standing.previous_minutes and screen.record.previous_date is not None:
        answer = await approve_previous(screen)
        if answer is None:
            return None
        amendments = answer
    if kind is Standing.interests and not await confirm_register(screen):
        return None
    text = screen.record.standard_text(item, amendments)
    if text is None:
        screen.notify("There is no standard text for this item; type the minute.", markup=False)
        return None
    return text, False


async def review_actions(screen: LiveScreen) -> str:
    """Each open action gets its update and status (u) and closure where agreed (c); the minute
    is then written from what was recorded."""
    from screens.tracker import TrackerScreen

    record = screen.record
    today = record.meeting.date
    await screen.app.push_screen_wait(TrackerScreen(record.body, today=today, meeting_id=screen.meeting_id))
    actions, statuses = actions_with_status(screen.app.book, record.body.id, today)
    return reviewed_minute(actions, statuses, screen.meeting_id)


async def approve_previous(screen: LiveScreen) -> str | None:
    """The previous meeting's minutes approved, with any amendments. Returns the amendments
    ("" for none), or None if the clerk backed out."""
    from screens.tracker import TextForm

    record = screen.record
    previous = previous_meeting(screen.app.book, record.meeting)
    amendments = await screen.app.push_screen_wait(TextForm(
        f"Minutes of {previous.date:%d %B %Y} approved as an accurate record?",
        "Amendments agreed (leave blank for none); Enter records the approval", previous.approval_amendments,
        check=lambda said: None))
    if amendments is None:
        return None
    if previous.status is not MeetingStatus.approved:
        try:
            screen.app.desk.approve_minutes(previous.id, by_meeting_id=screen.meeting_id, on=record.meeting.date,
                                            amendments=amendments)
        except Refused as e:
            screen.notify(e.message, severity="warning", markup=False)
    return amendments


async def confirm_register(screen: LiveScreen) -> bool:
    """The register of interests confirmed up to date, and gifts or hospitality; False if the
    clerk backed out."""
    from screens.live_dialogs import RegisterConfirmation

    meeting = screen.record.meeting
    answer = await screen.app.push_screen_wait(
        RegisterConfirmation(meeting.register_confirmed, meeting.gifts_hospitality))
    if answer is None:
        return False
    screen.app.desk.set_register_confirmation(screen.meeting_id, *answer)
    screen.show(read_record(screen.app.book, screen.meeting_id))
    return True
