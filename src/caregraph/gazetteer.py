"""The councils of England: the only reader of ``ontology/councils.csv``.

One table, read once, answers every question about councils that caregraph asks:

- :meth:`Gazetteer.resolve` — a name, alias or slug → slug, optionally as things stood on a date (an inspection
  filed under a council created later belongs to the council it replaced); :meth:`Gazetteer.lookup` also takes
  GSS / DfE / register codes (for parameters typed by a person);
- :meth:`Gazetteer.from_url` — the council whose web domain (or a label of the host) a URL is on;
- :meth:`Gazetteer.find` — every council name in a text, as ``(start, end, slug)``.

>>> g = gazetteer()
>>> g.resolve("Surrey County Council"), g.lookup("936"), g.lookup("E10000030")
('surrey', 'surrey', 'surrey')
>>> g.from_url("https://democracy.leeds.gov.uk/mgAi.aspx?ID=1")
'leeds'
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import urlparse

from caregraph.resources import ontology_file

__all__ = ["Council", "Gazetteer", "gazetteer", "normalise_name"]


@dataclass(frozen=True)
class Council:
    slug: str
    name: str  # nice name ("Surrey")
    official_name: str  # "Surrey County Council"
    names: tuple[str, ...]  # every name and alias
    domains: tuple[str, ...]
    current: bool
    codes: tuple[str, ...] = ()  # GSS (current and former), DfE LA code, register code
    gss: str = ""
    dfe_code: str = ""
    start: date | None = None
    end: date | None = None
    replaced_by: tuple[str, ...] = ()


def normalise_name(name: str) -> str:
    """Case, spacing, curly apostrophes and ``&`` folded: the key every council name is looked up by."""
    return re.sub(r"\s+", " ", name.replace("’", "'").replace("&", "and")).strip().lower()


_WORD = re.compile(r"\w+|&")
_CAPITAL = re.compile(r"(?<![\w-])[^\W\d_a-z]\w*")
_CC_FORM = re.compile(r"\s+(?:County|City)\s+Council$")
# A council's style around its name: "… Metropolitan Borough Council", "London Borough of …"
_COUNCIL_SUFFIX = re.compile(r"\s+(?:metropolitan\s+borough\s+|city\s+|county\s+|borough\s+|district\s+)?council$")
_COUNCIL_PREFIX = re.compile(r"^(?:the\s+)?(?:london\s+borough|royal\s+borough|borough|city|county)\s+of\s+")
_MAX_NAME_WORDS = 8
_MIN_HOST_LABEL = 5  # a host label shorter than this never names a council by containing its slug
_MIN_SHORT_NAME = 4  # a domain label shorter than this is no short name ("Kent Council"; not "Iow Council")


def _name_words(name: str) -> tuple[str, ...]:
    return tuple("and" if w == "&" else w for w in _WORD.findall(name.replace("’", "'").lower()))


def _iso(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


@dataclass(eq=False)
class Gazetteer:
    councils: dict[str, Council]
    by_name: dict[str, str] = field(default_factory=dict)  # normalised name, alias or slug -> slug
    by_code: dict[str, str] = field(default_factory=dict)  # lower-cased GSS / DfE / register code -> slug

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]]) -> Gazetteer:
        councils: dict[str, Council] = {}
        for row in rows:
            names = {row["nice_name"], row["official_name"], *_split(row.get("alt_names"))}
            codes = (
                *_split(row.get("gss")),
                *_split(row.get("former_gss")),
                *_split(row.get("dfe_code")),
                *_split(row.get("register_code")),
            )
            council = Council(
                slug=row["slug"],
                name=row["nice_name"],
                official_name=row["official_name"],
                names=tuple(sorted(n for n in names if n)),
                domains=_split(row.get("domains")),
                current=(row.get("current") or "true").lower() == "true",
                codes=codes,
                gss=(row.get("gss") or "").strip(),
                dfe_code=(row.get("dfe_code") or "").strip(),
                start=_iso(row.get("start_date")),
                end=_iso(row.get("end_date")),
                replaced_by=_split(row.get("replaced_by")),
            )
            councils[council.slug] = council
        by_name: dict[str, str] = {}
        by_code: dict[str, str] = {}
        for council in councils.values():
            for code in council.codes:
                by_code.setdefault(code.lower(), council.slug)
        # Current councils win name clashes with their predecessors ("Dorset" is Dorset Council today).
        for council in sorted(councils.values(), key=lambda c: (c.current, c.slug)):
            for name in council.names:
                by_name[normalise_name(name)] = council.slug
        for slug in councils:
            by_name[slug] = slug
        # "Hampshire CC", "Leeds CC": the trade press's short form of a county or city council's official name, when
        # no council has that name already
        for council in sorted(councils.values(), key=lambda c: (not c.current, c.slug)):
            short = _CC_FORM.sub(" CC", council.official_name)
            if short != council.official_name:
                by_name.setdefault(normalise_name(short), council.slug)
        gaz = cls(councils, by_name, by_code)
        # "Richmond Council", "Kirklees Council": the own label of a current council's web domain (richmond.gov.uk)
        # with "Council" after it is how a council is commonly called, when no other council's name is that
        for label, slug in gaz._domain_labels.items():
            if label.isalpha() and len(label) >= _MIN_SHORT_NAME:
                by_name.setdefault(f"{label} council", slug)
        return gaz

    # ---------------------------------------------------------------------------------------------- lookups

    def resolve(self, text: str, when: date | None = None) -> str | None:
        """The slug of a council name, alias or slug, or None. A name the register lacks is tried without its
        trailing "(Metropolitan Borough|City|County|Borough|District) Council", then without a leading "London
        Borough of" and the like ("St Helens Borough Council", as the council calls itself, is St Helens). With
        ``when``, the council as things stood on that date: the name of a council created later resolves to the
        single council it replaced.

        >>> gazetteer().resolve("St Helens Borough Council"), gazetteer().resolve("Royal Borough of Greenwich")
        ('st-helens', 'greenwich')
        """
        name = normalise_name(text)
        slug = self.by_name.get(name)
        if slug is None:
            short = _COUNCIL_SUFFIX.sub("", name)
            slug = self.by_name.get(short) or self.by_name.get(_COUNCIL_PREFIX.sub("", short))
        return slug if slug is None or when is None else self.as_on(slug, when)

    def as_on(self, slug: str, when: date, latest: date | None = None) -> str:
        """The council that held ``slug``'s area from ``when`` to ``latest`` (``when`` alone when not given): the
        single predecessor of a council created after ``latest``, the single successor of a council that ended
        before ``when``; else ``slug``."""
        if slug not in self.councils:
            return slug
        council = self.councils[slug]
        latest = when if latest is None else latest
        if council.start is not None and latest < council.start:
            before = [
                c.slug for c in self.councils.values() if slug in c.replaced_by and (c.end is None or latest <= c.end)
            ]
            if len(before) == 1:
                return before[0]
        if council.end is not None and when > council.end and len(council.replaced_by) == 1:
            after = council.replaced_by[0]
            if after in self.councils:
                return after
        return slug

    def kin(self, slug: str) -> frozenset[str]:
        """``slug`` with the councils it replaced and those that replaced it (one area under its names over time).

        >>> sorted(gazetteer().kin("dorset"))
        ['dorset', 'dorset-county-council']
        """
        if slug not in self.councils:
            return frozenset([slug])
        before = [c.slug for c in self.councils.values() if slug in c.replaced_by]
        return frozenset([slug, *self.councils[slug].replaced_by, *before])

    def lookup(self, text: str, when: date | None = None) -> str | None:
        """:meth:`resolve`, or failing that the council with this GSS (current or former), DfE or register code."""
        return self.resolve(text, when) or self.by_code.get(text.strip().lower())

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """The names of up to ``n`` councils a name nobody knows may have meant, for an error message: the current
        councils whose names hold every word of ``text`` (a word may be cut short: "Kingston" is both Kingstons), else
        the names closest in spelling.

        >>> gazetteer().suggest("Kingston")
        ['Kingston upon Hull', 'Kingston upon Thames']
        >>> gazetteer().suggest("Surey")[0]
        'Surrey'
        """
        words = _name_words(text)
        if words:
            hits = sorted(
                {
                    council.name
                    for council in self.councils.values()
                    if council.current
                    and any(
                        all(any(w.startswith(word) for w in _name_words(name)) for word in words)
                        for name in council.names
                    )
                }
            )
            if hits:
                return hits[:n]
        import difflib

        names = sorted({c.name for c in self.councils.values()})
        return difflib.get_close_matches(text, names, n=n, cutoff=0.6)

    def from_url(self, url: str | None, *, contained: bool = True) -> str | None:
        """The council whose web domain the URL is on (``democracy.leeds.gov.uk`` → ``leeds``), whose domain's own
        label a label of the host is (``rbwm.moderngov.co.uk`` → Windsor and Maidenhead, of ``rbwm.gov.uk``), or
        whose name a label of the host spells or contains (``worcestershire.moderngov.co.uk``,
        ``moderngov.anyshiresites.com``, ``west-sussex.example.org``).

        A label that merely contains a council's name is weaker evidence than the others: the name may be part of
        a longer word ("wessexfm" holds "essex", "brentfordtw8" holds "brent") or a newspaper may be named after a
        neighbour of the council its page is about. ``contained=False`` leaves that reading out (the extraction
        weighs it against the text: :attr:`caregraph.pipeline.extract.doc.Doc.declared_council`)."""
        if not url:
            return None
        try:
            host = (urlparse(url.strip()).hostname or "").lower()
        except ValueError:
            return None
        known = self._host_councils  # (each host's answer worked out once: speed only)
        if host not in known:
            known[host] = self._from_host(host)
        slug, held = known[host]
        return slug if contained or not held else None

    @cached_property
    def _host_councils(self) -> dict[str, tuple[str | None, bool]]:
        """:meth:`_from_host` of each host asked about so far."""
        return {}

    def _from_host(self, host: str) -> tuple[str | None, bool]:
        """:meth:`from_url` of a URL on ``host`` (lower case), and whether the council's name is only contained in a
        label of the host."""
        # the longest of the council domains that is the host or a dot-separated end of it
        by_domain = self._by_domain
        slug = by_domain.get(host)
        dot = host.find(".")
        while slug is None and dot >= 0:
            slug = by_domain.get(host[dot + 1 :])
            dot = host.find(".", dot + 1)
        if slug is not None:
            return slug, False
        labels = [
            label.replace("-", "")
            for label in host.split(".")
            if label not in {"www", "gov", "org", "co", "uk", "com", "net", "moderngov"}
        ]
        for label in labels:
            if label in self._domain_labels and len(label) >= 3:
                return self._domain_labels[label], False
        for label in labels:
            if label in self._compact and len(label) > 3:
                return self._compact[label], False
        # A label that is a former council's domain's own label (dorsetforyou.gov.uk, of dorsetforyou.com): that
        # council, before any current council whose name the label merely contains.
        for label in labels:
            if label in self._former_domain_labels and len(label) >= _MIN_HOST_LABEL:
                return self._former_domain_labels[label], False
        # A label that contains a council's compact name (longest name first, so "westsussex" beats "sussex").
        for compact, slug in self._compact_longest:
            if len(compact) >= _MIN_HOST_LABEL and any(compact in label for label in labels):
                return slug, True
        # A label that opens with a council's domain label, the name it goes by on the web
        # ("newcastlesupportdirectory" of newcastle.gov.uk, "southglosnews" of southglos.gov.uk): as weak as the above.
        for label in labels:
            for end in range(len(label) - 1, _MIN_HOST_LABEL - 1, -1):
                if (slug := self._domain_labels.get(label[:end])) is not None:
                    return slug, True
        return None, False

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Every council name in ``text[start:end]`` that starts with a capital, as ``(start, end, slug)``: a linear
        scan over words (a name is matched as a run of words, punctuation ignored, longest first). Nothing is kept
        between calls: extraction asks through ``Doc.councils_in``, which keeps each span's names with the
        document."""
        end = len(text) if end is None else end
        pos = start
        for m in self._first_words.finditer(text, start, end):
            if m.start() < pos or not m.group(0)[0].isupper():
                continue
            key = m.group(0).lower()
            candidates = self._words.get(key)
            if not candidates:
                continue
            # the words from the first on (the first is m's), read only as far as a candidate needs: most fail at
            # their second word (speed only)
            words, ends = [key], [m.end()]
            more = _WORD.finditer(text, m.end(), min(end, m.start() + 160))
            for name in candidates:
                n = len(name)
                if n > _MAX_NAME_WORDS:
                    continue
                while len(words) < n and (t := next(more, None)) is not None:
                    words.append("and" if t.group(0) == "&" else t.group(0).lower())
                    ends.append(t.end())
                if n <= len(words) and tuple(words[:n]) == name:
                    slug = self._by_words.get(name)
                    if slug is not None:
                        yield m.start(), ends[n - 1], slug
                        pos = ends[n - 1]
                    break

    # ---------------------------------------------------------------------------------------------- indexes

    @cached_property
    def _domains(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            sorted(((d.lower(), c.slug) for c in self.councils.values() for d in c.domains), key=lambda x: -len(x[0]))
        )

    @cached_property
    def _by_domain(self) -> dict[str, str]:
        """Each web domain's council (the first of :attr:`_domains` when two councils share one)."""
        out: dict[str, str] = {}
        for domain, slug in self._domains:
            out.setdefault(domain, slug)
        return out

    @cached_property
    def _domain_labels(self) -> dict[str, str]:
        """The first label of each current council's web domain ("rbwm" of rbwm.gov.uk), when only one council's
        domains have it."""
        seen: dict[str, set[str]] = {}
        for c in self.councils.values():
            if c.current:
                for d in c.domains:
                    label = d.lower().removeprefix("www.").split(".")[0].replace("-", "")
                    seen.setdefault(label, set()).add(c.slug)
        return {label: next(iter(slugs)) for label, slugs in seen.items() if len(slugs) == 1}

    @cached_property
    def _former_domain_labels(self) -> dict[str, str]:
        """The first label of each former council's web domain, when only one council's domains have it and no
        current council's domain does."""
        seen: dict[str, set[str]] = {}
        for c in self.councils.values():
            for d in c.domains:
                label = d.lower().removeprefix("www.").split(".")[0].replace("-", "")
                seen.setdefault(label, set()).add(c.slug)
        return {
            label: slug
            for label, slugs in seen.items()
            if len(slugs) == 1 and not self.councils[slug := next(iter(slugs))].current
        }

    @cached_property
    def _compact(self) -> dict[str, str]:
        compact: dict[str, str] = {}
        for c in self.councils.values():
            if c.current:
                compact[c.slug.replace("-", "")] = c.slug
                compact.setdefault(re.sub(r"[^a-z]", "", c.name.lower().replace("&", "and")), c.slug)
        return compact

    @cached_property
    def _compact_longest(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(self._compact.items(), key=lambda kv: -len(kv[0])))

    @cached_property
    def _by_words(self) -> dict[tuple[str, ...], str]:
        return {
            _name_words(name): slug
            for name, slug in self.by_name.items()
            if len(name) > 3 and not any(ch.isdigit() for ch in name)
        }

    @cached_property
    def _first_words(self) -> re.Pattern[str]:
        """Where :meth:`find` looks for a name: a word (not after a word character or "-") that is, in some case, the
        first word of a name; :data:`_CAPITAL`, every word :meth:`find` would otherwise try, when a first word is
        not plain ASCII. Speed only: a word whose lower case is a first word (ASCII) matches it case-insensitively,
        and :meth:`find` still tests the word exactly."""
        firsts = sorted(self._words)
        if not all(w.isascii() and w.isalnum() for w in firsts):
            return _CAPITAL
        return re.compile(rf"{_trie(firsts, first=True)}(?!\w)")

    @cached_property
    def _words(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        index: dict[str, list[tuple[str, ...]]] = {}
        for words in self._by_words:
            index.setdefault(words[0], []).append(words)
        return {w: tuple(sorted(set(v), key=len, reverse=True)) for w, v in index.items()}


def _trie(words: list[str], first: bool = False) -> str:
    """A pattern matching exactly the ``words`` (ASCII letters and digits, in lower case) in any case, letter by
    letter as :meth:`str.lower` folds them (the Kelvin sign is a "k"), branching on a letter at a time so a search
    tries few alternatives at each position ("" for the empty word alone). With ``first``, the words' first letters
    only in upper case, each alternative starting with a letter of its own (so that a search skips to those
    letters), and no word character or "-" before it."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        if w:
            by_first.setdefault(w[0], []).append(w[1:])
    branches: list[str] = []
    for ch, rest in by_first.items():
        tail = _trie(rest)
        if first:
            branches.extend(rf"{up}(?<![\w-].){tail}" for up in ch.upper() + ("\u212a" if ch == "k" else ""))
        else:
            cased = ch + ch.upper() + ("\u212a" if ch == "k" else "")
            branches.append(f"[{cased}]{tail}" if len(cased) > 1 else ch + tail)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with ontology_file("councils.csv").open(encoding="utf-8", newline="") as fh:
            _GAZETTEER = Gazetteer.from_rows(list(csv.DictReader(fh)))
    return _GAZETTEER
