"""Who is in the chair (secretary/chair.py): the Chair by default, whoever the clerk recorded
taking it until the Chair comes back; the quorum's "the Chair or Deputy Chair" asks them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from secretary.chair import Chairing, chair_lines, in_the_chair, presiding_at_start, spells
from secretary.models import AttendanceStatus, Movement, MovementKind, Phase
from secretary.quorum import Presiding, quorum_for_item
from tests.domain.test_quorum import MEETING_DAY, MEETING_ID, attending, northbridge_rule, present, read_roster

START = datetime(2025, 3, 21, 10, 0, tzinfo=UTC)
TAKEN = tuple(range(1, 15))  # item ids 1..14, taken in order; item n is printed "n"
NUMBERS = {n: str(n) for n in TAKEN}
# the eight who make the Board exactly quorate, and the Deputy Chair: HM can leave and PN take over
ROLL = ["HM", "PN", "OC", "MK", "SO", "RD", "DM", "CB", "NF"]


@pytest.fixture(scope="module")
def seats():
    return read_roster()


@pytest.fixture(scope="module")
def ids(seats):
    return {seat.person.initials: seat.person.id for seat in seats}


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


def moved(ids, who: str, kind: MovementKind, minutes: int, item: int, phase: Phase = Phase.during) -> Movement:
    return Movement(meeting_id=MEETING_ID, person_id=ids[who], kind=kind, at=at(minutes), item_id=item, phase=phase)


def chaired(ids, who: str | None, minutes: int, item: int) -> Chairing:
    return Chairing(meeting_id=MEETING_ID, person_id=ids[who] if who else None, item_id=item, at=at(minutes))


def quorum(seats, ids, movements, chairing, until=None, roll=ROLL):
    attendance = attending(ids, roll)
    presiding = in_the_chair(seats, attendance, movements, chairing, on=MEETING_DAY, until=until)
    return quorum_for_item(northbridge_rule(), seats, attendance, movements, [], on=MEETING_DAY, item_id=9,
                           until=until, presiding=presiding)


def test_the_chair_chairs_unless_the_clerk_records_otherwise(seats, ids) -> None:
    attendance = attending(ids, ROLL)
    assert presiding_at_start(seats, attendance, MEETING_DAY) == ids["HM"]
    assert in_the_chair(seats, attendance, [], [], on=MEETING_DAY) == Presiding(ids["HM"])
    assert quorum(seats, ids, [], []).quorate


def test_the_deputy_chairs_a_meeting_the_chair_sent_apologies_for(seats, ids) -> None:
    attendance = attending(ids, ROLL[1:]) + [present(ids, "HM", AttendanceStatus.apologies)]
    assert presiding_at_start(seats, attendance, MEETING_DAY) == ids["PN"]
    assert in_the_chair(seats, attendance, [], [], on=MEETING_DAY) == Presiding(ids["PN"])


def test_the_chair_leaving_with_no_one_taking_it_leaves_the_chair_empty(seats, ids) -> None:
    left = [moved(ids, "HM", MovementKind.left, 10, 9)]
    result = quorum(seats, ids, left, [])
    # PN is in the room, but no one is in the chair: the rule cannot be met by her presence alone
    assert not result.quorate
    assert "no one in the chair" in result.missing
    assert result.badge() == "INQUORATE: no one in the chair"
    # before the Chair left, the Chair was in it
    assert quorum(seats, ids, left, [], until=at(5)).quorate


def test_the_deputy_taking_the_chair_meets_the_rule(seats, ids) -> None:
    left = [moved(ids, "HM", MovementKind.left, 10, 9)]
    result = quorum(seats, ids, left, [chaired(ids, "PN", 10, 9)])
    assert result.quorate, result.missing
    attendance = attending(ids, ROLL)
    assert in_the_chair(seats, attendance, left, [chaired(ids, "PN", 10, 9)], on=MEETING_DAY) == Presiding(ids["PN"])


def test_someone_in_the_chair_whose_seat_does_not_qualify_is_said_plainly(seats, ids) -> None:
    left = [moved(ids, "HM", MovementKind.left, 10, 9)]
    result = quorum(seats, ids, left, [chaired(ids, "OC", 10, 9)])
    assert not result.quorate
    assert "needs the Chair or Deputy Chair in the chair" in result.missing


def test_the_one_in_the_chair_leaving_empties_it(seats, ids) -> None:
    movements = [moved(ids, "HM", MovementKind.left, 10, 9), moved(ids, "PN", MovementKind.left, 20, 10)]
    result = quorum(seats, ids, movements, [chaired(ids, "PN", 10, 9)], roll=ROLL + ["GA"])
    assert result.missing == ("no one in the chair",)


def test_the_chair_coming_back_resumes_the_chair(seats, ids) -> None:
    movements = [moved(ids, "HM", MovementKind.left, 10, 9), moved(ids, "HM", MovementKind.returned, 40, 12)]
    chairing = [chaired(ids, "PN", 10, 9)]
    attendance = attending(ids, ROLL)
    assert in_the_chair(seats, attendance, movements, chairing, on=MEETING_DAY) == Presiding(ids["HM"])
    assert in_the_chair(seats, attendance, movements, chairing, on=MEETING_DAY, until=at(30)) == Presiding(ids["PN"])
    found = spells(seats, attendance, movements, chairing, TAKEN, on=MEETING_DAY)
    assert [(s.person_id, s.first_item, s.last_item, s.resumed_at) for s in found] == [(ids["PN"], 9, 11, 12)]
    initials = {i: s.person.initials for s in seats for i in [s.person.id]}
    assert chair_lines(9, found, initials, NUMBERS, ids["HM"], TAKEN) == ["PN took the chair for items 9 to 11."]
    assert chair_lines(12, found, initials, NUMBERS, ids["HM"], TAKEN) == ["HM resumed the chair."]
    assert chair_lines(10, found, initials, NUMBERS, ids["HM"], TAKEN) == []


def test_a_return_at_the_end_of_an_item_leaves_that_item_to_the_one_chairing(seats, ids) -> None:
    movements = [moved(ids, "HM", MovementKind.left, 10, 9),
                 moved(ids, "HM", MovementKind.returned, 40, 10, Phase.end)]
    found = spells(seats, attending(ids, ROLL), movements, [chaired(ids, "PN", 10, 9)], TAKEN, on=MEETING_DAY)
    initials = {s.person.id: s.person.initials for s in seats}
    assert chair_lines(9, found, initials, NUMBERS, ids["HM"], TAKEN) == ["PN took the chair for items 9 and 10."]
    assert chair_lines(11, found, initials, NUMBERS, ids["HM"], TAKEN) == ["HM resumed the chair."]


def test_the_chair_never_back_is_the_remainder_of_the_meeting(seats, ids) -> None:
    movements = [moved(ids, "HM", MovementKind.left, 10, 9)]
    found = spells(seats, attending(ids, ROLL), movements, [chaired(ids, "PN", 10, 9)], TAKEN, on=MEETING_DAY)
    initials = {s.person.id: s.person.initials for s in seats}
    assert chair_lines(9, found, initials, NUMBERS, ids["HM"], TAKEN) == [
        "PN took the chair for the remainder of the meeting."]


def test_a_withdrawal_for_one_item_is_one_item_in_the_chair(seats, ids) -> None:
    movements = [moved(ids, "HM", MovementKind.withdrew, 10, 9, Phase.start),
                 moved(ids, "HM", MovementKind.returned, 25, 9, Phase.end)]
    found = spells(seats, attending(ids, ROLL), movements, [chaired(ids, "PN", 10, 9)], TAKEN, on=MEETING_DAY)
    initials = {s.person.id: s.person.initials for s in seats}
    assert chair_lines(9, found, initials, NUMBERS, ids["HM"], TAKEN) == ["PN took the chair for item 9."]
    assert chair_lines(10, found, initials, NUMBERS, ids["HM"], TAKEN) == ["HM resumed the chair."]
    # said where it happened: taking the chair at the start of item 9 (with the withdrawal),
    # the Chair back for the start of item 10 (having returned at the end of item 9)
    assert chair_lines(9, found, initials, NUMBERS, ids["HM"], TAKEN, Phase.during) == []
    assert chair_lines(9, found, initials, NUMBERS, ids["HM"], TAKEN, Phase.start) == ["PN took the chair for item 9."]
    assert chair_lines(10, found, initials, NUMBERS, ids["HM"], TAKEN, Phase.start) == ["HM resumed the chair."]


def test_before_the_chair_is_here_the_rule_asks_for_the_chair_or_deputy_in_the_room(seats, ids) -> None:
    roll = [r for r in ROLL if r not in ("HM", "PN")] + ["GA"]
    attendance = attending(ids, roll) + [present(ids, "HM", AttendanceStatus.expected)]
    assert in_the_chair(seats, attendance, [], [], on=MEETING_DAY) is None
    result = quorum_for_item(northbridge_rule(), seats, attendance, [], [], on=MEETING_DAY, item_id=None,
                             presiding=in_the_chair(seats, attendance, [], [], on=MEETING_DAY))
    assert result.badge() == "INQUORATE: no Chair or Deputy Chair in the room"


def test_the_one_in_the_chair_leaving_ends_their_spell_where_they_left(seats, ids) -> None:
    movements = [moved(ids, "HM", MovementKind.left, 10, 9), moved(ids, "PN", MovementKind.left, 20, 10),
                 moved(ids, "HM", MovementKind.returned, 40, 12)]
    found = spells(seats, attending(ids, ROLL), movements, [chaired(ids, "PN", 10, 9)], TAKEN, on=MEETING_DAY)
    initials = {s.person.id: s.person.initials for s in seats}
    assert chair_lines(9, found, initials, NUMBERS, ids["HM"], TAKEN) == ["PN took the chair for items 9 and 10."]
    # the chair was empty when the Chair came back: nothing to resume from anyone
    assert chair_lines(12, found, initials, NUMBERS, ids["HM"], TAKEN) == []
