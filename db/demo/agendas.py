"""The agendas of the large demo's meetings: a Board's and a committee's, as rows to be made items.

Each row is (number, title or None for the topic's own, section, purpose, lead, kind[, part]); the kind
is a Topic or a word the minutes are written from ("apologies", "tracker", "break" …).
"""

from __future__ import annotations

import random

from db.demo import busy_board as words_for
from db.demo.busy_board import COMMITTEES, Committee, Words
from secretary.models import Meeting, Part


def board_agenda(rng: random.Random, words: Words, meeting: Meeting, previous: Meeting | None) -> list[tuple]:
    agm = meeting.date.month == 8
    rows: list[tuple] = [
        ("1", "Welcome and Introductions", "Opening Items", "", "Chair", "welcome"),
        ("a)", "Apologies", "Opening Items", "Note", "", "apologies"),
        ("b)", "Quoracy", "Opening Items", "Note", "", "quoracy"),
        ("c)", "Declarations of Interest", "Opening Items", "Note", "", "interests"),
        ("d)", minutes_title(previous), "Opening Items", "Approve", "", "minutes"),
        ("e)", "Action Tracker", "Opening Items", "Approve", "", "tracker"),
        ("f)", "Board Decision Planner", "Opening Items", "Update", "", "planner"),
        ("2", "Questions from the Public", "Opening Items", "", "Chair", "questions"),
        ("3", f"Resident's Story: {words_for.story(words)}", "Opening Items", "", "Chief Nursing Director",
         "story"),
        ("4", "Chair's report - verbal", "Opening Items", "Note", "Chair", "chair"),
        ("5", "CEO report", "Opening Items", "Note", "Chief Executive", "ceo"),
    ]
    number = 6
    strategy = rng.sample(words_for.BOARD_TOPICS, k=3 if not agm else 2)
    if agm:
        rows.append((str(number), "Annual Report and Accounts – presentation", "Annual General Meeting",
                     "Note", "Chief Finance Officer", words_for.ARAC_TOPICS[4]))
        number += 1
    for topic in strategy:
        rows.append((str(number), None, "System Strategy", topic.purpose, topic.lead, topic))
        number += 1
    rows.append(("", "Refreshment Break", "", "", "", "break"))
    rows.append((str(number), None, "System Assurance", "Note", "Chief Finance Officer", words_for.FIC_TOPICS[0]))
    number += 1
    for committee in COMMITTEES:
        rows.append((str(number), f"{committee.name} – Chair's update", "System Assurance", "Note",
                     f"Chair, {committee.name}", rng.choice(committee.topics)))
        if rng.random() < 0.6:
            rows.append(("a)", None, "System Assurance", "Note", "", rng.choice(committee.topics)))
        number += 1
    rows.append((str(number), "Board Assurance Framework and System Risks", "System Assurance",
                 "Note & Agree", "Chief of Strategy & Assurance", words_for.ARAC_TOPICS[3]))
    number += 1
    rows.append((str(number), "Reports from the Place Partnerships", "System Assurance", "Note", "Chief Executive",
                 rng.choice(words_for.BOARD_TOPICS)))
    for letter in "ab":
        rows.append((f"{letter})", None, "System Assurance", "Note", "", rng.choice(words_for.BOARD_TOPICS)))
    number += 1
    rows.append((str(number), "Corporate Governance Update", "ICB Organisational Decisions, Governance and "
                 "Assurance", "Note, Approve & Agree", "Chief of Strategy & Assurance",
                 rng.choice(words_for.BOARD_TOPICS)))
    number += 1
    for title, kind in (("Communication from the Meeting", "communication"), ("Meeting Evaluation", "evaluation"),
                        ("Any Other Business", "aob")):
        rows.append((str(number), title, "Closing Items", "", "Chair", kind))
        number += 1
    for topic in rng.sample(words_for.PRIVATE_TOPICS, k=rng.randint(1, 3)):
        rows.append((str(number), None, "Part II — Confidential", topic.purpose, topic.lead, topic, Part.confidential))
        number += 1
    return rows

def committee_agenda(rng: random.Random, committee: Committee, words: Words, meeting: Meeting,
                     previous: Meeting | None) -> list[tuple]:
    rows: list[tuple] = [
        ("1", "Welcome and Introductions", "Opening Items", "", "Chair", "welcome"),
        ("a)", "Apologies", "Opening Items", "Note", "", "apologies"),
        ("b)", "Quoracy", "Opening Items", "Note", "", "quoracy"),
        ("c)", "Declarations of Interest", "Opening Items", "Note", "", "interests"),
        ("d)", minutes_title(previous), "Opening Items", "Approve", "", "minutes"),
        ("e)", "Action Log", "Opening Items", "Note", "", "tracker"),
    ]
    number = 2
    for topic in rng.sample(committee.topics, k=min(len(committee.topics), rng.randint(5, 6))):
        rows.append((str(number), None, "Items for Assurance", topic.purpose, topic.lead, topic))
        if rng.random() < 0.6:
            for letter in "ab"[: rng.randint(1, 2)]:
                rows.append((f"{letter})", None, "Items for Assurance", "Note", topic.lead,
                             rng.choice(committee.topics)))
        number += 1
    for topic in rng.sample(words_for.BOARD_TOPICS, k=rng.randint(3, 5)):
        rows.append((str(number), None, "Items for Discussion", topic.purpose, topic.lead, topic))
        number += 1
    rows.append((str(number), "Committee Work Plan", "Governance", "Note", "Head of Governance", "workplan"))
    number += 1
    rows.append((str(number), "Policies for approval", "Governance", "Approve", "Head of Governance", "policies"))
    for letter in "abcd"[: rng.randint(2, 4)]:
        rows.append((f"{letter})", words_for.policy(words), "Governance", "Approve", "", "policy"))
    number += 1
    rows.append((str(number), "Risk Register", "Governance", "Approve", "Chief of Strategy & Assurance",
                 words_for.ARAC_TOPICS[3]))
    number += 1
    for title, kind in (("Items to escalate to the Board", "communication"), ("Any Other Business", "aob"),
                        ("Date of the next meeting", "next")):
        rows.append((str(number), title, "Closing Items", "", "Chair", kind))
        number += 1
    if rng.random() < 0.3:
        topic = rng.choice(words_for.PRIVATE_TOPICS)
        rows.append((str(number), None, "Part II — Confidential", topic.purpose, topic.lead, topic,
                     Part.confidential))
    return rows


def minutes_title(previous: Meeting | None) -> str:
    if previous is None:
        return "Minutes of the previous meeting and Matters Arising"
    return f"Minutes from meeting held on {previous.date.day} {previous.date:%B %Y} and Matters Arising"
