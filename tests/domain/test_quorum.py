"""The quorum engine on the Northbridge board (samples/northbridge/quorum.md)."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.models import (
    Attendance,
    AttendanceStatus,
    Category,
    Declaration,
    DeclarationOutcome,
    Group,
    Membership,
    MinimumKind,
    Movement,
    MovementKind,
    Person,
    QuorumRequirement,
    QuorumRule,
    Seat,
)
from secretary.quorum import (
    conflicted_for_item,
    describe_rule,
    evaluate,
    holders_in_post,
    movements_in_room,
    quorum_for_item,
    requirement_label,
    required_number,
    rule_warnings,
    voting_seats_in_post,
)

MEETING_DAY = date(2025, 3, 21)
MEETING_ID = 7
START = datetime(2025, 3, 21, 10, 0, tzinfo=UTC)

# the eight who make the Board exactly quorate: the Chair, a non-executive, partners and executives
THRESHOLD = ["HM", "OC", "MK", "SO", "RD", "DM", "CB", "NF"]


def northbridge_rule(**changes) -> QuorumRule:
    """The Board's rule as quorum.md states it."""
    rule = QuorumRule(
        minimum_kind=MinimumKind.more_than_half,
        requirements=(
            QuorumRequirement(label="the Chair or Deputy Chair", categories=(Category.chair, Category.deputy_chair)),
            QuorumRequirement(label="executive", categories=(Category.executive,)),
            # the Deputy Chair is a non-executive member
            QuorumRequirement(label="non-executive", categories=(Category.non_executive, Category.deputy_chair)),
            QuorumRequirement(label="partner member", categories=(Category.partner,)),
        ),
        remote_counts=True,
        deputies_count=True,
        conflicted_count=False,
    )
    return rule.model_copy(update=changes)


def read_roster() -> list[Seat]:
    text = files("secretary.data.northbridge").joinpath("roster.csv").read_text(encoding="utf-8")
    seats = []
    for number, row in enumerate(csv.DictReader(text.splitlines()), start=1):
        person = Person(id=number, body_id=1, name=row["name"], honorific=row["honorific"], initials=row["initials"])
        membership = Membership(
            person_id=number,
            category=Category(row["category"]),
            role=row["role"],
            voting=row["voting"] == "yes",
            group=Group(row["group"]),
        )
        seats.append(Seat(person=person, membership=membership))
    return seats


@pytest.fixture(scope="module")
def rule() -> QuorumRule:
    return northbridge_rule()


@pytest.fixture(scope="module")
def seats() -> list[Seat]:
    return read_roster()


@pytest.fixture(scope="module")
def ids(seats) -> dict[str, int]:
    return {seat.person.initials: seat.person.id for seat in seats}


def present(ids, initials, status=AttendanceStatus.present, **fields) -> Attendance:
    return Attendance(meeting_id=MEETING_ID, person_id=ids[initials], status=status, **fields)


def attending(ids, initials: list[str]) -> list[Attendance]:
    return [present(ids, i) for i in initials]


# --- the rule for the current membership ---------------------------------------------


def test_roster_has_fourteen_voting_members_in_post(seats) -> None:
    assert len(seats) == 23
    assert len(voting_seats_in_post(seats, MEETING_DAY)) == 14


def test_fourteen_in_post_need_eight(rule, seats) -> None:
    assert required_number(rule, seats, MEETING_DAY) == 8


def test_describe_rule_for_northbridge(rule, seats) -> None:
    assert describe_rule(rule, seats, MEETING_DAY) == (
        "14 voting members in post: 8 needed, including the Chair or Deputy Chair, 1 executive, "
        "1 non-executive and 1 partner member. Remote attendance counts; deputies count; "
        "members with a conflict are excluded from the item's count."
    )


def test_describe_rule_other_settings(seats) -> None:
    rule = QuorumRule(
        minimum_kind=MinimumKind.absolute,
        minimum_number=5,
        requirements=(QuorumRequirement(label="executive", categories=(Category.executive,), count=2),),
        remote_counts=False,
        deputies_count=False,
        conflicted_count=True,
    )
    assert describe_rule(rule, seats, MEETING_DAY) == (
        "14 voting members in post: 5 needed (a fixed number), including 2 executives. "
        "Remote attendance does not count; deputies do not count; "
        "members with a conflict are deemed present for the item."
    )


def test_absolute_minimum_ignores_the_size_of_the_board(seats, ids) -> None:
    rule = QuorumRule(minimum_kind=MinimumKind.absolute, minimum_number=4)
    assert required_number(rule, seats, MEETING_DAY) == 4
    assert evaluate(rule, seats, attending(ids, ["HM", "OC", "MK", "CB"]), on=MEETING_DAY).quorate
    assert not evaluate(rule, seats, attending(ids, ["HM", "OC", "MK"]), on=MEETING_DAY).quorate


def test_a_vacancy_lowers_the_number_needed(rule, seats) -> None:
    gone = [
        s.model_copy(update={"membership": s.membership.model_copy(update={"end_date": date(2025, 1, 31)})})
        if s.person.initials == "NF"
        else s
        for s in seats
    ]
    assert len(voting_seats_in_post(gone, MEETING_DAY)) == 13
    assert required_number(rule, gone, MEETING_DAY) == 7


def test_a_seat_starting_after_the_meeting_is_not_in_post(rule, seats) -> None:
    newcomer = Seat(
        person=Person(id=99, name="Nadia Vance", initials="NV"),
        membership=Membership(person_id=99, category=Category.partner, voting=True, start_date=date(2025, 4, 1)),
    )
    assert required_number(rule, seats + [newcomer], MEETING_DAY) == 8
    assert required_number(rule, seats + [newcomer], date(2025, 4, 1)) == 8  # 15 in post → 8
    ended = newcomer.model_copy(
        update={
            "membership": newcomer.membership.model_copy(update={"start_date": None, "end_date": date(2025, 3, 21)})
        }
    )
    assert len(voting_seats_in_post(seats + [ended], MEETING_DAY)) == 15  # in post on their last day


# --- the threshold ------------------------------------------------------------------------


def test_exactly_at_the_threshold_is_quorate(rule, seats, ids) -> None:
    result = evaluate(rule, seats, attending(ids, THRESHOLD), on=MEETING_DAY)
    assert result.quorate
    assert (result.counted, result.needed) == (8, 8)
    assert result.missing == ()
    assert result.counted_ids == {ids[i] for i in THRESHOLD}
    assert [r.counted for r in result.requirements] == [1, 2, 1, 4]
    assert result.summary() == "Quorate: 8 present · 8 needed"


def test_one_below_the_threshold_needs_one_more_member(rule, seats, ids) -> None:
    result = evaluate(rule, seats, attending(ids, THRESHOLD[:-1]), on=MEETING_DAY)
    assert not result.quorate
    assert result.missing == ("needs 1 more member",)
    assert result.summary() == "Inquorate: 7 present · 8 needed — needs 1 more member"


def test_enough_members_but_no_executive(rule, seats, ids) -> None:
    result = evaluate(rule, seats, attending(ids, ["HM", "PN", "OC", "GA", "MK", "SO", "RD", "DM"]), on=MEETING_DAY)
    assert not result.quorate
    assert result.counted == 8
    assert result.missing == ("needs 1 more executive",)


def test_everything_missing_is_said_in_words(rule, seats, ids) -> None:
    result = evaluate(rule, seats, attending(ids, ["CB", "NF", "MK"]), on=MEETING_DAY)
    assert result.missing == ("needs 5 more members", "needs the Chair or Deputy Chair", "needs 1 more non-executive")
    assert result.summary() == (
        "Inquorate: 3 present · 8 needed — needs 5 more members; needs the Chair or Deputy Chair; needs 1 more non-executive"
    )


def test_deputy_chair_counts_as_chair_and_non_executive(rule, seats, ids) -> None:
    result = evaluate(rule, seats, attending(ids, ["PN", "MK", "SO", "RD", "DM", "CB", "NF", "JP"]), on=MEETING_DAY)
    assert result.quorate, result.summary()


def test_nobody_is_inquorate_without_dividing_by_zero(rule, seats) -> None:
    result = evaluate(rule, seats, [], on=MEETING_DAY)
    assert (result.quorate, result.counted, result.needed) == (False, 0, 8)


def test_apologies_and_absence_do_not_count(rule, seats, ids) -> None:
    rows = attending(ids, THRESHOLD[:-1]) + [present(ids, "NF", AttendanceStatus.apologies)]
    assert evaluate(rule, seats, rows, on=MEETING_DAY).counted == 7
    rows[-1] = present(ids, "NF", AttendanceStatus.absent)
    assert evaluate(rule, seats, rows, on=MEETING_DAY).counted == 7


# --- remote members ---------------------------------------------------------------------


def test_remote_member_counts_when_the_rule_says_so(seats, ids) -> None:
    rows = attending(ids, THRESHOLD[:-1]) + [present(ids, "NF", AttendanceStatus.remote)]
    assert evaluate(northbridge_rule(remote_counts=True), seats, rows, on=MEETING_DAY).quorate


def test_remote_member_does_not_count_when_the_rule_says_not(seats, ids) -> None:
    rows = attending(ids, THRESHOLD[:-1]) + [present(ids, "NF", AttendanceStatus.remote)]
    result = evaluate(northbridge_rule(remote_counts=False), seats, rows, on=MEETING_DAY)
    assert not result.quorate
    assert result.missing == ("needs 1 more member",)
    assert ids["NF"] not in result.counted_ids


# --- deputies -------------------------------------------------------------------------------

DEPUTY = 500  # not a member: the executive's stand-in


def deputy_for(ids, initials: str, person_id: int = DEPUTY) -> Attendance:
    return Attendance(
        meeting_id=MEETING_ID, person_id=person_id, status=AttendanceStatus.present, deputy_for_id=ids[initials]
    )


def test_deputy_counts_in_place_of_the_member(seats, ids) -> None:
    rows = attending(ids, THRESHOLD[:-1]) + [present(ids, "NF", AttendanceStatus.apologies), deputy_for(ids, "NF")]
    result = evaluate(northbridge_rule(deputies_count=True), seats, rows, on=MEETING_DAY)
    assert result.quorate
    assert DEPUTY in result.counted_ids
    assert result.deputising == ((DEPUTY, ids["NF"]),)


def test_deputy_does_not_count_when_the_rule_says_not(seats, ids) -> None:
    rows = attending(ids, THRESHOLD[:-1]) + [present(ids, "NF", AttendanceStatus.apologies), deputy_for(ids, "NF")]
    result = evaluate(northbridge_rule(deputies_count=False), seats, rows, on=MEETING_DAY)
    assert not result.quorate
    assert result.missing == ("needs 1 more member",)


def test_deputy_brings_the_members_category(rule, seats, ids) -> None:
    # no executive in the room but a deputy for the Chief Executive
    rows = attending(ids, ["HM", "PN", "OC", "GA", "MK", "SO", "RD", "DM"]) + [deputy_for(ids, "CB")]
    result = evaluate(rule, seats, rows, on=MEETING_DAY)
    assert result.quorate, result.summary()
    assert result.requirements[1].counted == 1


def test_a_seat_counts_once_though_member_and_deputy_both_come(rule, seats, ids) -> None:
    rows = attending(ids, THRESHOLD[:-1]) + [deputy_for(ids, "CB"), deputy_for(ids, "CB", person_id=501)]
    result = evaluate(rule, seats, rows, on=MEETING_DAY)
    assert result.counted == 7
    assert not {DEPUTY, 501} & result.counted_ids


def test_a_deputy_does_not_take_the_seat_of_a_member_who_came(rule, seats, ids) -> None:
    # NF is here but conflicted (or out of the room): the deputy cannot count in NF's place
    rows = [deputy_for(ids, "NF")] + attending(ids, THRESHOLD)
    assert evaluate(rule, seats, rows, on=MEETING_DAY, conflicted={ids["NF"]}).counted == 7
    in_room = {ids[i] for i in THRESHOLD} - {ids["NF"]} | {DEPUTY}
    assert evaluate(rule, seats, rows, on=MEETING_DAY, present_now=in_room).counted == 7


def test_a_member_who_changed_seats_counts_once_in_the_current_one(rule, seats, ids) -> None:
    pn = next(s for s in seats if s.person.initials == "PN")
    old_seat = pn.model_copy(update={"membership": Membership(
        person_id=pn.person.id, category=Category.executive, voting=True, end_date=date(2024, 3, 31))})
    result = evaluate(rule, [old_seat] + seats, attending(ids, ["PN", "OC", "MK", "SO", "RD", "DM", "GA", "HM"]),
                      on=MEETING_DAY)
    assert result.counted == 8
    assert result.missing == ("needs 1 more executive",)


def test_two_deputies_for_one_absent_member_fill_one_seat(rule, seats, ids) -> None:
    rows = attending(ids, THRESHOLD[:-1]) + [deputy_for(ids, "NF"), deputy_for(ids, "NF", person_id=501)]
    assert evaluate(rule, seats, rows, on=MEETING_DAY).counted == 8


def test_deputy_for_a_non_voting_member_never_counts(rule, seats, ids) -> None:
    rows = attending(ids, THRESHOLD[:-1]) + [deputy_for(ids, "TW"), deputy_for(ids, "LH", person_id=501)]
    assert evaluate(rule, seats, rows, on=MEETING_DAY).counted == 7


# --- conflicts of interest ---------------------------------------------------------------


def test_conflicted_member_is_excluded(rule, seats, ids) -> None:
    result = evaluate(rule, seats, attending(ids, THRESHOLD), on=MEETING_DAY, conflicted={ids["MK"]})
    assert not result.quorate
    assert result.missing == ("needs 1 more member",)
    assert ids["MK"] not in result.counted_ids


def test_conflicted_member_is_counted_when_the_rule_deems_them_present(seats, ids) -> None:
    rule = northbridge_rule(conflicted_count=True)
    rows = attending(ids, THRESHOLD)
    in_room = {ids[i] for i in THRESHOLD} - {ids["MK"]}  # MK has withdrawn from the room
    result = evaluate(rule, seats, rows, on=MEETING_DAY, present_now=in_room, conflicted={ids["MK"]})
    assert result.quorate
    assert ids["MK"] in result.counted_ids


def test_withdrawn_member_without_a_recorded_conflict_is_out_of_the_count(seats, ids) -> None:
    rule = northbridge_rule(conflicted_count=True)
    in_room = {ids[i] for i in THRESHOLD} - {ids["MK"]}
    result = evaluate(rule, seats, attending(ids, THRESHOLD), on=MEETING_DAY, present_now=in_room)
    assert result.counted == 7


def test_only_the_sole_partner_conflicted_leaves_the_category_short(rule, seats, ids) -> None:
    rows = attending(ids, ["HM", "PN", "OC", "GA", "CB", "NF", "JP", "MP", "MK"])
    result = evaluate(rule, seats, rows, on=MEETING_DAY, conflicted={ids["MK"]})
    assert result.missing == ("needs 1 more partner member",)


# --- who never counts -----------------------------------------------------------------------


def test_associate_non_executive_never_counts(rule, seats, ids) -> None:
    rows = attending(ids, ["HM", "MK", "SO", "RD", "DM", "CB", "NF", "TW"])
    result = evaluate(rule, seats, rows, on=MEETING_DAY)
    assert result.counted == 7
    assert ids["TW"] not in result.counted_ids
    assert result.missing == ("needs 1 more member", "needs 1 more non-executive")


def test_participants_and_attendees_never_count(rule, seats, ids) -> None:
    others = ["LH", "IQ", "BL", "FA", "RE", "KA", "MW", "ST"]
    result = evaluate(rule, seats, attending(ids, THRESHOLD[:-1] + others), on=MEETING_DAY)
    assert result.counted == 7
    assert not result.quorate


# --- the room as it changes ----------------------------------------------------------------


def moved(ids, initials, kind, minutes, item_id=None) -> Movement:
    return Movement(
        meeting_id=MEETING_ID,
        person_id=ids[initials],
        kind=kind,
        at=START + timedelta(minutes=minutes),
        item_id=item_id,
    )


def test_room_follows_arrivals_and_departures(ids) -> None:
    rows = attending(ids, ["HM", "OC", "NF"]) + [present(ids, "CB", AttendanceStatus.expected)]
    movements = [
        moved(ids, "NF", MovementKind.arrived, 20),  # late: not in the room before 10.20
        moved(ids, "OC", MovementKind.left, 30),
        moved(ids, "CB", MovementKind.arrived, 35),
        moved(ids, "OC", MovementKind.returned, 50),
        moved(ids, "HM", MovementKind.withdrew, 40),
    ]
    assert movements_in_room(rows, movements, START) == {ids["HM"], ids["OC"]}
    assert movements_in_room(rows, movements, START + timedelta(minutes=20)) == {ids["HM"], ids["OC"], ids["NF"]}
    assert movements_in_room(rows, movements, START + timedelta(minutes=45)) == {ids["NF"], ids["CB"]}
    assert movements_in_room(rows, movements) == {ids["NF"], ids["CB"], ids["OC"]}


def test_room_refuses_a_moment_without_a_timezone(ids) -> None:
    with pytest.raises(ValueError, match="timezone"):
        movements_in_room([], [], datetime(2025, 3, 21, 10, 0))


def test_quorum_for_an_item_after_a_departure_and_a_withdrawal(rule, seats, ids) -> None:
    rows = attending(ids, THRESHOLD + ["PN"])
    movements = [moved(ids, "PN", MovementKind.left, 30, item_id=3), moved(ids, "MK", MovementKind.withdrew, 60, 4)]
    declarations = [
        Declaration(
            meeting_id=MEETING_ID, item_id=4, person_id=ids["MK"], interest="Director of a provider",
            outcome=DeclarationOutcome.withdrew,
        ),
        Declaration(meeting_id=MEETING_ID, item_id=None, person_id=ids["SO"], interest="General"),
    ]
    assert conflicted_for_item(declarations, 4) == {ids["MK"]}
    before = quorum_for_item(rule, seats, rows, movements, declarations, on=MEETING_DAY, item_id=3,
                             until=START + timedelta(minutes=10))
    assert before.summary() == "Quorate: 9 present · 8 needed"
    during = quorum_for_item(rule, seats, rows, movements, declarations, on=MEETING_DAY, item_id=4,
                             until=START + timedelta(minutes=61))
    assert during.summary() == "Inquorate: 7 present · 8 needed — needs 1 more member"
    deemed = quorum_for_item(northbridge_rule(conflicted_count=True), seats, rows, movements, declarations,
                             on=MEETING_DAY, item_id=4, until=START + timedelta(minutes=61))
    assert deemed.quorate


def test_a_conflict_that_took_part_still_counts(rule, seats, ids) -> None:
    declarations = [
        Declaration(meeting_id=MEETING_ID, item_id=4, person_id=ids["MK"], interest="Trustee",
                    outcome=DeclarationOutcome.took_part),
    ]
    result = quorum_for_item(rule, seats, attending(ids, THRESHOLD), [], declarations, on=MEETING_DAY, item_id=4)
    assert result.quorate


# --- properties -----------------------------------------------------------------------------

VOTING = [Category.chair, Category.deputy_chair, Category.non_executive, Category.partner, Category.executive]
NON_VOTING = [Category.associate_non_executive, Category.participant, Category.attendee]


@st.composite
def boards(draw):
    """A board of voting and non-voting seats, some of them not in post on the meeting day."""
    size = draw(st.integers(min_value=0, max_value=30))
    seats = []
    for n in range(1, size + 1):
        voting = draw(st.booleans())
        category = draw(st.sampled_from(VOTING if voting else NON_VOTING))
        vacant = draw(st.sampled_from([None, "ended", "not yet"]))
        dates = {
            None: {},
            "ended": {"end_date": MEETING_DAY - timedelta(days=1)},
            "not yet": {"start_date": MEETING_DAY + timedelta(days=1)},
        }[vacant]
        seats.append(
            Seat(
                person=Person(id=n, name=f"Member {n}", initials="M" + "abcdefghijklmnopqrstuvwxyz"[n % 26]),
                membership=Membership(person_id=n, category=category, voting=voting, **dates),
            )
        )
    return seats


rules = st.builds(
    QuorumRule,
    minimum_kind=st.just(MinimumKind.more_than_half),
    requirements=st.sampled_from([(), northbridge_rule().requirements]),
    remote_counts=st.booleans(),
    deputies_count=st.booleans(),
    conflicted_count=st.booleans(),
)


@given(st.integers(min_value=0, max_value=200))
def test_more_than_half_is_integer_arithmetic(n: int) -> None:
    seats = [
        Seat(
            person=Person(id=i, name=f"Member {i}", initials="M"),
            membership=Membership(person_id=i, category=Category.non_executive, voting=True),
        )
        for i in range(1, n + 1)
    ]
    needed = required_number(QuorumRule(), seats, MEETING_DAY)
    assert isinstance(needed, int)
    # more than half, and the least such number
    assert 2 * needed > n
    assert 2 * (needed - 1) <= n


def test_more_than_half_known_values() -> None:
    def board(n):
        return [
            Seat(person=Person(id=i, name="M", initials="M"),
                 membership=Membership(person_id=i, category=Category.partner, voting=True))
            for i in range(1, n + 1)
        ]

    assert [required_number(QuorumRule(), board(n), MEETING_DAY) for n in (1, 2, 9, 10, 14)] == [1, 2, 5, 6, 8]


@given(boards(), rules, st.data())
def test_another_member_arriving_never_makes_a_meeting_inquorate(seats, rule, data) -> None:
    people = [s.person.id for s in seats]
    here = data.draw(st.sets(st.sampled_from(people)) if people else st.just(set()))
    statuses = {p: data.draw(st.sampled_from([AttendanceStatus.present, AttendanceStatus.remote])) for p in people}
    conflicted = data.draw(st.sets(st.sampled_from(people)) if people else st.just(set()))
    rows = [Attendance(meeting_id=1, person_id=p, status=statuses[p]) for p in sorted(here)]
    before = evaluate(rule, seats, rows, on=MEETING_DAY, conflicted=conflicted)
    absent = [p for p in people if p not in here]
    if not absent:
        return
    newcomer = data.draw(st.sampled_from(absent))
    after = evaluate(
        rule, seats, rows + [Attendance(meeting_id=1, person_id=newcomer, status=AttendanceStatus.present)],
        on=MEETING_DAY, conflicted=conflicted,
    )
    assert after.counted >= before.counted
    assert after.needed == before.needed
    if before.quorate:
        assert after.quorate


@given(boards(), st.data())
def test_a_vacancy_never_raises_the_number_needed(seats, data) -> None:
    in_post = [s for s in seats if s.membership.voting and s.membership.in_post_on(MEETING_DAY)]
    if not in_post:
        return
    leaving = data.draw(st.sampled_from(in_post))
    ended = leaving.membership.model_copy(update={"start_date": None, "end_date": MEETING_DAY - timedelta(days=1)})
    after = [s.model_copy(update={"membership": ended}) if s is leaving else s for s in seats]
    rule = QuorumRule()
    assert required_number(rule, after, MEETING_DAY) <= required_number(rule, seats, MEETING_DAY)
    assert len(voting_seats_in_post(after, MEETING_DAY)) == len(in_post) - 1


ATTENDING = (AttendanceStatus.present, AttendanceStatus.remote)

any_rules = st.builds(
    QuorumRule,
    minimum_kind=st.sampled_from(list(MinimumKind)),
    minimum_number=st.integers(min_value=1, max_value=20),
    requirements=st.sampled_from([(), northbridge_rule().requirements]),
    remote_counts=st.booleans(),
    deputies_count=st.booleans(),
    conflicted_count=st.booleans(),
)


@given(boards())
def test_more_than_half_counts_voting_members_in_post_only(seats) -> None:
    in_post = sum(1 for s in seats if s.membership.voting and s.membership.in_post_on(MEETING_DAY))
    needed = required_number(QuorumRule(), seats, MEETING_DAY)
    assert type(needed) is int
    assert needed == in_post // 2 + 1
    assert 2 * needed > in_post >= 2 * (needed - 1)


@given(boards(), any_rules, st.data())
def test_a_voting_member_arriving_never_makes_a_quorate_meeting_inquorate(seats, rule, data) -> None:
    """With deputies in the room, members out of it, conflicts on the item and any rule: one more
    voting member walking in (and not conflicted) never costs the meeting its quorum."""
    in_post = sorted(voting_seats_in_post(seats, MEETING_DAY))
    if not in_post:
        return
    people = [s.person.id for s in seats]
    # most of the board came, as at a real meeting, so that many meetings are quorate before the arrival
    listed = set(people) - data.draw(st.sets(st.sampled_from(people), max_size=len(people) // 2))
    statuses = st.sampled_from([AttendanceStatus.present] * 4 + list(AttendanceStatus))
    rows = [Attendance(meeting_id=1, person_id=p, status=data.draw(statuses)) for p in sorted(listed)]
    stand_ins = data.draw(st.lists(st.sampled_from(in_post), max_size=4))
    rows += [Attendance(meeting_id=1, person_id=1000 + n, status=AttendanceStatus.present, deputy_for_id=seat)
             for n, seat in enumerate(stand_ins)]
    everyone = [r.person_id for r in rows]
    stepped_out = st.sets(st.sampled_from(everyone), max_size=3) if everyone else st.just(set())
    room = data.draw(st.none() | stepped_out.map(lambda out: set(everyone) - out))
    outside = [p for p in in_post if (p not in room if room is not None else
                                      all(r.status not in ATTENDING for r in rows if r.person_id == p))]
    if not outside:
        return
    newcomer = data.draw(st.sampled_from(outside))
    conflicted = data.draw(st.sets(st.sampled_from(everyone), max_size=3) if everyone else st.just(set())) - {newcomer}
    before = evaluate(rule, seats, rows, on=MEETING_DAY, present_now=room, conflicted=conflicted)
    arrived = [r for r in rows if r.person_id != newcomer] + [
        Attendance(meeting_id=1, person_id=newcomer, status=AttendanceStatus.present)]
    after = evaluate(rule, seats, arrived, on=MEETING_DAY, present_now=None if room is None else room | {newcomer},
                     conflicted=conflicted)
    assert after.needed == before.needed
    assert after.counted >= before.counted
    if before.quorate:
        assert after.quorate, (before.summary(), after.summary())


@given(boards(), st.integers(min_value=1, max_value=20), st.data())
def test_a_vacancy_lowers_more_than_half_and_leaves_a_fixed_number(seats, fixed, data) -> None:
    in_post = [s for s in seats if s.membership.voting and s.membership.in_post_on(MEETING_DAY)]
    if not in_post:
        return
    leaving = data.draw(st.sampled_from(in_post))
    ended = leaving.membership.model_copy(update={"start_date": None, "end_date": MEETING_DAY - timedelta(days=1)})
    after = [s.model_copy(update={"membership": ended}) if s is leaving else s for s in seats]
    n = len(in_post)
    half = QuorumRule()
    assert required_number(half, after, MEETING_DAY) == (n - 1) // 2 + 1
    if n % 2 == 0:  # 14 in post need 8; 13 need 7
        assert required_number(half, after, MEETING_DAY) == required_number(half, seats, MEETING_DAY) - 1
    absolute = QuorumRule(minimum_kind=MinimumKind.absolute, minimum_number=fixed)
    assert required_number(absolute, after, MEETING_DAY) == required_number(absolute, seats, MEETING_DAY) == fixed


# --- the rule editor's words ------------------------------------------------------------


def test_a_requirement_is_named_from_its_seats() -> None:
    assert requirement_label([Category.deputy_chair, Category.chair]) == "the Chair or Deputy Chair"
    assert requirement_label([Category.chair]) == "the Chair"
    assert requirement_label([Category.executive]) == "executive member"
    assert requirement_label([Category.partner, Category.non_executive, Category.executive]) == (
        "non-executive, partner or executive member")
    assert requirement_label([]) == ""


def test_holders_in_post_and_what_could_never_be_met(rule, seats) -> None:
    executives = holders_in_post(rule.requirements[1], seats, MEETING_DAY)
    assert [s.person.initials for s in executives] == ["CB", "NF", "JP", "MP"]
    assert rule_warnings(rule, seats, MEETING_DAY) == []
    impossible = northbridge_rule(
        minimum_kind=MinimumKind.absolute, minimum_number=15,
        requirements=(QuorumRequirement(label="executive", categories=(Category.executive,), count=5),
                      QuorumRequirement(label="associate", categories=(Category.associate_non_executive,))),
    )
    assert rule_warnings(impossible, seats, MEETING_DAY) == [
        "15 needed but only 14 voting members in post: no meeting could be quorate",
        "5 executives needed but 4 in post: no meeting could be quorate",
        "1 associate needed but 0 in post: no meeting could be quorate",  # Tom Whitlock's seat does not vote
    ]
