"""Metamorphic testing of the extraction on dev pages: change the wording, not the facts, and see what breaks.

    python bench/metamorphic.py                        # every transformation on every dev page (~1 min)
    python bench/metamorphic.py --only dates-slash people --errors 5   # two transformations, misses of 5 worst pages
    python bench/metamorphic.py --challenge            # the made-up pages of bench/challenge instead (no ../shared)

Rules read from dev pages fit the dev pages' wording; unseen councils say the same things in other words and
layouts. Each transformation here rewrites every dev page's text in a way that keeps its facts (or changes them in a
known way, applied to its gold as well): dates written in another style councils use, a meeting's body renamed, each
person renamed with a name of another culture or spelling, the lines broken otherwise, the publishing council
replaced by another of the same type (its URL's host too, when the host names it). The transformed pages are built
and scored like ``bench/quality.py`` builds and scores (:func:`quality.predict`, :func:`caregraph.evaluate.score`);
a category's F1 that drops under a transformation names a rule fitted to a wording, and a fix for it is general by
construction.

Only dev pages are read: the gold folders of ``--split dev`` (``bench/gold-dev``, ``bench/gold-real{2..13}-dev``),
their texts in ``../shared/corpus`` and ``../realpages*``, and those pages' manifest rows; the blind split is never
opened (pages of ``bench/split.toml``'s blind tables are refused). Every transformation is deterministic for a seed
(``--seed``). Output: per transformation, the pooled F1 of each category before → after with the entries (true
positives) lost, and the pages whose true positives dropped most (``--errors N``: their misses and extras after).
"""

from __future__ import annotations

import argparse
import copy
import csv
import datetime
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from caregraph.evaluate import CATEGORIES, Counts, macro_f1, mismatches, normalise_gold, score_by_document  # noqa: E402
from caregraph.gazetteer import gazetteer  # noqa: E402
from caregraph.gold import council_slug, validate_gold  # noqa: E402
from quality import CHALLENGE, DEFAULT_CORPUS, GROUPS, REAL_CORPORA, SPLITS, blind_files, predict  # noqa: E402


@dataclass(frozen=True)
class Page:
    """One dev page: where it comes from, its text, its manifest row and its gold (annotation schema, as stored)."""

    split: str  # "dev", "dev2", …
    file: str  # the gold's file value in its own corpus ("docs/r4201.txt")
    text: str
    row: dict[str, str]  # manifest columns other than file (url, council, published)
    gold: dict[str, Any]

    @property
    def key(self) -> str:
        """The file in the combined corpus of the transformed pages (one folder per split: names may repeat)."""
        return f"docs/{self.split}/{Path(self.file).name}"


Transform = Callable[[Page, random.Random], Page]


# ---------------------------------------------------------------------------------------------------- loading


def _manifest(folder: Path, wanted: set[str]) -> dict[str, dict[str, str]]:
    """The manifest rows of the files in ``wanted`` only (a blind page's row is not kept)."""
    rows: dict[str, dict[str, str]] = {}
    for name in ("manifest.csv", "councils.csv"):  # councils.csv: the manifest plus each page's council
        path = folder / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("file") in wanted:
                    rows.setdefault(row["file"], {}).update({k: v for k, v in row.items() if k != "file" and v})
    return rows


def load_pages(challenge: bool = False) -> list[Page]:
    """Every dev page whose text is present (or, with ``challenge``, the made-up pages of bench/challenge)."""
    if challenge:
        sources = [("challenge", CHALLENGE / "gold", CHALLENGE)]
    else:
        sources = [
            (name, SPLITS[name], DEFAULT_CORPUS if name == "dev" else REAL_CORPORA[name[3:]]) for name in GROUPS["dev"]
        ]
    blind = blind_files()
    pages = []
    for split, gold_folder, corpus in sources:
        if not gold_folder.is_dir() or not corpus.is_dir():
            print(f"note: {split} left out ({gold_folder} or {corpus} is missing)", file=sys.stderr)
            continue
        golds = {}
        for path in sorted(gold_folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if "followups" in gold and gold["file"] not in blind:  # annotation schema, never a blind page
                golds[gold["file"]] = gold
        rows = _manifest(corpus, set(golds))
        for file, gold in golds.items():
            text_path = corpus / file
            if text_path.exists():
                pages.append(Page(split, file, text_path.read_text(encoding="utf-8"), rows.get(file, {}), gold))
    return pages


# ---------------------------------------------------------------------------------------------------- helpers

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_RE = "|".join(_MONTHS)
_WEEKDAY_RE = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
#: A day date as councils write it, long ("Tuesday, 16th July, 2019", "16 July 2019") or numeric ("16/07/2019"),
#: with the start of a range before it, if any ("16 and 17 July 2019", "2 March to 13 March 2020": such a date is left
#: as it is, since rewriting it alone would change the range).
_RANGE_START = rf"(?P<range>(?:\b\d{{1,2}}(?:st|nd|rd|th)?|\b(?:{_MONTH_RE}))\s*(?:and|to|until|-|–|—|&)\s*)?"
_LONG_DATE = re.compile(
    rf"(?<![\w/.]){_RANGE_START}{_WEEKDAY_RE}"
    rf"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE}),?\s+(?P<y>(?:19|20)\d\d)\b"
)
_NUMERIC_DATE = re.compile(rf"(?<![\w/.]){_RANGE_START}(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\w/])")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


DATE_STYLES: dict[str, Callable[[int, int, int], str]] = {
    "long": lambda d, m, y: f"{d} {_MONTHS[m - 1]} {y}",
    "slash": lambda d, m, y: f"{d:02d}/{m:02d}/{y}",
    "weekday": lambda d, m, y: f"{_WEEKDAYS[datetime.date(y, m, d).weekday()]}, {_ordinal(d)} {_MONTHS[m - 1]}, {y}",
    "dotted": lambda d, m, y: f"{d:02d}.{m:02d}.{y}",
    "dotted2": lambda d, m, y: f"{d:02d}.{m:02d}.{y % 100:02d}",
}


def _date_writer(style: str) -> Callable[[re.Match[str]], str]:
    """A replacement for :data:`_LONG_DATE` and :data:`_NUMERIC_DATE` writing the date in ``style``."""
    write = DATE_STYLES[style]

    def swap(match: re.Match[str]) -> str:
        if match["range"]:  # the second end of a range: rewriting it alone would change the range
            return match[0]
        day, year = int(match["d"]), int(match["y"])
        month = _MONTHS.index(match["m"]) + 1 if match["m"][0].isalpha() else int(match["m"])
        try:
            return write(day, month, year)
        except (ValueError, IndexError):
            return match[0]

    return swap


Replacement = str | Callable[[re.Match[str]], str]


def _literally(new: str) -> Callable[[re.Match[str]], str]:
    return lambda _match: new


def _after_group(new: str) -> Callable[[re.Match[str]], str]:
    """The match's first group (an honorific kept) and ``new`` after it."""
    return lambda match: match[1] + new


def _replace_everywhere(
    page: Page, pairs: Sequence[tuple[re.Pattern[str], Replacement]], gold_too: bool = True
) -> Page:
    """``page`` with every pattern replaced in its text and (``gold_too``) in every string of its gold."""

    def apply(value: str) -> str:
        for pattern, new in pairs:
            value = pattern.sub(new if callable(new) else _literally(new), value)
        return value

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return apply(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: v if k in ("file", "url", "council") else walk(v) for k, v in value.items()}
        return value

    return replace(page, text=apply(page.text), gold=walk(page.gold) if gold_too else page.gold)


def _words(name: str) -> re.Pattern[str]:
    """``name`` as whole words (a possessive after it too), its spaces any run of spaces or one line break, its
    apostrophes straight or curly, its "&" and "and" alike."""
    words = [
        "(?:&|and)" if w in ("&", "and") else re.escape(w).replace("'", "['’]").replace("’", "['’]")
        for w in name.split()
    ]
    return re.compile(r"(?<![\w'’-])" + r"[ \t]*\n?[ \t]*".join(words) + _WORD_END)


#: The end of a word: no letter or hyphen after it, an apostrophe only of a possessive ("Board’s", "Hill's").
_WORD_END = r"(?![\w-])(?!['’](?!s\b))"


# ---------------------------------------------------------------------------------------------------- transformations


def dates(style: str) -> Transform:
    """Day dates rewritten in ``style`` (:data:`DATE_STYLES`); the gold's dates are the same dates."""

    def transform(page: Page, rng: random.Random) -> Page:
        pairs: list[tuple[re.Pattern[str], Replacement]] = [(_LONG_DATE, swap), (_NUMERIC_DATE, swap)]
        return _replace_everywhere(page, pairs)  # the gold's quotes and decision texts are the text's words

    swap = _date_writer(style)

    return transform


#: Council bodies by kind, real-world style, for renaming a meeting's body with another of its kind and head word.
BODY_POOLS: dict[str, tuple[str, ...]] = {
    "scrutiny": (
        "People Overview and Scrutiny Panel",
        "Children and Families Select Committee",
        "Children and Young People Select Committee",
        "Children, Education and Skills Scrutiny Commission",
        "Scrutiny Commission",
        "Children's Services Scrutiny Sub-Committee",
        "Lifelong Learning and Young People Overview and Scrutiny Board",
        "Children and Young People Scrutiny Board",
        "Children's Services Scrutiny Panel",
    ),
    "executive": (
        "Executive",
        "Cabinet",
        "Executive Board",
        "Mayor and Cabinet",
        "Executive Cabinet",
        "Policy and Resources Committee",
    ),
    "board": (
        "Corporate Parenting Board",
        "Corporate Parenting Panel",
        "Children's Improvement Board",
        "Health and Wellbeing Board",
        "Safeguarding and Families Partnership Board",
        "Fostering Panel",
        "Children's Safeguarding Partnership",
        "Children and Young People's Partnership",
        "Schools Forum",
        "Children in Care Forum",
        "Corporate Parenting Group",
        "Improvement Steering Group",
    ),
    "committee": (
        "Children and Young People Committee",
        "Audit and Governance Committee",
        "Children, Young People and Education Committee",
        "Families and Communities Committee",
        "Policy and Resources Sub-Committee",
        "Appointments Sub-Committee",
    ),
}


def _head(body: str) -> str:
    """A body's head word, lower case: its last word ("Corporate Parenting Panel" → "panel")."""
    return body.split()[-1].lower()


def _body_kind(body: str) -> str | None:
    low = body.lower()
    if "scrutiny" in low or "select committee" in low:
        return "scrutiny"
    if low in {"cabinet", "executive", "the cabinet", "the executive", "executive board", "mayor and cabinet"}:
        return "executive"
    if low.endswith(("board", "panel", "partnership", "forum", "group")):
        return "board"
    if low.endswith("committee"):
        return "committee"
    return None  # "Council", "Full Council": too generic to rename everywhere


def bodies(page: Page, rng: random.Random) -> Page:
    """Each gold meeting's body renamed everywhere (text and gold) with another of its kind and head word (the text
    may call it by its head word alone: "the Board" stays a board), as written, in capitals and in lower case."""
    pairs = []
    for body in sorted(
        {m["body"] for m in page.gold.get("meetings") or [] if m.get("body")}, key=lambda n: (-len(n), n)
    ):
        kind = _body_kind(body)
        if kind is None or not _words(body).search(page.text) or _shorter_form(page.text, body):
            continue
        same_head = [b for pool in BODY_POOLS.values() for b in pool if _head(b) == _head(body)]
        choices = [b for b in same_head if b in BODY_POOLS[kind]] or same_head
        choices = [b for b in dict.fromkeys(choices) if b.lower() != body.lower()]
        if not choices:
            continue
        new = rng.choice(choices)
        forms = [(body, new), (body.upper(), new.upper())] + (
            [(body.lower(), new.lower())] if body.lower() != body else []
        )
        if _head(body) != "cabinet":  # the plural too ("… Scrutiny Committees" of a joint meeting)
            forms = [(f"{old}s", f"{renamed}s") for old, renamed in forms] + forms
        # a post named after the body ("Cabinet Member for Children") is no mention of it
        pairs += [(re.compile(_words(old).pattern + _NOT_A_POST), renamed) for old, renamed in forms]
    return _replace_everywhere(page, pairs)


def _shorter_form(text: str, body: str) -> bool:
    """Whether ``text`` also calls ``body`` by a shorter name of two words or more, the end of its name standing alone
    ("Improvement Board" beside "Children's Services Improvement Board"), or holds it as the end of a longer name
    ("Children's Services Improvement Board" for "Improvement Board"): a renaming would leave the one as it was or
    make a name of the other that no council has."""
    if re.search(
        r"(?<![\w'’-])(?!(?:The|A|An|This|That|Our|Its|Their)\b)[A-Z][\w'’-]*[ \t]+" + _words(body).pattern, text
    ):
        return True
    words = body.split()
    for i in range(1, len(words) - 1):
        for m in _words(" ".join(words[i:])).finditer(text):
            if not _words(body).search(text, max(0, m.start() - len(body) - 4), m.end()):
                return True
    return False


_NOT_A_POST = r"(?![ \t]+(?i:members?|lead|support\s+member)\b)"


#: Names of other cultures and spellings (given names, surname): accents, apostrophes, hyphens, particles.
NAMES: tuple[tuple[str, str], ...] = (
    ("Siobhán", "O'Brien"),
    ("Seán", "Ó Dálaigh"),
    ("Anne-Marie", "D'Souza-Smith"),
    ("Oluwaseun", "Adeyemi"),
    ("Lan", "Nguyen"),
    ("Zbigniew", "Wójcik"),
    ("Priya", "Ramachandran"),
    ("Mohammed", "Al-Rashid"),
    ("Chidi", "Okonkwo"),
    ("Gurpreet", "Sandhu"),
    ("Małgorzata", "Kowalczyk"),
    ("Kwame", "Asante-Mensah"),
    ("Eilidh", "MacLeod"),
    ("Rhiannon", "ap Dafydd"),
    ("Joost", "van der Berg"),
    ("Aisha", "Begum"),
    ("Dervla", "Mac Giolla Bhríde"),
    ("Tomasz", "Nowak"),
    ("Nkechi", "Obi-Williams"),
    ("Ioana", "Popescu"),
    ("Yusuf", "Hussain"),
    ("Bartholomew", "Fairweather"),
    ("Ngozi", "Eze"),
    ("Chloé", "Lefèvre"),
)
_HONORIFIC = r"(?:[Cc]ouncillor|[Cc]llr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|[Pp]rofessor|Prof\.?|Sir|Dame)"
#: Honorifics that stand before a given name alone ("Sir Stuart", "Dame Rachel").
_GIVEN_HONORIFIC = r"(?:Sir|Dame|Lord|Lady)"


def people(page: Page, rng: random.Random) -> Page:
    """Each gold person renamed everywhere (text and gold) with a name of :data:`NAMES`: the full name, the initial
    and surname ("D. Hill", "D Hill"), the surname after an honorific ("Cllr Hill", "councillor Hill"), the given name
    after a knight's or dame's honorific ("Sir Dave") and alone ("Dave said") where no other person has it and it is
    no word in lower case; honorifics and possessives kept."""
    names = sorted({p["name"] for p in page.gold.get("people") or [] if p.get("name")}, key=lambda n: (-len(n), n))
    pool = list(NAMES)
    rng.shuffle(pool)
    pairs: list[tuple[re.Pattern[str], Replacement]] = []
    surnames: dict[str, str] = {}
    givens: dict[str, str] = {}
    for name, (given, surname) in zip(names, pool, strict=False):
        parts = name.split()
        if not _words(name).search(page.text):
            continue
        old_surname = parts[-1]
        if len(parts) == 1:
            new = surnames.setdefault(old_surname, surname)
        elif re.fullmatch(r"[A-Z]\.?", parts[0]):
            new = f"{given[0]}{'.' if parts[0].endswith('.') else ''} {surnames.setdefault(old_surname, surname)}"
        else:
            new = f"{given} {surnames.setdefault(old_surname, surname)}"
            if len(parts[0]) > 2 and not parts[0].endswith("."):
                givens.setdefault(parts[0], given)
            initial = parts[0][0]
            pairs.append((_words(f"{initial}. {' '.join(parts[1:])}"), f"{given[0]}. {surnames[old_surname]}"))
            pairs.append((_words(f"{initial} {' '.join(parts[1:])}"), f"{given[0]} {surnames[old_surname]}"))
        pairs.insert(0, (_words(name), new))
    for old, new in surnames.items():
        after_honorific = re.compile(rf"\b({_HONORIFIC}\s+){re.escape(old)}{_WORD_END}")
        pairs.append((after_honorific, _after_group(new)))
    firsts = [n.split()[0] for n in names if len(n.split()) > 1]
    for old_given, new_given in givens.items():
        pairs.append(
            (re.compile(rf"\b({_GIVEN_HONORIFIC}\s+){re.escape(old_given)}{_WORD_END}"), _after_group(new_given))
        )
        if firsts.count(old_given) == 1 and not re.search(rf"\b{re.escape(old_given.lower())}\b", page.text):
            pairs.append((_words(old_given), new_given))
    return _replace_everywhere(page, pairs)


def layout(kind: str) -> Transform:
    """The lines broken otherwise; the gold unchanged. ``wrap``: lines longer than 72 characters hard-wrapped (PDF
    text, narrow pages); ``blank``: a blank line after every line; ``collapse``: no blank lines at all; ``join``:
    each paragraph's lines joined into one (pages scraped without their line breaks)."""

    def transform(page: Page, rng: random.Random) -> Page:
        lines = page.text.split("\n")
        if kind == "wrap":
            out = []
            for line in lines:
                while len(line) > 72 and " " in line[20:72]:
                    cut = line.rfind(" ", 20, 72)
                    out.append(line[:cut])
                    line = line[cut + 1 :]
                out.append(line)
            text = "\n".join(out)
        elif kind == "blank":
            text = "\n\n".join(line for line in lines if line.strip())
        elif kind == "collapse":
            text = "\n".join(line for line in lines if line.strip())
        else:  # join
            text = "\n\n".join(" ".join(p.split("\n")) for p in re.split(r"\n\s*\n", page.text))
        return replace(page, text=text)

    return transform


def council(page: Page, rng: random.Random) -> Page:
    """The publishing council replaced by another current council of the same type everywhere: its names in the
    text and gold, the council of the gold and the manifest, and the URL's host when the host names it (its domain,
    or a label spelling its name). A page whose host names its council in a way that cannot be carried over, or
    whose council changed over the years (a predecessor or successor), is left as it is."""
    gaz = gazetteer()
    slug = council_slug(page.gold["council"]) if page.gold.get("council") else None
    old = gaz.councils.get(slug or "")
    if old is None or old.start or old.end or not old.current:
        return page
    rows = {row["slug"]: row for row in _council_rows()}
    kind = rows[old.slug]["type"]
    others = sorted(
        c.slug
        for c in gaz.councils.values()
        if c.current and not c.start and not c.end and c.domains and c.slug != old.slug and rows[c.slug]["type"] == kind
    )
    if not others:
        return page
    new = gaz.councils[rng.choice(others)]
    row = dict(page.row)
    url = row.get("url")
    if url and gaz.from_url(url) == old.slug:
        parts = urlparse(url)
        host = parts.hostname or ""
        label = new.domains[0].split(".")[0]
        domain = next((d for d in old.domains if host == d or host.endswith("." + d)), None)
        if domain is not None:
            host = host[: len(host) - len(domain)] + new.domains[0]
        else:
            compact = re.sub(r"[^a-z]", "", old.name.lower())
            own = {d.split(".")[0] for d in old.domains}
            host = ".".join(label if re.sub(r"-", "", x) in own | {compact} else x for x in host.split("."))
        parts = parts._replace(netloc=host)
        url = urlunparse(parts)
        if gaz.from_url(url) != new.slug:
            return page
        row["url"] = url
    if "council" in row:
        row["council"] = new.slug
    names = sorted({old.official_name, *old.names, old.name}, key=lambda n: (-len(n), n))
    pairs = [(_words(n), new.official_name if n == old.official_name else new.name) for n in names if len(n) > 3]
    changed = _replace_everywhere(page, pairs)
    return replace(changed, row=row, gold={**changed.gold, "council": new.official_name})


def _council_rows() -> list[dict[str, str]]:
    with (ROOT / "ontology" / "councils.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


TRANSFORMS: dict[str, Transform] = {
    **{f"dates-{style}": dates(style) for style in DATE_STYLES},
    "bodies": bodies,
    "people": people,
    **{f"layout-{kind}": layout(kind) for kind in ("wrap", "blank", "collapse", "join")},
    "council": council,
}


# ---------------------------------------------------------------------------------------------------- running


def apply(transform: Transform, name: str, pages: list[Page], seed: int) -> list[Page]:
    """``transform`` on every page, each with its own generator seeded by (seed, transformation, page)."""
    out = []
    for page in pages:
        new = transform(copy.deepcopy(page), random.Random(f"{seed}:{name}:{page.key}"))
        if validate_gold(new.gold):  # a transformation that broke the gold leaves the page as it was
            new = page
        out.append(new)
    return out


def run(pages: list[Page]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Build ``pages`` as one corpus (one folder per split) and return (gold, predicted), keyed alike."""
    with tempfile.TemporaryDirectory(prefix="caregraph-metamorphic-") as tmp:
        root = Path(tmp)
        columns = ["file", "url", "council", "published"]
        with (root / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, restval="", extrasaction="ignore")
            writer.writeheader()
            for page in pages:
                path = root / page.key
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page.text, encoding="utf-8")
                writer.writerow({"file": page.key, **page.row})
        predicted = predict(root)
    gold = {page.key: normalise_gold({**page.gold, "file": page.key}) for page in pages}
    return gold, predicted


def _totals(per_page: dict[str, dict[str, Counts]], keys: Iterator[str] | list[str]) -> dict[str, Counts]:
    out = {category: Counts() for category in CATEGORIES}
    for key in keys:
        for category in CATEGORIES:
            out[category] += per_page[key].get(category, Counts())
    return out


def report(
    name: str,
    before: dict[str, dict[str, Counts]],
    after: dict[str, dict[str, Counts]],
    changed: set[str],
    gold: dict[str, dict],
    predicted: dict[str, dict],
    worst: int,
    errors: int,
) -> list[str]:
    """The per-category lines of one transformation, its worst pages and (``errors``) their misses and extras."""
    keys = sorted(before)
    b, a = _totals(before, keys), _totals(after, keys)
    out = [f"{name}: {len(changed)} of {len(keys)} pages changed; macro F1 {macro_f1(b):.3f} → {macro_f1(a):.3f}"]
    for category in CATEGORIES:
        lost, gained = b[category].tp - a[category].tp, a[category].fp - b[category].fp
        out.append(
            f"  {category:<12} {b[category].f1:.3f} → {a[category].f1:.3f}  ({a[category].f1 - b[category].f1:+.3f}; "
            f"entries lost {lost:+d}, extras {gained:+d})"
        )

    def drop(key: str) -> int:
        return sum(before[key][c].tp - after[key][c].tp + after[key][c].fp - before[key][c].fp for c in CATEGORIES)

    ranked = sorted((k for k in changed if drop(k) > 0), key=lambda k: (-drop(k), k))[:worst]
    for key in ranked:
        detail = ", ".join(
            f"{c} -{before[key][c].tp - after[key][c].tp}/+{after[key][c].fp - before[key][c].fp}"
            for c in CATEGORIES
            if before[key][c] != after[key][c]
        )
        out.append(f"    {key}: {detail}")
    for key in ranked[:errors]:
        for category, (missed, extra) in mismatches(gold[key], predicted.get(key)).items():
            out += [f"      {key} {category} - {json.dumps(m, ensure_ascii=False)[:200]}" for m in missed]
            out += [f"      {key} {category} + {json.dumps(p, ensure_ascii=False)[:200]}" for p in extra]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[1], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--only", nargs="+", choices=sorted(TRANSFORMS), help="these transformations only")
    parser.add_argument("--seed", type=int, default=14, help="seed of every transformation (default 14)")
    parser.add_argument("--worst", type=int, default=8, help="pages listed per transformation (default 8)")
    parser.add_argument("--errors", type=int, default=0, help="misses and extras of the N worst pages")
    parser.add_argument("--challenge", action="store_true", help="the made-up pages of bench/challenge instead")
    parser.add_argument("--limit", type=int, default=0, help="the first N pages only (a quick look)")
    args = parser.parse_args(argv)
    pages = load_pages(args.challenge)
    pages = pages[: args.limit] if args.limit > 0 else pages
    if not pages:
        print("Error: no pages (is ../shared/corpus there? --challenge needs none)", file=sys.stderr)
        return 2
    gold, predicted = run(pages)
    before = score_by_document(gold, predicted)
    print(f"{len(pages)} pages; baseline macro F1 {macro_f1(_totals(before, list(before))):.3f}")
    for name in args.only or list(TRANSFORMS):
        moved = apply(TRANSFORMS[name], name, pages, args.seed)
        changed = {new.key for new, old in zip(moved, pages, strict=True) if new != old}
        gold_t, predicted_t = run(moved)
        after = score_by_document(gold_t, predicted_t)
        print("\n".join(report(name, before, after, changed, gold_t, predicted_t, args.worst, args.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
