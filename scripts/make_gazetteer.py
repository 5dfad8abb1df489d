#!/usr/bin/env python3
"""Build the councils gazetteer (ontology/councils.csv and ontology/councils.ttl).

The gazetteer lists the English local authorities with children's services duties (the 153 current ones
and the former ones that still appear in Ofsted's inspection history), with their names, codes, region,
web domains and lineage. It is derived from the reference data described in ``refdata/SOURCES.md``; the
reference files themselves are not committed, only this table of facts (see ``ontology/SOURCES.md``).

Every correction applied to the sources is a named constant below, with its reason, so that the output
can be audited and a change in the sources shows up as a warning rather than silently.

Output is deterministic: rows are sorted by slug, lists are sorted, and nothing depends on the clock.

Example::

    $ python scripts/make_gazetteer.py --refdata ../shared/refdata --out ontology/
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import rdflib

REPO_ROOT = Path(__file__).resolve().parent.parent

# --- the files read -------------------------------------------------------------------------------------

REGISTER = "uk_local_authorities_current.csv"  # mySociety, CC BY 4.0
NAME_LOOKUP = "lookup_name_to_registry.csv"  # mySociety, CC BY 4.0
PROVIDER_LOOKUP = "Provider_data_lookup.csv"  # Data to Insight (JT-39 fork), MIT
ORGANISATIONS = "organisation.csv"  # digital-land, OGL v3.0

SOURCE_URLS = (
    "https://github.com/mysociety/uk_local_authority_names_and_codes/blob/"
    "67ef8b118938678401a452f4f19f669a7221cc73/data/packages/uk_la_past_current/uk_local_authorities_current.csv",
    "https://github.com/mysociety/uk_local_authority_names_and_codes/blob/"
    "049128b001e9483c9a6cb5641cf6c2dac6f7b3b9/data/packages/uk_la_past_current/lookup_name_to_registry.csv",
    "https://github.com/JT-39/ofsted-ilacs-scrape-tool/blob/"
    "c6a37a9983a9c56c931710d653dc2564f1b0f132/import_data/la_lookup/Provider_data_lookup.csv",
    "https://github.com/digital-land/organisation-dataset/blob/"
    "0e22143868e63332b3f996f0faad0f8fb585a347/collection/organisation.csv",
)
LICENCES = (
    "https://creativecommons.org/licenses/by/4.0/",
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    "https://opensource.org/licenses/MIT",
)
ATTRIBUTION = "Contains data from mySociety (CC BY 4.0), Data to Insight (MIT), and GOV.UK/digital-land (OGL v3.0)"

# --- selection --------------------------------------------------------------------------------------------

#: Register types with children's services duties: county, unitary, metropolitan district, London borough,
#: City of London.
CHILDRENS_SERVICES_TYPES = frozenset({"CTY", "UA", "MD", "LBO", "CC"})
#: Former councils are kept when they had those duties (the City of London never changed).
FORMER_TYPES = frozenset({"CTY", "UA", "MD", "LBO"})
EXPECTED_CURRENT = 153

# --- corrections (each one documented in ontology/SOURCES.md) --------------------------------------------

#: Names used as the gazetteer's nice name (and so the IRI key) instead of the register's nice-name.
#: Current councils: Ofsted's own name for the authority (2a, "Local authority name"), where the register
#: uses a different name. Former county councils: the official name, because the register's nice-name is
#: the same as (or a stub of) the successor's and the slug must be unique and stable.
NICE_NAME_OVERRIDES = {
    "BST": "Bristol",  # register: "City of Bristol"
    "DST": "Dorset",  # register: "Dorset Council"
    "DUR": "Durham",  # register: "County Durham"
    "SHN": "St Helens",  # register: "St. Helens"
    "BKM": "Buckinghamshire County Council",  # register: "Buckinghamshire County"
    "DOR": "Dorset County Council",  # register: "Dorset County"
    "NYK": "North Yorkshire County Council",  # register: "North Yorkshire" (= North Yorkshire Council)
    "SOM": "Somerset County Council",  # register: "Somerset" (= Somerset Council)
}

#: Current GSS codes the register has not caught up with (SOURCES.md 1a): (register code, current code).
#: The register's code is kept in former_gss. Provider_data_lookup.csv is checked to agree.
GSS_CORRECTIONS = {
    "BNS": ("E08000016", "E08000038"),  # Barnsley, boundary change 2023
    "SHF": ("E08000019", "E08000039"),  # Sheffield, boundary change 2023
}

#: Wikidata ids in organisation.csv known to be wrong: left blank rather than wrong.
BAD_WIKIDATA = {
    "WNM": "Q6391507",  # Windsor & Maidenhead row carries Kensington & Chelsea's id (SOURCES.md 1d)
}

#: Websites in organisation.csv known to be wrong.
BAD_WEBSITES = {
    "WNM": "rbkc.gov.uk",  # the same copied row: Kensington & Chelsea's website
}

#: Websites neither source gives a council (its organisation.csv row carries another council's, above), from the
#: council's own site, so that a document at that address resolves to its publisher.
MISSING_WEBSITES = {
    "WNM": "rbwm.gov.uk",  # Royal Borough of Windsor and Maidenhead
}

#: Names the sources have not caught up with: a council renamed when its town was made a city in 2022.
MISSING_NAMES = {
    "MIK": ("Milton Keynes City Council",),  # city status 2022; the council's own name since
    "SOS": ("Southend-on-Sea City Council", "Southend City Council"),  # city status 2022
}

#: Domains in Provider_data_lookup.csv that must not identify one council, with the reason.
REJECTED_DOMAINS = {
    "analysticsbi.com": "not a council domain (Suffolk row; looks like a placeholder)",
    "achievingforchildren.org.uk": "shared: Achieving for Children serves Kingston, Richmond and Windsor & Maidenhead",
    "richmondandwandsworth.gov.uk": "shared by Richmond upon Thames and Wandsworth",
    "nctrust.co.uk": "shared: Northamptonshire Children's Trust serves North and West Northamptonshire",
}

#: Names in the register's alt-names that are truncation artefacts ("… london boro"), not names people write.
ARTEFACT_NAME = re.compile(r"\blondon boro$", re.IGNORECASE)


def plausible_start(value: str) -> bool:
    """Whether a start date is believable: English reorganisations take effect on 1 April.

    The other start dates in the sources are register-entry artefacts (2005-06-xx in the register,
    1905-06-xx in organisation.csv) or unexplained (1889-01-01, 1937-01-01, Birmingham 1986/1996-07-01),
    so they are dropped rather than asserted.

    >>> plausible_start("1974-04-01"), plausible_start("2005-06-19"), plausible_start("")
    (True, False, False)
    """
    return bool(re.fullmatch(r"\d{4}-04-01", value))


REGIONS = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)
_REGION_KEYS = {re.sub(r"[^a-z]", "", r.lower()): r for r in REGIONS}

# --- output -----------------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "slug",
    "register_code",
    "official_name",
    "nice_name",
    "alt_names",
    "gss",
    "former_gss",
    "dfe_code",
    "region",
    "type",
    "wikidata",
    "domains",
    "start_date",
    "end_date",
    "replaced_by",
    "current",
)

CG = "https://w3id.org/caregraph/ontology#"
CGD = "https://w3id.org/caregraph/id/"
COUNCIL_NS = CGD + "council/"
DATASET_IRI = CGD + "dataset/councils"
CHANGE_NS = CGD + "change/"
CGV = "https://w3id.org/caregraph/vocab/"
ONS_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

PREFIXES = (
    ("cg", CG),
    ("cgd", CGD),
    ("council", COUNCIL_NS),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("council-type", CGV + "council-type/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("region", CGV + "region/"),
    ("schema", "https://schema.org/"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)


class GazetteerError(Exception):
    """The reference data does not give a consistent gazetteer."""


@dataclass(frozen=True)
class ChangeEvent:
    """A reorganisation, from the register's lineage: councils that ended the day before ``day`` and the councils
    that replaced them (``dcterms:isReplacedBy``), one event per connected group (Bournemouth and Poole into
    Bournemouth, Christchurch and Poole is one event; Dorset County Council into Dorset, the same day, another)."""

    day: str
    originals: tuple[str, ...]  # slugs, sorted
    results: tuple[str, ...]  # slugs, sorted

    @property
    def key(self) -> str:
        return f"{self.day}/{'_'.join(self.originals)}"


@dataclass(frozen=True)
class Concepts:
    """The region and council-type concepts of ontology/vocabularies.ttl, by region name and by type code."""

    regions: dict[str, str]  # prefLabel or altLabel → concept key
    types: dict[str, str]  # notation (register type code) → concept key


@dataclass
class Council:
    register_code: str
    official_name: str
    nice_name: str
    type: str
    current: bool
    gss: str
    former_gss: set[str] = field(default_factory=set)
    dfe_code: str = ""
    region: str = ""
    wikidata: str = ""
    alt_names: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    start_date: str = ""
    end_date: str = ""
    replaced_by: list[str] = field(default_factory=list)  # register codes until resolved to slugs
    slug: str = ""

    def row(self) -> dict[str, str]:
        return {
            "slug": self.slug,
            "register_code": self.register_code,
            "official_name": self.official_name,
            "nice_name": self.nice_name,
            "alt_names": "|".join(self.alt_names),
            "gss": self.gss,
            "former_gss": "|".join(sorted(self.former_gss)),
            "dfe_code": self.dfe_code,
            "region": self.region,
            "type": self.type,
            "wikidata": self.wikidata,
            "domains": "|".join(self.domains),
            "start_date": self.start_date,
            "end_date": self.end_date,
            "replaced_by": "|".join(self.replaced_by),
            "current": "true" if self.current else "false",
        }


# --- small helpers ----------------------------------------------------------------------------------------


def slugify(name: str) -> str:
    """The IRI key of a name: ASCII, lower case, hyphenated.

    >>> slugify("Bath and North East Somerset")
    'bath-and-north-east-somerset'
    >>> slugify("St. Helens")
    'st-helens'
    >>> slugify("Telford & Wrekin")
    'telford-and-wrekin'
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def name_key(name: str) -> str:
    """Key for case-insensitive de-duplication of names."""
    return " ".join(name.casefold().split())


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise GazetteerError(f"{path}: not found; pass the reference data folder with --refdata")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def split_register_names(value: str) -> list[str]:
    """Split the register's alt-names: names are joined by "," but may contain ", " themselves.

    >>> split_register_names("Bristol, City of,bristol,city of bristol")
    ['Bristol, City of', 'bristol', 'city of bristol']
    """
    return [part.strip() for part in re.split(r",(?! )", value) if part.strip()]


def split_also_known_as(value: str, known: set[str]) -> list[str]:
    """Split Provider_data_lookup's ``[A, B, C]`` list, re-joining pieces that form a known name.

    "[BCP, Bournemouth, Christchurch & Poole]" means "BCP" and "Bournemouth, Christchurch & Poole",
    not "Bournemouth" (the former borough) and "Christchurch & Poole".
    """
    pieces = [p.strip() for p in value.strip().strip("[]").split(",") if p.strip()]
    loose = {name_key(k.replace("&", "and")) for k in known}
    names: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i + 1, -1):  # longest known join first
            joined = ", ".join(pieces[i:j])
            if name_key(joined.replace("&", "and")) in loose:
                names.append(joined)
                i = j
                break
        else:
            names.append(pieces[i])
            i += 1
    return names


def host_of(url_or_domain: str) -> str:
    """The host of a URL or bare domain, lower case, without ``www.``.

    >>> host_of("https://www.surreycc.gov.uk/")
    'surreycc.gov.uk'
    >>> host_of("Walthamforest.gov.uk")
    'walthamforest.gov.uk'
    """
    text = url_or_domain.strip().lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    host = text.split("/", 1)[0].split(":", 1)[0].strip(".")
    return host[4:] if host.startswith("www.") else host


def covers(domain: str, host: str) -> bool:
    """Whether ``host`` is ``domain`` or one of its subdomains (matching is by domain suffix)."""
    return host == domain or host.endswith("." + domain)


def normalise_region(value: str) -> str:
    key = re.sub(r"[^a-z]", "", value.lower())
    if not key:
        return ""
    if key not in _REGION_KEYS:
        raise GazetteerError(f"unknown English region {value!r}; expected one of {', '.join(REGIONS)}")
    return _REGION_KEYS[key]


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


# --- building ---------------------------------------------------------------------------------------------


def select_councils(register: list[dict[str, str]], expected_current: int = EXPECTED_CURRENT) -> dict[str, Council]:
    councils: dict[str, Council] = {}
    for row in register:
        if row["nation"] != "England":
            continue
        current = row["current-authority"] == "True"
        kind = row["local-authority-type"]
        if kind not in (CHILDRENS_SERVICES_TYPES if current else FORMER_TYPES):
            continue
        code = row["local-authority-code"]
        gss = row["gss-code"]
        former = {g.strip() for g in row["former-gss-codes"].split(",") if g.strip()}
        if code in GSS_CORRECTIONS:
            old, new = GSS_CORRECTIONS[code]
            if gss != old:
                warn(f"{code}: register GSS is {gss}, expected {old}; correction {old} -> {new} still applied")
            former.add(gss)
            gss = new
        councils[code] = Council(
            register_code=code,
            official_name=" ".join(row["official-name"].split()),  # "North Somerset  Council"
            nice_name=NICE_NAME_OVERRIDES.get(code, row["nice-name"]),
            type=kind,
            current=current,
            gss=gss,
            former_gss=former - {gss},
            dfe_code=row["old-ons-la-code"],
            start_date=row["start-date"] if plausible_start(row["start-date"]) else "",
            end_date=row["end-date"],
            replaced_by=sorted(c.strip() for c in row["replaced-by"].split(",") if c.strip()),
        )
    current_count = sum(c.current for c in councils.values())
    if current_count != expected_current:
        raise GazetteerError(f"{current_count} current councils selected from {REGISTER}, expected {expected_current}")
    for code, council in councils.items():
        for successor in council.replaced_by:
            if successor not in councils:
                raise GazetteerError(f"{code} is replaced by {successor}, which is not in the gazetteer")
    for code in sorted(NICE_NAME_OVERRIDES.keys() | GSS_CORRECTIONS.keys() | BAD_WIKIDATA.keys()):
        if code not in councils:
            warn(f"correction for {code} no longer applies: not in the selection")
    return councils


def assign_slugs(councils: dict[str, Council]) -> None:
    seen: dict[str, str] = {}
    for code, council in sorted(councils.items()):
        council.slug = slugify(council.nice_name)
        if council.slug in seen:
            raise GazetteerError(
                f"slug {council.slug!r} is shared by {seen[council.slug]} and {code}; "
                "add a NICE_NAME_OVERRIDES entry to tell them apart"
            )
        seen[council.slug] = code


def fix_lineage_dates(councils: dict[str, Council]) -> None:
    """End dates are the last day in office, the day before the successor starts.

    The register mixes conventions: 2019-03-31 for Bournemouth, but 2023-04-01 (the successors' first
    day) for Cumbria, North Yorkshire CC and Somerset CC, and 2021-04-01 for Northamptonshire.
    """
    for council in councils.values():
        starts = {councils[s].start_date for s in council.replaced_by if councils[s].start_date}
        if council.end_date and council.end_date in starts:
            day_before = date.fromisoformat(council.end_date) - timedelta(days=1)
            council.end_date = day_before.isoformat()


def join_provider_lookup(councils: dict[str, Council], rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Provider_data_lookup rows by register code, joined on the (corrected) GSS code only.

    Joining former councils on the DfE code would give them their successors' rows (Bucks 825, North
    Yorkshire 815 and Somerset 933 kept their DfE codes).
    """
    by_gss = {row["la_code_new"]: row for row in rows}
    joined = {}
    for code, council in councils.items():
        row = by_gss.get(council.gss)
        if row is None:
            if council.current:
                raise GazetteerError(f"{PROVIDER_LOOKUP}: no row with la_code_new={council.gss} ({code})")
            continue
        joined[code] = row
        if not council.dfe_code:
            council.dfe_code = row["la_code"]
        elif council.dfe_code != row["la_code"]:
            warn(f"{code}: register DfE code {council.dfe_code} but {PROVIDER_LOOKUP} has {row['la_code']}")
    for code, (_, new) in GSS_CORRECTIONS.items():
        if code in councils and code not in joined:
            warn(f"{code}: {PROVIDER_LOOKUP} does not confirm the corrected GSS code {new}")
    return joined


def join_organisations(councils: dict[str, Council], rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """organisation.csv rows by register code, on the GSS code (its 2020-23 councils use other codes)."""
    by_gss: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["organisation"].startswith("local-authority-eng:"):
            by_gss[row["statistical-geography"]].append(row)
    joined = {}
    for code, council in councils.items():
        candidates = by_gss.get(council.gss, []) + [r for g in sorted(council.former_gss) for r in by_gss.get(g, [])]
        if len(candidates) > 1:
            same_code = [r for r in candidates if r["organisation"] == f"local-authority-eng:{code}"]
            candidates = same_code
        if len(candidates) == 1:
            joined[code] = candidates[0]
        else:
            warn(f"{code}: {len(candidates)} rows in {ORGANISATIONS}; no Wikidata id or website taken")
    return joined


def choose_regions(
    councils: dict[str, Council],
    register: dict[str, dict[str, str]],
    provider: dict[str, dict[str, str]],
    organisations: dict[str, dict[str, str]],
) -> None:
    """Region by majority of the three sources (ties go to the register); else the successor's region."""
    for code, council in councils.items():
        votes = [
            normalise_region(register[code]["region"]),
            normalise_region(provider[code]["region_name"]) if code in provider else "",
            normalise_region(organisations[code]["region"]) if code in organisations else "",
        ]
        counts = Counter(v for v in votes if v)
        if counts:
            best = max(counts.values())
            council.region = next(v for v in votes if v and counts[v] == best)
            if votes[0] and votes[0] != council.region:
                warn(f"{code}: register region {votes[0]!r} outvoted by {council.region!r}")
    for council in councils.values():
        if not council.region:
            regions = {councils[s].region for s in council.replaced_by} - {""}
            if len(regions) == 1:
                council.region = regions.pop()


def collect_names(
    councils: dict[str, Council],
    register: dict[str, dict[str, str]],
    lookup: list[dict[str, str]],
    provider: dict[str, dict[str, str]],
) -> None:
    """Alternative names from the register, the name lookup and Provider_data_lookup's also_known_as.

    Case-insensitive duplicates keep the form with capitals. A name claimed by a current council and a
    former one stays with the current council only; a name claimed by two current councils is dropped.
    """
    candidates: dict[str, list[str]] = defaultdict(list)
    for code, council in councils.items():
        row = register[code]
        candidates[code] += [council.official_name, row["nice-name"]]
        candidates[code] += split_register_names(row["alt-names"])
        candidates[code] += MISSING_NAMES.get(code, ())
    for row in lookup:
        if row["local-authority-code"] in councils:
            candidates[row["local-authority-code"]].append(" ".join(row["la-name"].split()))
    for code, row in provider.items():
        if row["also_known_as"]:
            candidates[code] += split_also_known_as(row["also_known_as"], set(candidates[code]))

    chosen: dict[str, dict[str, str]] = {}
    for code, names in candidates.items():
        forms: dict[str, str] = {}
        for name in names:
            if not name or ARTEFACT_NAME.search(name):
                continue
            key = name_key(name)
            if key not in forms or (forms[key] == forms[key].lower() and name != name.lower()):
                forms[key] = name
        forms.pop(name_key(councils[code].nice_name), None)
        chosen[code] = forms

    owners: dict[str, set[str]] = defaultdict(set)
    for code, forms in chosen.items():
        for key in forms:
            owners[key].add(code)
        owners[name_key(councils[code].nice_name)].add(code)
    for key, codes in sorted(owners.items()):
        if len(codes) < 2:
            continue
        current = {c for c in codes if councils[c].current}
        keep = current if len(current) == 1 else set()
        for code in codes - keep:
            chosen[code].pop(key, None)
        if len(current) > 1:
            warn(f"name {key!r} is used by {', '.join(sorted(current))}; dropped from all of them")
    for code, forms in chosen.items():
        councils[code].alt_names = sorted(forms.values(), key=lambda n: (name_key(n), n))


def collect_domains(
    councils: dict[str, Council],
    provider: dict[str, dict[str, str]],
    organisations: dict[str, dict[str, str]],
) -> None:
    """Web domains: Provider_data_lookup ``domain`` and organisation.csv ``website`` hosts.

    A host covered by another of the council's domains is dropped (matching is by suffix). A domain
    claimed by a current council and a former one stays with the current council (Poole's row carries
    bcpcouncil.gov.uk, the old North Yorkshire and Somerset county councils share their successors'
    sites). Any other overlap is an error: one URL must lead to one council.
    """
    hosts: dict[str, set[str]] = defaultdict(set)
    for code, row in provider.items():
        if row["domain"]:
            hosts[code].add(host_of(row["domain"]))
    for code, row in organisations.items():
        if row["website"] and host_of(row["website"]) != BAD_WEBSITES.get(code):
            hosts[code].add(host_of(row["website"]))
    for code, host in MISSING_WEBSITES.items():
        if code in councils:
            hosts[code].add(host)
    for code in hosts:
        hosts[code] -= REJECTED_DOMAINS.keys()
        hosts[code] = {h for h in hosts[code] if not any(covers(d, h) for d in hosts[code] if d != h)}

    for code, mine in sorted(hosts.items()):
        for other, theirs in sorted(hosts.items()):
            if other == code or councils[code].current or not councils[other].current:
                continue
            shared = {h for h in mine if any(covers(t, h) or covers(h, t) for t in theirs)}
            mine -= shared
    for code, mine in sorted(hosts.items()):
        for other, theirs in sorted(hosts.items()):
            if other <= code:
                continue
            clash = sorted(h for h in mine for t in theirs if covers(t, h) or covers(h, t))
            if clash:
                raise GazetteerError(
                    f"domain {clash[0]} would match both {code} and {other}; add it to REJECTED_DOMAINS"
                )
    for code, council in councils.items():
        council.domains = sorted(hosts.get(code, ()))


def collect_wikidata(councils: dict[str, Council], organisations: dict[str, dict[str, str]]) -> None:
    for code, row in organisations.items():
        qid = row["wikidata"]
        if not re.fullmatch(r"Q[1-9][0-9]*", qid):
            continue
        if BAD_WIKIDATA.get(code) == qid:
            continue
        councils[code].wikidata = qid
        if not councils[code].start_date and plausible_start(row["start-date"]):
            councils[code].start_date = row["start-date"]
    owners = defaultdict(list)
    for code, council in councils.items():
        if council.wikidata:
            owners[council.wikidata].append(code)
    for qid, codes in sorted(owners.items()):
        if len(codes) > 1:
            raise GazetteerError(
                f"Wikidata id {qid} is given for {', '.join(sorted(codes))}; add the wrong one to BAD_WIKIDATA"
            )


def read_concepts(vocabularies: Path) -> Concepts:
    """The region concepts by label and the council-type concepts by notation, from the hand-written vocabularies:
    the gazetteer links to them and never invents one."""
    graph = rdflib.Graph().parse(vocabularies, format="turtle")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")

    def members(scheme: str) -> list[rdflib.term.Node]:
        return sorted(graph.subjects(skos.inScheme, rdflib.URIRef(CGV + scheme)))

    regions = {
        str(label): str(c)[len(CGV + "region/") :]
        for c in members("region")
        for p in (skos.prefLabel, skos.altLabel)
        for label in graph.objects(c, p)
    }
    types = {
        str(n): str(c)[len(CGV + "council-type/") :]
        for c in members("council-type")
        for n in graph.objects(c, skos.notation)
    }
    if not regions or not types:
        raise GazetteerError(f"{vocabularies} has no region or council-type concepts")
    return Concepts(regions, types)


def change_events(councils: list[Council]) -> list[ChangeEvent]:
    """The reorganisations the lineage gives: each former council ends the day before its successors start; the
    councils that change on one day and share successors are one event. Raises when a successor's start date is
    not the day after its predecessor's end."""
    by_slug = {c.slug: c for c in councils}
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for council in councils:
        if council.current or not council.replaced_by:
            continue
        day = (date.fromisoformat(council.end_date) + timedelta(days=1)).isoformat()
        for successor in council.replaced_by:
            start = by_slug[successor].start_date
            if start and start != day:
                raise GazetteerError(
                    f"{council.slug} ends {council.end_date} but its successor {successor} starts {start}"
                )
            edges[day].append((council.slug, successor))
    events = []
    for day, pairs in sorted(edges.items()):
        groups: list[tuple[set[str], set[str]]] = []
        for original, result in pairs:
            joined = [g for g in groups if original in g[0] or result in g[1]]
            merged: tuple[set[str], set[str]] = ({original}, {result})
            for g in joined:
                merged[0].update(g[0])
                merged[1].update(g[1])
                groups.remove(g)
            groups.append(merged)
        events += [ChangeEvent(day, tuple(sorted(o)), tuple(sorted(r))) for o, r in groups]
    return sorted(events, key=lambda e: (e.day, e.originals))


def build(refdata: Path, expected_current: int = EXPECTED_CURRENT) -> list[Council]:
    register_rows = read_csv(refdata / REGISTER)
    lookup = read_csv(refdata / NAME_LOOKUP)
    provider_rows = read_csv(refdata / PROVIDER_LOOKUP)
    organisation_rows = read_csv(refdata / ORGANISATIONS)

    register = {row["local-authority-code"]: row for row in register_rows}
    councils = select_councils(register_rows, expected_current)
    assign_slugs(councils)
    provider = join_provider_lookup(councils, provider_rows)
    organisations = join_organisations(councils, organisation_rows)
    collect_wikidata(councils, organisations)
    fix_lineage_dates(councils)
    choose_regions(councils, register, provider, organisations)
    collect_names(councils, register, lookup, provider)
    collect_domains(councils, provider, organisations)
    for council in councils.values():
        council.replaced_by = sorted(councils[c].slug for c in council.replaced_by)
        if not council.current and not (council.end_date and council.replaced_by):
            raise GazetteerError(f"former council {council.register_code} lacks an end date or a successor")
    dfe_owners = Counter(c.dfe_code for c in councils.values() if c.current)
    for code, n in dfe_owners.items():
        if not code or n > 1:
            raise GazetteerError(f"DfE code {code!r} is missing or shared among current councils")
    return sorted(councils.values(), key=lambda c: c.slug)


# --- writing ----------------------------------------------------------------------------------------------


def write_csv(councils: list[Council], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for council in councils:
            writer.writerow(council.row())


def turtle_string(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


def council_ref(slug: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise GazetteerError(f"slug {slug!r} is not a valid IRI key")
    return f"council:{slug}"


def concept_ref(prefix: str, key: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
        raise GazetteerError(f"concept key {key!r} is not a valid IRI key")
    return f"{prefix}:{key}"


def change_ref(event: ChangeEvent) -> str:
    return f"<{CHANGE_NS}{event.key}>"


def council_turtle(council: Council, concepts: Concepts, events: list[ChangeEvent]) -> str:
    lines = [f"{council_ref(council.slug)} a cg:Council"]
    if council.region and council.region not in concepts.regions:
        raise GazetteerError(f"region {council.region!r} of {council.slug} has no concept in the region scheme")
    if council.type not in concepts.types:
        raise GazetteerError(f"type {council.type!r} of {council.slug} has no concept in the council-type scheme")

    def add(predicate: str, objects: list[str]) -> None:
        if objects:
            lines.append(f"{predicate} {', '.join(objects)}")

    add("skos:prefLabel", [turtle_string(council.nice_name, "en")])
    add("rdfs:label", [turtle_string(council.official_name, "en")])
    add("skos:altLabel", [turtle_string(n, "en") for n in council.alt_names])
    add("cg:registerCode", [turtle_string(council.register_code)])
    add("cg:gssCode", [turtle_string(council.gss)] if council.gss else [])
    add("cg:formerGssCode", [turtle_string(g) for g in sorted(council.former_gss)])
    add("cg:dfeCode", [turtle_string(council.dfe_code)] if council.dfe_code else [])
    add("cg:region", [concept_ref("region", concepts.regions[council.region])] if council.region else [])
    add("org:classification", [concept_ref("council-type", concepts.types[council.type])])
    add("cg:startDate", [f'"{council.start_date}"^^xsd:date'] if council.start_date else [])
    add("cg:endDate", [f'"{council.end_date}"^^xsd:date'] if council.end_date else [])
    add("dcterms:isReplacedBy", [council_ref(s) for s in council.replaced_by])
    add("org:changedBy", [change_ref(e) for e in events if council.slug in e.originals])
    add("org:resultedFrom", [change_ref(e) for e in events if council.slug in e.results])
    add("cg:domain", [turtle_string(d) for d in council.domains])
    # The ONS statistical-geography area is the area the council serves, not the council (GSS codes change with
    # boundaries); owl:sameAs only to Wikidata's item of the council itself.
    add("schema:areaServed", [f"<{ONS_GEOGRAPHY}{council.gss}>"] if council.gss else [])
    add("owl:sameAs", [f"<{WIKIDATA_ENTITY}{council.wikidata}>"] if council.wikidata else [])
    return " ;\n    ".join(lines) + " .\n"


def long_date(day: str) -> str:
    d = date.fromisoformat(day)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def event_turtle(event: ChangeEvent, by_slug: dict[str, Council]) -> str:
    """An org:ChangeEvent: the councils it ended, the councils it created, and the day it took effect (an xsd:date,
    with its bounds as every caregraph date has; not prov:atTime, whose xsd:dateTime would claim an hour)."""

    def names(slugs: tuple[str, ...]) -> str:
        official = [by_slug[s].official_name for s in slugs]
        return official[0] if len(official) == 1 else ", ".join(official[:-1]) + " and " + official[-1]

    label = f"{names(event.originals)} replaced by {names(event.results)}, {long_date(event.day)}"
    day = f'"{event.day}"^^xsd:date'
    lines = [
        f"{change_ref(event)} a org:ChangeEvent",
        f"rdfs:label {turtle_string(label, 'en')}",
        "org:originalOrganization " + ", ".join(council_ref(s) for s in event.originals),
        "org:resultingOrganization " + ", ".join(council_ref(s) for s in event.results),
        f"cg:date {day}",
        f"cg:dateEarliest {day}",
        f"cg:dateLatest {day}",
    ]
    return " ;\n    ".join(lines) + " .\n"


def dataset_turtle(councils: list[Council]) -> str:
    lines = [
        f"<{DATASET_IRI}> a dcat:Dataset",
        'dcterms:title "caregraph councils gazetteer"@en',
        "dcterms:description "
        + turtle_string(
            f"The {sum(c.current for c in councils)} English local authorities with children's services duties, "
            f"and {sum(not c.current for c in councils)} former ones that appear in Ofsted's inspection history, "
            "with names, codes, regions, types, web domains, lineage and the reorganisations that link them.",
            "en",
        ),
        "dcterms:source " + ", ".join(f"<{u}>" for u in SOURCE_URLS),
        "dcterms:license " + ", ".join(f"<{u}>" for u in LICENCES),
        "dcterms:rights " + turtle_string(ATTRIBUTION, "en"),
    ]
    return " ;\n    ".join(lines) + " .\n"


def write_turtle(councils: list[Council], path: Path, concepts: Concepts) -> str:
    header = [
        "# caregraph councils gazetteer.",
        "# GENERATED by scripts/make_gazetteer.py from the reference data; do not edit by hand.",
        "# Regenerate: python scripts/make_gazetteer.py --refdata ../shared/refdata --out ontology/",
        f"# {ATTRIBUTION}.",
        "# Sources, licences and the corrections applied: ontology/SOURCES.md.",
        "",
    ]
    prefixes = [f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES]
    events = change_events(councils)
    by_slug = {c.slug: c for c in councils}
    body = (
        [dataset_turtle(councils)]
        + [council_turtle(c, concepts, events) for c in councils]
        + [event_turtle(e, by_slug) for e in events]
    )
    text = "\n".join(header + prefixes) + "\n\n" + "\n".join(body)
    path.write_text(text, encoding="utf-8", newline="\n")
    return text


def check_turtle(text: str, councils: list[Council]) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=text, format="turtle")
    typed = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(CG + "Council")))
    if len(typed) != len(councils):
        raise GazetteerError(f"councils.ttl types {len(typed)} councils, expected {len(councils)}")
    return graph


def summary(councils: list[Council], graph: rdflib.Graph) -> str:
    current = [c for c in councils if c.current]
    area_served = rdflib.URIRef("https://schema.org/areaServed")
    ons = {s for s, o in graph.subject_objects(area_served) if str(o).startswith(ONS_GEOGRAPHY)}
    by_type = Counter(c.type for c in current)
    lines = [
        f"councils: {len(councils)} ({len(current)} current, {len(councils) - len(current)} former)",
        "current by type: " + ", ".join(f"{t} {by_type[t]}" for t in sorted(by_type)),
        f"with GSS code: {sum(bool(c.gss) for c in councils)} (schema:areaServed an ONS geography: {len(ons)})",
        f"with former GSS codes: {sum(bool(c.former_gss) for c in councils)}",
        f"with DfE code: {sum(bool(c.dfe_code) for c in councils)}",
        f"with Wikidata id: {sum(bool(c.wikidata) for c in councils)}",
        f"with domains: {sum(bool(c.domains) for c in councils)} ({sum(len(c.domains) for c in councils)} domains)",
        f"with region: {sum(bool(c.region) for c in councils)}",
        f"with start date: {sum(bool(c.start_date) for c in councils)}; "
        f"with end date: {sum(bool(c.end_date) for c in councils)}",
        f"alternative names: {sum(len(c.alt_names) for c in councils)}",
        "reorganisations (org:ChangeEvent): "
        + "; ".join(f"{e.day} {'+'.join(e.originals)} -> {'+'.join(e.results)}" for e in change_events(councils)),
        f"triples in councils.ttl: {len(graph)}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Example: python scripts/make_gazetteer.py --refdata ../shared/refdata --out ontology/",
    )
    parser.add_argument(
        "--refdata",
        type=Path,
        default=REPO_ROOT / ".." / "shared" / "refdata",
        help="folder with the reference data and its SOURCES.md (default: ../shared/refdata from the repo root)",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO_ROOT / "ontology", help="output folder (default: ontology/ in the repo)"
    )
    parser.add_argument(
        "--expected-current",
        type=int,
        default=EXPECTED_CURRENT,
        metavar="N",
        help=f"number of current councils the register must give (default: {EXPECTED_CURRENT}; "
        "the tests' cut-down reference data has fewer)",
    )
    parser.add_argument(
        "--vocabularies",
        type=Path,
        default=REPO_ROOT / "ontology" / "vocabularies.ttl",
        help="the SKOS vocabularies with the region and council-type schemes (default: ontology/vocabularies.ttl)",
    )
    args = parser.parse_args(argv)
    try:
        concepts = read_concepts(args.vocabularies)
        councils = build(args.refdata, args.expected_current)
        args.out.mkdir(parents=True, exist_ok=True)
        write_csv(councils, args.out / "councils.csv")
        text = write_turtle(councils, args.out / "councils.ttl", concepts)
        graph = check_turtle(text, councils)
    except GazetteerError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    print(summary(councils, graph))
    print(f"wrote {args.out / 'councils.csv'} and {args.out / 'councils.ttl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
