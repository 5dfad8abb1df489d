"""Generate a synthetic corpus of council papers for benchmarks.

Documents follow the genres and phrasing of real council pages about Ofsted inspections of children's services
(the development corpus in ../shared/corpus): ModernGov "Issue - meetings" pages ("Meeting: 15/06/2023 - Cabinet
(Item 8)"), agenda-item minutes with witness lists ("Name, Post") and "RESOLVED:" numbered resolutions, whole-meeting
minutes ("Agenda and minutes", numbered items), decision pages ("Decision Maker:", "Date of Decision:") and news
releases ("Councillor X, Cabinet Member for Y, said:"). Councils come from the gazetteer (ontology/councils.csv),
URLs are on the councils' own domains, people are generated names, and every document carries inspections (kind,
dates, judgements), decisions and follow-ups.

Each document is generated from ``Random(f"{seed}:{index}")`` alone, so a corpus is reproducible from its seed and
size, document *i* is the same in a 1k and a 100k corpus, and nothing but the current document is held in memory:
files and ``manifest.csv`` rows are written as they are made.

Usage::

    python bench/generate.py OUT_DIR --size 10000 [--seed 7]

writes ``OUT_DIR/docs/NNN/NNNNNN.txt`` (1,000 files a folder; news releases as ``.html`` one time in eight) and
``OUT_DIR/manifest.csv`` (``file,url,council,published``).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNCILS_CSV = ROOT / "ontology" / "councils.csv"

# ------------------------------------------------------------------------------------------------ vocabulary

FIRST = [
    "Alison",
    "Andrew",
    "Angela",
    "Anita",
    "Barbara",
    "Ben",
    "Beverley",
    "Carol",
    "Catherine",
    "Chris",
    "Claire",
    "Clare",
    "Colin",
    "Daniel",
    "David",
    "Deborah",
    "Dominic",
    "Elaine",
    "Emma",
    "Fiona",
    "Gareth",
    "Gillian",
    "Graham",
    "Hannah",
    "Helen",
    "Ian",
    "Jacqueline",
    "James",
    "Jane",
    "Janet",
    "Jason",
    "Jean",
    "Jennifer",
    "Joanne",
    "John",
    "Jonathan",
    "Julie",
    "Karen",
    "Katherine",
    "Kevin",
    "Laura",
    "Linda",
    "Lisa",
    "Louise",
    "Lucy",
    "Mark",
    "Martin",
    "Matthew",
    "Michael",
    "Michelle",
    "Nadia",
    "Neil",
    "Nicola",
    "Nigel",
    "Patricia",
    "Paul",
    "Peter",
    "Priya",
    "Rachel",
    "Rebecca",
    "Richard",
    "Robert",
    "Rosemary",
    "Ruth",
    "Sally",
    "Samantha",
    "Sarah",
    "Sharon",
    "Simon",
    "Stephen",
    "Steven",
    "Susan",
    "Theresa",
    "Thomas",
    "Tim",
    "Tracey",
    "Victoria",
    "Wendy",
    "Yasmin",
    "Zoe",
    "Amrit",
    "Farah",
    "Kwame",
    "Sunita",
]
SURNAME = [
    "Adams",
    "Ahmed",
    "Allen",
    "Bailey",
    "Baker",
    "Barnes",
    "Bell",
    "Bennett",
    "Brooks",
    "Brown",
    "Burgess",
    "Burke",
    "Butler",
    "Campbell",
    "Carter",
    "Chapman",
    "Clarke",
    "Collins",
    "Cook",
    "Cooper",
    "Cox",
    "Curran",
    "Davies",
    "Dixon",
    "Edwards",
    "Egan",
    "Evans",
    "Fisher",
    "Fletcher",
    "Foster",
    "Gatland",
    "Gibson",
    "Graham",
    "Grant",
    "Gray",
    "Green",
    "Griffiths",
    "Hall",
    "Hardman",
    "Harris",
    "Harrison",
    "Hill",
    "Holmes",
    "Hughes",
    "Hunt",
    "Jackson",
    "James",
    "Jewell",
    "Johnson",
    "Jones",
    "Kelly",
    "Kennedy",
    "Khan",
    "King",
    "Knight",
    "Lewis",
    "Lloyd",
    "Marshall",
    "Martin",
    "Mason",
    "Matthews",
    "Mills",
    "Mitchell",
    "Moore",
    "Morgan",
    "Morris",
    "Murphy",
    "Owen",
    "Palmer",
    "Parker",
    "Patel",
    "Pearson",
    "Phillips",
    "Powell",
    "Price",
    "Reynolds",
    "Richards",
    "Roberts",
    "Robinson",
    "Rogers",
    "Russell",
    "Scott",
    "Shaw",
    "Simpson",
    "Singh",
    "Smith",
    "Stevens",
    "Taylor",
    "Thomas",
    "Thompson",
    "Turner",
    "Walker",
    "Ward",
    "Watson",
    "White",
    "Williams",
    "Wilson",
    "Wood",
    "Wright",
    "Young",
]

PORTFOLIOS = (
    "Children and Families",
    "Children's Services",
    "Children, Young People and Learning",
    "Children and Young People",
    "Education and Children's Services",
    "Children's Services and Early Years",
    "Children, Families and Lifelong Learning",
)
OFFICER_POSTS = (
    "Director of Children's Services",
    "Executive Director of Children, Families and Learning",
    "Interim Director of Children's Services",
    "Assistant Director, Safeguarding",
    "Head of Children's Social Care",
    "Principal Social Worker",
    "Service Director for Children and Families",
    "Assistant Director for Quality Assurance",
    "Head of Early Help",
    "Corporate Director of Children and Young People's Services",
    "Strategic Manager, Safeguarding and Professional Practice",
    "Head of Service, Children in Care",
)
BODIES = (
    "Cabinet",
    "Executive",
    "Executive Board",
    "Children and Young People Scrutiny Committee",
    "Corporate Parenting Board",
    "Children, Families and Lifelong Learning Select Committee",
    "Children's Services Overview and Scrutiny Panel",
    "People Scrutiny Committee",
    "Children and Education Select Committee",
    "Health and Wellbeing Board",
)
SCRUTINY = (
    "Children, Families and Lifelong Learning Select Committee",
    "Children and Young People Scrutiny Committee",
    "People Overview and Scrutiny Committee",
)

JUDGEMENTS = ("outstanding", "good", "requires improvement to be good", "inadequate")
JUDGEMENT_WEIGHTS = (1, 4, 4, 2)
AREAS = (
    "the impact of leaders on social work practice with children and families",
    "the experiences and progress of children who need help and protection",
    "the experiences and progress of children in care",
    "the experiences and progress of care leavers",
)
FOCUS = (
    "arrangements for children in need and those subject to a child protection plan",
    "the front door",
    "services for care leavers",
    "arrangements for children in care",
    "the assessment service",
    "decision-making for children on the edge of care",
    "disabled children",
)
PRACTICE_MODELS = (
    "Signs of Safety",
    "Family Safeguarding",
    "Mockingbird",
    "No Wrong Door",
    "Restorative Practice",
    "Systemic Practice",
)
IMPROVEMENTS = (
    "the quality and effectiveness of plans for children and care leavers",
    "the sufficiency of suitable foster homes for children",
    "frontline management oversight across the service",
    "the timeliness of assessments",
    "return home interviews for children who go missing",
    "the consistency and quality of direct work with children",
    "the local offer for care leavers over 21",
    "the quality of letters before proceedings",
)
FILLER = (
    "Members asked how the service would sustain the improvements made over the last year given the pressure on the budget.",
    "Officers explained that caseloads had fallen to an average of 17 children per social worker and that agency staffing was reducing.",
    "It was noted that the self-assessment shared with inspectors had given an accurate picture of practice.",
    "Members welcomed the report and thanked staff for their commitment to children and families across the county.",
    "The Committee heard that recruitment and retention of experienced social workers remained the greatest risk to the plan.",
    "In response to a question, officers confirmed that the multi-agency safeguarding hub had been restructured in the spring.",
    "Members noted that the number of children in care had risen by 6% while the number of placements had not kept pace.",
    "The Chairman thanked officers for the presentation and for the open way in which the findings had been shared.",
    "Officers undertook to circulate the performance dashboard to Members before the next meeting.",
    "A Member asked whether partners had been involved in the self-evaluation; officers confirmed that they had.",
    "The report set out the key findings, the areas of strength and the areas for improvement identified by inspectors.",
    "Members were advised that the action plan had been shared with Ofsted within the required 70 working days.",
)


@dataclass(frozen=True)
class Council:
    slug: str
    name: str
    official: str
    domain: str


def councils() -> list[Council]:
    with COUNCILS_CSV.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["domains"] and r.get("current", "true") == "true"]
    return [Council(r["slug"], r["nice_name"], r["official_name"], r["domains"].split("|")[0]) for r in rows]


# ------------------------------------------------------------------------------------------------ helpers


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(SURNAME)}"


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def long_date(d: date, rng: random.Random) -> str:
    return f"{ordinal(d.day) if rng.random() < 0.3 else d.day} {d:%B %Y}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Inspection:
    kind: str  # phrase used in text
    start: date
    end: date
    published: date
    judgement: str | None
    areas: tuple[tuple[str, str], ...]
    focus: str | None


def inspection(rng: random.Random, year: int) -> Inspection:
    start = date(year, 1, 1) + timedelta(days=rng.randrange(0, 330))
    while start.weekday() > 4:
        start += timedelta(days=1)
    if year >= 2018:
        kind = rng.choices(
            (
                "ILACS inspection",
                "short ILACS inspection",
                "Ofsted focused visit",
                "Ofsted monitoring visit",
                "Joint Targeted Area Inspection (JTAI)",
                "local area SEND inspection",
            ),
            (5, 2, 3, 2, 1, 1),
        )[0]
    else:
        kind = rng.choices(
            (
                "Single Inspection Framework (SIF) inspection",
                "Ofsted monitoring visit",
                "review of the Local Safeguarding Children Board",
            ),
            (5, 2, 1),
        )[0]
    graded = "ILACS" in kind or "SIF" in kind
    length = {True: 13, False: 1}[graded] if "short" not in kind else 4
    end = start + timedelta(days=length)
    published = end + timedelta(days=rng.randrange(35, 80))
    judgement = rng.choices(JUDGEMENTS, JUDGEMENT_WEIGHTS)[0] if graded else None
    areas = (
        tuple((a, rng.choices(JUDGEMENTS, JUDGEMENT_WEIGHTS)[0]) for a in AREAS)
        if graded and rng.random() < 0.7
        else ()
    )
    focus = rng.choice(FOCUS) if "visit" in kind else None
    return Inspection(kind, start, end, published, judgement, areas, focus)


def inspection_paragraph(rng: random.Random, c: Council, i: Inspection) -> str:
    parts = [
        f"Ofsted carried out {'an' if i.kind.removeprefix('Ofsted ')[0] in 'AEIOU' else 'a'} {i.kind.removeprefix('Ofsted ')} of {c.name}'s children's services from {i.start.day} {i.start:%B} to {i.end.day} {i.end:%B %Y}"
        + (f", which looked at {i.focus}." if i.focus else "."),
        f"The report was published on {long_date(i.published, rng)}.",
    ]
    if i.judgement:
        parts.append(f"Overall effectiveness was judged to be ‘{i.judgement}’.")
    for area, grade in i.areas:
        parts.append(f"\n·         {area[0].upper() + area[1:]} – {grade[0].upper() + grade[1:]}")
    if i.areas:
        parts.append("\n")
    if not i.judgement and "visit" in i.kind:
        parts.append(
            "This visit does not lead to a graded judgement; the outcome is a letter setting out the findings."
        )
    return " ".join(parts)


def resolutions(rng: random.Random, body: str, i: Inspection, meeting: date) -> tuple[list[str], date]:
    due = meeting + timedelta(days=rng.randrange(90, 300))
    who = "Cabinet" if body in ("Cabinet", "Executive", "Executive Board") else "the Committee"
    items = [
        f"That {who} notes the outcome of the {i.kind} and the findings set out in the report.",
        f"That {who} endorses the improvement plan prepared in response to the recommendations made by Ofsted.",
        f"That {who} receives a further update on the progress made delivering the improvement plan in {due:%B %Y}.",
    ]
    if rng.random() < 0.5:
        items.insert(
            2,
            f"That {who} approves additional investment of £{rng.randrange(5, 40) / 10:.1f}m to strengthen {rng.choice(IMPROVEMENTS)}.",
        )
    return items, due


# ------------------------------------------------------------------------------------------------ genres


def issue_page(rng: random.Random, c: Council, year: int) -> tuple[str, str, str, date]:
    i = inspection(rng, year)
    meeting = i.published + timedelta(days=rng.randrange(10, 60))
    body = rng.choice(BODIES[:3])
    item = rng.randrange(3, 140)
    title = rng.choice(
        (
            "Inspection of Local Authority Children's Services (ILACS) - Outcomes and Action Plan",
            "Children's Improvement Update",
            f"Outcome of the {i.kind}",
            "Ofsted Inspection Report and Improvement Plan",
        )
    )
    res, _due = resolutions(rng, body, i, meeting)
    cm = person(rng)
    lines = [
        "Issue - meetings",
        "",
        title,
        "",
        f"Meeting: {meeting:%d/%m/%Y} - {body} (Item {item})",
        "",
        f"{item} {title} pdf icon PDF {rng.randrange(60, 900)} KB",
        "",
        f"This report provides {body} with an update on the delivery of {c.name}'s children's improvement plan and the findings of the recent {i.kind}.",
        "",
        f"(The decisions on this item can be called-in by the {rng.choice(SCRUTINY)})",
        "",
        "Additional documents:",
        "",
        "Decision:",
        "",
        "RESOLVED:",
        "",
        *[f"{n}. {r}" for n, r in enumerate(res, 1)],
        "",
        "Reasons for Decisions:",
        "",
        f"Children's services improvement is a high priority for the Council. {rng.choice(FILLER)}",
        "",
        "Minutes:",
        "",
        f"The report was introduced by the Cabinet Member for {rng.choice(PORTFOLIOS)}, Councillor {cm}, who explained the work undertaken since the inspection.",
        "",
        inspection_paragraph(rng, c, i),
        "",
        *[rng.choice(FILLER) for _ in range(rng.randrange(1, 5))],
    ]
    url = f"https://democracy.{c.domain}/ieIssueDetails.aspx?IId={rng.randrange(10000, 99999)}&Opt=3"
    return "\n".join(lines) + "\n", url, "txt", meeting


def agenda_item_minutes(rng: random.Random, c: Council, year: int) -> tuple[str, str, str, date]:
    i = inspection(rng, year)
    meeting = i.published + timedelta(days=rng.randrange(10, 90))
    body = rng.choice(BODIES[3:])
    witnesses = [(person(rng), rng.choice(OFFICER_POSTS)) for _ in range(rng.randrange(2, 5))]
    witnesses.append((person(rng), f"Cabinet Member for {rng.choice(PORTFOLIOS)}"))
    res, due = resolutions(rng, body, i, meeting)
    model = rng.choice(PRACTICE_MODELS)
    points = [
        f"Officers highlighted the headlines of the report following the {i.kind} published on {long_date(i.published, rng)}.",
        f"Officers explained that the service was introducing the “{model}” model to improve practice.",
        f"Members asked about {rng.choice(IMPROVEMENTS)}; officers agreed to report back to the next meeting.",
        *[rng.choice(FILLER) for _ in range(rng.randrange(1, 4))],
    ]
    lines = [
        "Agenda item",
        "",
        f"RESPONSE OF CHILDREN'S SERVICES TO OFSTED ({i.published.year})",
        "",
        f"Purpose of the Report: To set out the response of Children's Services to the areas for improvement raised in the {i.kind} which was published {long_date(i.published, rng)}.",
        "",
        "Minutes:",
        "",
        "Witnesses:",
        "",
        *[f"{n}, {p}" for n, p in witnesses],
        "",
        "Key points raised in the discussion:",
        "",
        *[f"  {n}. {p}" for n, p in enumerate(points, 1)],
        "",
        inspection_paragraph(rng, c, i),
        "",
        "RESOLVED:",
        "",
        *[f"  {n}. {r}" for n, r in enumerate(res, 1)],
        "",
        f"Actions/further information to be provided: the Director to provide a progress report by {due:%B %Y}.",
    ]
    url = f"https://{rng.choice(('democracy', 'moderngov', 'mycouncil'))}.{c.domain}/mgAi.aspx?ID={rng.randrange(1000, 99999)}"
    return "\n".join(lines) + "\n", url, "txt", meeting


def full_minutes(rng: random.Random, c: Council, year: int) -> tuple[str, str, str, date]:
    i = inspection(rng, year)
    meeting = i.published + timedelta(days=rng.randrange(10, 90))
    first = rng.randrange(1, 300)
    contact = person(rng)
    res, _due = resolutions(rng, "Panel", i, meeting)
    lines = [
        "Agendas, Meetings and Minutes - Agenda and minutes",
        "",
        "Agenda and minutes",
        "",
        f"Venue: County Hall, {c.name}",
        "",
        f"Contact: {contact} (01{rng.randrange(100, 999)} {rng.randrange(100000, 999999)})  Overview & Scrutiny Officer",
        "",
        "Items",
        "No. Item",
        "",
        f"{first}.",
        "",
        "Apologies and Welcome",
        "",
        "Minutes:",
        "",
        "No apologies were received.",
        "",
        f"{first + 1}.",
        "",
        "Declaration of Interest and of any Party Whip",
        "",
        "Minutes:",
        "",
        "None.",
        "",
        f"{first + 2}.",
        "",
        "Confirmation of the Minutes of the Previous Meeting",
        "",
        "Minutes:",
        "",
        f"The Minutes of the Meeting held on {long_date(meeting - timedelta(days=56), rng)} were agreed as a correct record and signed by the Chairman.",
        "",
        f"{first + 3}.",
        "",
        "Ofsted Inspection Feedback",
        "",
        "Minutes:",
        "",
        f"The Cabinet Member with Responsibility for {rng.choice(PORTFOLIOS)} and the {rng.choice(OFFICER_POSTS)} attended the meeting to feed back to the Panel on the findings of the recent Ofsted inspection.",
        "",
        inspection_paragraph(rng, c, i),
        "",
        *[rng.choice(FILLER) for _ in range(rng.randrange(2, 5))],
        "",
        "RESOLVED:",
        "",
        *[f"({chr(97 + n)}) {r}" for n, r in enumerate(res)],
    ]
    url = f"https://{rng.choice(('democracy', 'moderngov'))}.{c.domain}/ieListDocuments.aspx?CId={rng.randrange(100, 999)}&MId={rng.randrange(1000, 9999)}&Ver=4"
    return "\n".join(lines) + "\n", url, "txt", meeting


def decision_page(rng: random.Random, c: Council, year: int) -> tuple[str, str, str, date]:
    i = inspection(rng, year)
    decided = i.published + timedelta(days=rng.randrange(10, 60))
    res, _due = resolutions(rng, "Cabinet", i, decided)
    lines = [
        "Issue - decisions",
        "",
        f"{decided:%d/%m/%Y} - {c.name} Council's response to the Ofsted inspection",
        "",
        "Decision Maker: Cabinet",
        "",
        f"Date of Decision: {decided:%d/%m/%Y}",
        "",
        "Decision:",
        "",
        "RESOLVED:",
        "",
        *[f"{n}. {r}" for n, r in enumerate(res, 1)],
        "",
        "Reasons for Decision:",
        "",
        inspection_paragraph(rng, c, i),
        "",
        rng.choice(FILLER),
    ]
    url = f"https://democracy.{c.domain}/ieDecisionDetails.aspx?ID={rng.randrange(1000, 99999)}"
    return "\n".join(lines) + "\n", url, "txt", decided


def news_release(rng: random.Random, c: Council, year: int) -> tuple[str, str, str, date]:
    i = inspection(rng, year)
    grade = i.judgement or "good"
    headline = rng.choice(
        (
            f"{c.name} children's services rated ‘{grade[0].upper() + grade[1:]}’ by Ofsted",
            f"Positive feedback from Ofsted following {i.kind}",
            f"Ofsted publishes findings on {c.name} children's services",
        )
    )
    cm, leader = person(rng), person(rng)
    portfolio = rng.choice(PORTFOLIOS)
    paras = [
        headline,
        inspection_paragraph(rng, c, i),
        f"Inspectors found that children's needs are at the heart of decision making and highlighted {rng.choice(IMPROVEMENTS)} as an area for improvement.",
        f"Councillor {cm}, Cabinet Member for {portfolio}, said:",
        "“This is a testament to the hard work of our social workers and partners. We are not complacent, and I can assure residents we will keep improving our services.”",
        f"Councillor {leader}, Leader of {c.official}, added:",
        "“I could not be prouder of our staff. Our work is making a real difference to the lives of vulnerable children.”",
        f"An improvement plan will be presented to Cabinet by {(i.published + timedelta(days=rng.randrange(60, 200))):%B %Y}.",
    ]
    url = f"https://www.{c.domain}/news/{slug(headline)[:60]}-{rng.randrange(100, 9999)}"
    if rng.random() < 0.125:
        body = "".join(f"<p>{p}</p>\n" for p in paras[1:])
        html = f"<!DOCTYPE html>\n<html><head><title>{headline} | {c.official}</title></head>\n<body><nav>Home | News</nav>\n<h1>{headline}</h1>\n{body}<footer>© {c.official}</footer></body></html>\n"
        return html, url, "html", i.published
    return "\n\n".join(paras) + "\n", url, "txt", i.published


GENRES = ((issue_page, 3), (agenda_item_minutes, 3), (full_minutes, 1), (decision_page, 1), (news_release, 2))


def document(seed: int, index: int, council_list: list[Council]) -> tuple[str, str, str, Council, date]:
    """Document ``index`` of the corpus with ``seed``: (text, url, extension, council, date)."""
    rng = random.Random(f"{seed}:{index}")
    c = rng.choice(council_list)
    year = rng.randrange(2014, 2025)
    genre = rng.choices([g for g, _ in GENRES], [w for _, w in GENRES])[0]
    text, url, ext, when = genre(rng, c, year)
    return text, f"{url}{'&' if '?' in url else '?'}n={index}" if "?" in url else f"{url}-{index}", ext, c, when


def generate(out: Path, size: int, seed: int = 7, progress: bool = False) -> dict[str, float]:
    """Write ``size`` documents and ``manifest.csv`` under ``out``; return counts."""
    out.mkdir(parents=True, exist_ok=True)
    council_list = councils()
    started = time.perf_counter()
    total = 0
    with (out / "manifest.csv").open("w", newline="", encoding="utf-8") as mf:
        writer = csv.writer(mf)
        writer.writerow(["file", "url", "council", "published"])
        for index in range(size):
            text, url, ext, c, when = document(seed, index, council_list)
            rel = f"docs/{index // 1000:03d}/{index:06d}.{ext}"
            path = out / rel
            if index % 1000 == 0:
                path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            total += len(data)
            writer.writerow([rel, url, c.slug, when.isoformat()])
            if progress and index and index % 10000 == 0:
                print(f"{index:,} documents", file=sys.stderr)
    return {"documents": size, "bytes": total, "seconds": time.perf_counter() - started}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="target folder (created)")
    parser.add_argument("--size", type=int, default=1000, help="number of documents (1000, 10000, 100000, …)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    r = generate(args.out, args.size, args.seed, progress=True)
    print(f"{r['documents']:,} documents, {r['bytes'] / 1e6:.1f} MB in {r['seconds']:.1f} s → {args.out}")


if __name__ == "__main__":
    main()
