"""What ten years of a busy board say: agendas, minutes, decisions, actions, declarations
and public questions, made up for the large demo book (``secretary demo --years N``).

Everything comes from a ``random.Random`` the caller seeds, so the same seed always gives
the same book. The words are those of NHS board packs: a board and four committees
discussing estates, finance, quality and the rest, month after month — enough that
searching ten years of minutes for "estates strategy" finds what a chair would ask about.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from secretary.models import Category, DecisionVerb, MinimumKind, QuorumRequirement, QuorumRule

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SITES = ("Northbridge General Hospital", "Eastmere Royal Infirmary", "Riverside Community Hospital",
         "Marsh Lane Health Centre", "Castle Street Clinic", "Westgate Mental Health Unit")
SERVICES = ("community diagnostics", "urgent treatment centre", "MSK physiotherapy", "wheelchair services",
            "community nursing", "NHS 111 clinical assessment", "hospice at home", "audiology")
ASKERS = ("Mr John Holloway", "Ms Anita Patel, Eastmere Patient Forum", "Mrs Carol Dent",
          "Mr Peter Okoro, Keep Our NHS Public Northbridge", "Ms Lucy Farrow", "Dr Sam Whitby",
          "Mr Graham Lowe, Riverside Residents' Association", "Ms Jo Byrne, Healthwatch volunteer")


@dataclass(frozen=True)
class Topic:
    """A subject a body keeps coming back to: its agenda title, its words in a sentence,
    and what the minutes say about it."""

    title: str  # as the agenda prints it; {year} {next} {month} filled in
    phrase: str  # as a sentence names it: "the estates strategy"
    lines: tuple[str, ...]  # sentences only this topic has
    verbs: tuple[DecisionVerb, ...] = (DecisionVerb.noted,)
    purpose: str = "Note"
    lead: str = "Chief Executive"


T = Topic
BOARD_TOPICS = (
    T("Estates Strategy {year}–{plus5}", "the estates strategy",
      ("The estates strategy set out plans to reduce the number of leased buildings by {n} over five years.",
       "Members asked about backlog maintenance at {site}, estimated at £{m}m.",
       "It was noted that the estates strategy had been shaped by the clinical strategy and by engagement "
       "with residents in {month}.",
       "The Chief Finance Officer confirmed that the capital required was within the system's envelope."),
      (DecisionVerb.approved, DecisionVerb.endorsed, DecisionVerb.deferred), "Approve", "Chief Finance Officer"),
    T("Joint Forward Plan refresh {year}/{next2}", "the Joint Forward Plan",
      ("The refreshed plan reflected the priorities agreed with the health and wellbeing boards.",
       "Members asked for clearer measures of success for each of the strategic priorities."),
      (DecisionVerb.approved, DecisionVerb.endorsed), "Approve", "Chief of Strategy & Assurance"),
    T("Digital Strategy and the Shared Care Record", "the digital strategy",
      ("Uptake of the NHS App varied between practices, from {pct}% to {pct2}% of registered patients.",
       "Members asked how residents without internet access would be supported."),
      (DecisionVerb.supported, DecisionVerb.noted), "Discuss", "Chief People Officer"),
    T("Winter Plan {year}/{next2}", "the winter plan",
      ("Ambulance handover delays at {site} remained above the national standard of 30 minutes.",
       "An additional {n} beds would open at {site} from {month}."),
      (DecisionVerb.noted, DecisionVerb.approved), "Note", "Chief Nursing Director"),
    T("Urgent and Emergency Care Recovery", "urgent and emergency care recovery",
      ("Four-hour performance stood at {pct}% against the 76% standard.",
       "Virtual ward occupancy had risen to {pct}% of capacity."),
      (DecisionVerb.noted,), "Note", "Chief Medical Director"),
    T("Primary Care Access Recovery Plan", "the primary care access recovery plan",
      ("Practices had offered {n} thousand more appointments than in the same month last year.",
       "Members asked about the take-up of the pharmacy first service."),
      (DecisionVerb.noted, DecisionVerb.supported), "Note", "Chief Medical Director"),
    T("Strategic Priority – Start Well in Northbridge", "the Start Well priority",
      ("The report described progress on school readiness and perinatal mental health.",
       "Members asked for the measures to be shown by ward, to show inequalities."),
      (DecisionVerb.noted, DecisionVerb.endorsed), "Discuss", "Chief Nursing Director"),
    T("Mental Health Transformation Programme", "mental health transformation",
      ("Out-of-area placements had fallen to {n} in the month.",
       "The new crisis café in Eastmere had seen {n} visits since opening."),
      (DecisionVerb.noted,), "Note", "Chief Nursing Director"),
    T("Green Plan and Net Zero", "the green plan",
      ("Carbon emissions from the estate had fallen by {pct}% since the baseline year.",),
      (DecisionVerb.approved, DecisionVerb.noted), "Approve", "Chief Finance Officer"),
    T("Workforce Plan {year}/{next2}", "the workforce plan",
      ("Vacancy rates across the system stood at {pct}%, the lowest for three years.",
       "Members asked about retention of newly qualified nurses."),
      (DecisionVerb.noted, DecisionVerb.endorsed), "Note", "Chief People Officer"),
    T("Health Inequalities and Core20PLUS5", "the health inequalities programme",
      ("Hypertension case finding had reached {pct}% of the target population in the most deprived areas.",),
      (DecisionVerb.supported, DecisionVerb.noted), "Discuss", "Director of Public Health"),
    T("Capital Programme {year}/{next2}", "the capital programme",
      ("The programme included the community diagnostic centre at {site} and the new Marsh Lane hub.",
       "Members were assured that slippage would be managed across the system."),
      (DecisionVerb.approved,), "Approve", "Chief Finance Officer"),
)
PRIVATE_TOPICS = (
    T("Contract award: {service}", "the contract award for {service}",
      ("The procurement had received {n} compliant bids.",
       "Members were reminded that the item was confidential until the standstill period ended."),
      (DecisionVerb.approved, DecisionVerb.deferred), "Approve", "Chief Finance Officer"),
    T("Estates: disposal of the former {site} site", "the disposal of the former {site} site",
      ("The valuation had been confirmed by the district valuer.",
       "Members asked that the estates strategy be updated to reflect the disposal."),
      (DecisionVerb.approved, DecisionVerb.not_approved), "Approve", "Chief Finance Officer"),
    T("Organisational change: corporate services", "the corporate services review",
      ("Formal consultation with staff would begin in {month}.",),
      (DecisionVerb.noted, DecisionVerb.agreed), "Note", "Chief People Officer"),
)


@dataclass(frozen=True)
class Committee:
    name: str
    short_name: str
    chair: str  # initials of a board member who chairs it
    members: tuple[str, ...]  # initials of board members who sit on it
    topics: tuple[Topic, ...]
    weekday: int  # 0 Monday
    start_hour: int


ARAC_TOPICS = (
    T("Internal Audit Progress Report", "the internal audit progress report",
      ("{n} audits had been completed, with {n2} giving substantial assurance.",
       "Members asked for overdue audit recommendations to be followed up with the executive leads."),
      (DecisionVerb.noted,), "Note", "Internal Audit"),
    T("External Audit Plan {year}/{next2}", "the external audit plan",
      ("The plan identified the valuation of the estate and revenue recognition as significant risks.",),
      (DecisionVerb.approved, DecisionVerb.noted), "Approve", "External Audit"),
    T("Counter Fraud Progress Report", "the counter fraud report",
      ("{n} referrals had been received in the period, none of them material.",),
      (DecisionVerb.noted,), "Note", "Local Counter Fraud Specialist"),
    T("Board Assurance Framework", "the Board Assurance Framework",
      ("The risk on the estates strategy had been reviewed and its score reduced to {n}.",
       "Members asked that the cyber security risk be reviewed at the next meeting."),
      (DecisionVerb.approved, DecisionVerb.noted), "Approve", "Chief of Strategy & Assurance"),
    T("Annual Report and Accounts {year}/{next2}", "the annual report and accounts",
      ("The draft accounts showed the ICB had met its statutory financial duties.",),
      (DecisionVerb.approved, DecisionVerb.endorsed), "Approve", "Chief Finance Officer"),
    T("Losses and Special Payments", "the losses and special payments register",
      ("Losses in the period totalled £{k} thousand.",), (DecisionVerb.noted,), "Note", "Chief Finance Officer"),
    T("Conflicts of Interest: Register and Breaches", "the conflicts of interest report",
      ("{n} breaches had been reported in the year, all minor and resolved.",),
      (DecisionVerb.noted,), "Note", "Head of Governance"),
)
QPC_TOPICS = (
    T("Quality and Performance Report", "the quality and performance report",
      ("Cancer 62-day performance stood at {pct}% against the 85% standard.",
       "Members asked about the waiting list for children's community services."),
      (DecisionVerb.noted,), "Note", "Chief Nursing Director"),
    T("Maternity and Neonatal Services", "maternity and neonatal services",
      ("The maternity services at {site} had been rated requires improvement.",
       "Members asked for an update on midwifery staffing."),
      (DecisionVerb.noted, DecisionVerb.supported), "Assure", "Chief Nursing Director"),
    T("Infection Prevention and Control", "infection prevention and control",
      ("There had been {n} cases of C. difficile in the quarter, within the threshold.",),
      (DecisionVerb.noted,), "Assure", "Chief Nursing Director"),
    T("Safeguarding Annual Report", "the safeguarding annual report",
      ("Training compliance for safeguarding level 3 was {pct}%.",),
      (DecisionVerb.approved, DecisionVerb.noted), "Approve", "Chief Nursing Director"),
    T("Patient Experience and Complaints", "patient experience and complaints",
      ("{n} complaints had been received in the quarter; the commonest theme was communication.",),
      (DecisionVerb.noted,), "Note", "Chief Nursing Director"),
    T("Learning from Deaths", "learning from deaths",
      ("Structured judgement reviews had been completed for {pct}% of deaths.",),
      (DecisionVerb.noted,), "Assure", "Chief Medical Director"),
)
PCCAC_TOPICS = (
    T("GP Contract and Local Enhanced Services", "the GP contract",
      ("The local enhanced service for phlebotomy would be extended for a further year.",),
      (DecisionVerb.approved, DecisionVerb.agreed), "Approve", "Director of Primary Care"),
    T("Pharmacy, Optometry and Dental Services", "pharmacy, optometry and dental services",
      ("Access to NHS dentistry remained the commonest concern raised by residents.",
       "{n} new dental appointments had been commissioned for urgent care."),
      (DecisionVerb.noted, DecisionVerb.supported), "Note", "Director of Primary Care"),
    T("Primary Care Estates Plan", "the primary care estates plan",
      ("The plan aligned with the system estates strategy and prioritised the Marsh Lane hub.",
       "Members asked about the lease renewal at Castle Street Clinic."),
      (DecisionVerb.approved, DecisionVerb.endorsed), "Approve", "Director of Primary Care"),
    T("Practice Mergers and Boundary Changes", "the practice merger application",
      ("The merger would create a practice of {n} thousand registered patients.",),
      (DecisionVerb.approved, DecisionVerb.deferred, DecisionVerb.not_approved), "Approve",
      "Director of Primary Care"),
    T("Primary Care Finance Report", "the primary care finance report",
      ("Delegated primary care budgets showed an underspend of £{k} thousand.",),
      (DecisionVerb.noted,), "Note", "Chief Finance Officer"),
)
FIC_TOPICS = (
    T("ICS Finance Report – Month {mnum} ({reported} {ryear})", "the finance report",
      ("The system was reporting a deficit of £{m}m at month {mnum}, £{k} thousand adverse to plan.",
       "The efficiency programme had delivered {pct}% of its target to date."),
      (DecisionVerb.noted,), "Note", "Chief Finance Officer"),
    T("Financial Recovery Plan", "the financial recovery plan",
      ("Members asked about the risk to delivery of the recovery plan in the final quarter.",),
      (DecisionVerb.endorsed, DecisionVerb.noted), "Approve", "Chief Finance Officer"),
    T("Business Case: {service}", "the business case for {service}",
      ("The business case would deliver a recurrent saving of £{k} thousand.",),
      (DecisionVerb.approved, DecisionVerb.supported, DecisionVerb.deferred), "Approve", "Chief Finance Officer"),
    T("Estates Strategy: capital and disposals", "the estates strategy capital plan",
      ("The capital plan for the estates strategy showed £{m}m of investment over five years.",),
      (DecisionVerb.endorsed, DecisionVerb.noted), "Approve", "Chief Finance Officer"),
    T("Investment Panel Decisions", "the investment panel decisions",
      ("The panel had approved {n} investments in the period.",), (DecisionVerb.ratified,), "Ratify",
      "Chief Finance Officer"),
)

COMMITTEES = (
    Committee("Audit & Risk Assurance Committee", "ARAC", "OC", ("OC", "GA", "TW", "NF", "RE", "MW"),
              ARAC_TOPICS, 1, 10),
    Committee("Quality & Performance Committee", "QPC", "GA", ("GA", "PN", "SO", "MP", "JP", "BL", "LH"),
              QPC_TOPICS, 2, 14),
    Committee("Primary Care Commissioning & Assurance Committee", "PCCAC", "PN",
              ("PN", "ASh", "ASa", "JP", "NF", "BL", "RD"), PCCAC_TOPICS, 3, 10),
    Committee("Finance & Investment Committee", "FIC", "TW", ("TW", "OC", "MK", "NF", "CB", "RE"),
              FIC_TOPICS, 0, 14),
)


def committee_rule(committee: Committee) -> QuorumRule:
    """Committees: three members, one of them a non-executive."""
    return QuorumRule(
        minimum_kind=MinimumKind.absolute, minimum_number=3,
        requirements=(QuorumRequirement(label="non-executive member",
                                        categories=(Category.chair, Category.non_executive,
                                                    Category.deputy_chair)),),
    )


# --- words ---------------------------------------------------------------------------

GENERAL_LINES = (
    "{presenter} introduced the report, which set out progress on {phrase} since the last meeting.",
    "{presenter} presented the paper and highlighted the key risks.",
    "Members asked how {phrase} would be resourced over the next two years.",
    "{who} noted that {phrase} had been discussed at the {committee} in {month}.",
    "The {noun} was assured that the risks to delivery were managed and reflected in the Board Assurance "
    "Framework.",
    "In response to a question from {who}, it was confirmed that engagement with residents would continue "
    "through {month}.",
    "Members welcomed the progress made but asked for clearer milestones in the next report.",
    "{who} asked whether the timetable was realistic given pressures at {site}; {lead_title} said it was, "
    "with some risk in the winter months.",
    "It was noted that a fuller report on {phrase} would come to the {month} meeting.",
    "The Chair thanked {presenter_first} and the team for the report.",
    "Members discussed the links between {phrase} and the system's five-year plan.",
    "{who} asked how patients and carers had been involved; the paper set out the engagement so far.",
)
ACTION_TEXTS = (
    "To bring an update on {phrase} to the {month} meeting",
    "To circulate the full report on {phrase} to members",
    "To include measures by ward and by site in the next report on {phrase}",
    "To arrange a development session for members on {phrase}",
    "To confirm the timetable for {phrase} with system partners",
    "To report the outcome of the engagement on {phrase}",
    "To review the risk on {phrase} in the Board Assurance Framework",
    "To write to {site} about the points raised on {phrase}",
)
UPDATE_TEXTS = {
    "in_progress": ("Work under way; update due in {month}.", "On the agenda for {month}.",
                    "Draft prepared; being reviewed by the executive lead."),
    "outstanding": ("Deferred to {month}: report being finalised.", "Delayed by winter pressures; revised date {month}."),
    "complete": ("Circulated to members on {day} {month}.", "Completed; propose closure.",
                 "Covered in the report to this meeting."),
}
STORIES = ("a carer's experience of hospital discharge", "a young person's mental health journey",
           "living with long COVID", "a family's experience of maternity care", "finding a dentist",
           "a veteran's experience of community services", "care at the end of life at home")


@dataclass
class Words:
    """Fills a template from the seeded generator and the meeting's context."""

    rng: random.Random
    when: date
    noun: str  # "Board", "Committee"
    committee: str  # a committee the item may have been to first

    def fill(self, template: str, **known: str) -> str:
        rng = self.rng
        month = MONTHS[(self.when.month + rng.randint(0, 3)) % 12]
        reported = (self.when.month - 3) % 12 + 1  # a finance report is two months behind
        values = {
            "year": str(self.when.year), "next2": f"{(self.when.year + 1) % 100:02d}",
            "plus5": str(self.when.year + 5), "month": month, "reported": MONTHS[reported - 1],
            "ryear": str(self.when.year - (reported > self.when.month)),
            "mnum": str((reported - 4) % 12 + 1),  # month 1 is April
            "site": rng.choice(SITES), "service": rng.choice(SERVICES), "n": str(rng.randint(3, 40)),
            "n2": str(rng.randint(1, 3)), "m": f"{rng.randint(2, 60)}.{rng.randint(0, 9)}",
            "k": str(rng.randint(40, 900)), "pct": str(rng.randint(35, 94)), "pct2": str(rng.randint(35, 94)),
            "noun": self.noun, "committee": self.committee, "day": str(rng.randint(1, 28)),
        }
        values.update(known)
        return template.format(**values)


def topic_title(words: Words, topic: Topic) -> str:
    return words.fill(topic.title)


def topic_phrase(words: Words, topic: Topic) -> str:
    return words.fill(topic.phrase)


def item_notes(words: Words, topic: Topic, *, phrase: str, presenter: str, who: list[str],
               lead_title: str) -> str:
    """Two to five sentences: the topic's own words and the general ones, as a clerk writes them."""
    rng = words.rng
    own = rng.sample(topic.lines, k=min(len(topic.lines), rng.randint(1, 2)))
    general = rng.sample(GENERAL_LINES, k=rng.randint(1, 3))
    sentences = [general[0], *own, *general[1:]]
    name = presenter.split(",")[0].strip() or "the presenter"
    known = {"phrase": phrase, "presenter": name, "who": rng.choice(who) if who else "A member",
             "lead_title": lead_title, "presenter_first": name}
    text = " ".join(words.fill(s, **known) for s in sentences)
    return text[0].upper() + text[1:]


def decision_text(words: Words, verb: DecisionVerb, phrase: str) -> str:
    if verb is DecisionVerb.deferred:
        return f"a decision on {phrase} to the {words.fill('{month}')} meeting"
    if verb is DecisionVerb.agreed:
        return f"that {phrase} would return to the {words.fill('{month}')} meeting"
    if verb is DecisionVerb.not_approved:
        return f"{phrase} as presented, asking for further work on the options"
    if verb is DecisionVerb.noted:
        return f"the report on {phrase}"
    return phrase


def action_text(words: Words, phrase: str) -> str:
    return words.fill(words.rng.choice(ACTION_TEXTS), phrase=phrase)


def update_text(words: Words, status: str) -> str:
    return words.fill(words.rng.choice(UPDATE_TEXTS[status]))


def public_question(words: Words, phrase: str) -> tuple[str, str, str]:
    """(asker, question, response)"""
    rng = words.rng
    question = words.fill(rng.choice((
        "What consultation will there be with residents before decisions are taken on {phrase}?",
        "How will {phrase} affect services at {site}?",
        "Why are waiting times at {site} longer than elsewhere in the system, and what is {phrase} doing about it?",
        "Will the ICB publish the equality impact assessment for {phrase}?",
    )), phrase=phrase)
    response = words.fill(rng.choice((
        "The Chief Executive said engagement would run until {month} and the findings would come to the Board.",
        "The Chief Finance Officer said the assessment would be published with the papers for the {month} meeting.",
        "The Chief Nursing Director said a written response would be sent within 20 working days.",
    )))
    return rng.choice(ASKERS), question, response


POLICIES = ("Conflicts of Interest Policy", "Standards of Business Conduct Policy", "Freedom to Speak Up Policy",
            "Information Governance Framework", "Anti-Fraud, Bribery and Corruption Policy",
            "Procurement Policy", "Managing Allegations Policy", "Records Management Policy",
            "Individual Funding Requests Policy", "Complaints Policy", "Health and Safety Policy")


def policy(words: Words) -> str:
    return f"{words.rng.choice(POLICIES)} (review {words.when.year})"


def story(words: Words) -> str:
    return words.rng.choice(STORIES)
