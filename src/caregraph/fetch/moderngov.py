"""ModernGov's public web service (``/mgWebService.asmx``), read over plain HTTP GET.

The answers are small XML documents without a namespace (a namespace, if a site adds one, is ignored):

- ``GetCommittees?lDummy=0`` → ``<committees><committeescount/><committee><committeeid/><committeetitle/>
  <committeedeleted/><committeeexpired/><committeecategory/>…</committee>…</committees>``;
- ``GetMeetings?lCommitteeId=N&sFromDate=dd/mm/yyyy&sToDate=dd/mm/yyyy`` → ``<getmeetings><committee><committeeid/><committeetitle/>
  <committeemeetings><meeting><meetingid/><meetingdate>dd/mm/yyyy</meetingdate><meetingtime/><meetingstatus/>
  </meeting>…`` (some sites list ``<meetings>`` instead of ``<committeemeetings>``; the date parameters are
  ignored and the committee's whole history comes back, so meetings are filtered on ``meetingdate`` here);
- ``GetMeeting?lMeetingId=N`` → ``<meeting><meetingid/><meetingdate/><agendaitems><agendaitem><agendaitemid/>
  <agendaitemnumber/><agendaitemtitle/><agendatext/><linkeddocuments><linkeddoc><attachmentid/><title/><url/>
  <isrestricted/></linkeddoc>…</linkeddocuments></agendaitem>…</agendaitems>…</meeting>``; ``linkeddoc``
  elements outside the agenda items are the meeting's own papers (printed minutes, the agenda pack).

Quirks handled: text is HTML-escaped before it is XML-escaped (``Children&amp;#39;s`` is "Children's"), document
URLs come back as ``http://`` even on ``https`` sites, and ``agendatext`` may hold HTML that is not well-formed XML
(parsing retries once with it left out). A ``DOCTYPE`` or entity declaration is refused: nothing in an answer is
expanded or executed.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from caregraph.errors import CaregraphError

__all__ = [
    "DEFAULT_KEYWORDS",
    "AgendaItem",
    "Committee",
    "LinkedDoc",
    "Meeting",
    "MeetingDetail",
    "ServiceError",
    "agenda_item_url",
    "dmy",
    "keyword_matcher",
    "meeting_url",
    "parse_committees",
    "parse_date",
    "parse_meeting",
    "parse_meetings",
    "service_url",
    "site_root",
]

DEFAULT_KEYWORDS = (
    "Ofsted",
    "inspection",
    "children's services",
    "SEND",
    "corporate parenting",
    "improvement",
)
SERVICE = "mgWebService.asmx"


class ServiceError(CaregraphError):
    """An answer of the web service that cannot be read (malformed XML, or not the expected document)."""

    exit_code = 1


@dataclass(frozen=True)
class Committee:
    id: int
    title: str
    deleted: bool = False
    expired: bool = False


@dataclass(frozen=True)
class Meeting:
    id: int
    date: date | None
    committee_id: int
    committee_title: str
    status: str = ""


@dataclass(frozen=True)
class LinkedDoc:
    title: str
    url: str
    restricted: bool = False


@dataclass(frozen=True)
class AgendaItem:
    id: int | None
    number: str
    title: str
    documents: tuple[LinkedDoc, ...] = ()


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    date: date | None
    items: tuple[AgendaItem, ...]
    documents: tuple[LinkedDoc, ...] = field(default=())  # the meeting's own papers (minutes, agenda pack)


# ---------------------------------------------------------------------------------------------- URLs


def site_root(url: str) -> str | None:
    """The ModernGov site a URL names, as ``scheme://host/path/`` (a trailing slash), or None when the URL names a
    page. A site is given by its root (``https://democracy.anyshire.gov.uk``, ``…/moderngov/``) or its web service
    (``…/mgWebService.asmx``)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.lower().endswith("/" + SERVICE.lower()) or path.lower() == SERVICE.lower():
        path = path[: -len(SERVICE)]
    elif not path.endswith("/") or parts.query:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path or "/", "", ""))


def service_url(root: str, operation: str, **params: int | str) -> str:
    """``root/mgWebService.asmx/OPERATION?params``."""
    query = urlencode(params)
    return urljoin(root, f"{SERVICE}/{operation}") + (f"?{query}" if query else "")


def agenda_item_url(root: str, item_id: int) -> str:
    return urljoin(root, f"mgAi.aspx?ID={item_id}")


def meeting_url(root: str, committee_id: int, meeting_id: int) -> str:
    return urljoin(root, f"ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}")


# ---------------------------------------------------------------------------------------------- dates


_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\b")


def parse_date(text: str | None) -> date | None:
    """A ModernGov date (``dd/mm/yyyy``, perhaps followed by a time; ISO accepted too), or None."""
    if not text:
        return None
    m = _DMY.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _ISO.match(text)
        if not m:
            return None
        year, month, day = (int(g) for g in m.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def dmy(day: date) -> str:
    """A date as the web service writes it: ``dd/mm/yyyy``."""
    return day.strftime("%d/%m/%Y")


# ---------------------------------------------------------------------------------------------- XML


_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_HTML_BEARING = re.compile(r"(?is)<(agendatext|[a-z]*description|[a-z]*text)>.*?</\1>|<div\b.*?</div>")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_xml(data: bytes, where: str) -> ET.Element:
    """The root element of a web service answer; :class:`ServiceError` when it is not well-formed XML."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise ServiceError(f"{where}: an HTML page, not the web service's XML")
    if _DECLARATION.search(data):
        raise ServiceError(f"{where}: XML with a DOCTYPE or entity declaration; refused")
    try:
        return ET.fromstring(data)
    except ET.ParseError as first:
        text = data.decode("utf-8", "replace")
        lenient = _HTML_BEARING.sub(lambda m: f"<{m.group(1)}/>" if m.group(1) else "", text)
        try:
            return ET.fromstring(lenient)
        except ET.ParseError:
            line, column = first.position
            detail = str(first).split(":")[0]
            raise ServiceError(f"{where}: malformed XML ({detail} at line {line}, column {column + 1})") from None


def _child(el: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in el if _local(c.tag) == name), None)


def _text(el: ET.Element, name: str) -> str:
    """The text of ``el``'s child ``name``, un-escaped once more (ModernGov escapes HTML before XML), spaces folded."""
    child = _child(el, name)
    if child is None:
        return ""
    return re.sub(r"\s+", " ", html.unescape("".join(child.itertext()))).strip()


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def _true(text: str) -> bool:
    return text.strip().lower() in {"true", "1", "yes"}


def _all(root: ET.Element, name: str) -> Iterator[ET.Element]:
    return (el for el in root.iter() if _local(el.tag) == name)


def _expect(root: ET.Element, names: Iterable[str], where: str) -> None:
    if _local(root.tag) not in set(names):
        raise ServiceError(f"{where}: not a ModernGov answer (the XML's root is <{_local(root.tag)}>)")


def parse_committees(data: bytes, where: str = "GetCommittees") -> list[Committee]:
    root = parse_xml(data, where)
    _expect(root, {"committees", "getcommittees"}, where)
    out = []
    for el in _all(root, "committee"):
        cid = _int(_text(el, "committeeid"))
        if cid is None:
            continue
        out.append(
            Committee(
                cid,
                _text(el, "committeetitle"),
                _true(_text(el, "committeedeleted")),
                _true(_text(el, "committeeexpired")),
            )
        )
    return out


def parse_meetings(data: bytes, committee: Committee, where: str = "GetMeetings") -> list[Meeting]:
    root = parse_xml(data, where)
    _expect(root, {"getmeetings", "getmeetingsbydate", "meetings", "committee"}, where)
    out = []
    seen: set[int] = set()
    for el in _all(root, "meeting"):
        mid = _int(_text(el, "meetingid"))
        if mid is None or mid in seen:
            continue
        seen.add(mid)
        out.append(
            Meeting(
                mid, parse_date(_text(el, "meetingdate")), committee.id, committee.title, _text(el, "meetingstatus")
            )
        )
    return out


def _doc(el: ET.Element) -> LinkedDoc | None:
    url = _text(el, "url")
    if not url:
        return None
    return LinkedDoc(_text(el, "title") or url.rsplit("/", 1)[-1], url, _true(_text(el, "isrestricted")))


def parse_meeting(data: bytes, where: str = "GetMeeting") -> MeetingDetail:
    root = parse_xml(data, where)
    _expect(root, {"meeting", "getmeeting"}, where)
    meeting = root if _local(root.tag) == "meeting" else next(_all(root, "meeting"), root)
    items: list[AgendaItem] = []
    in_items: set[int] = set()
    for el in _all(meeting, "agendaitem"):
        docs = []
        for linked in _all(el, "linkeddoc"):
            in_items.add(id(linked))
            doc = _doc(linked)
            if doc is not None:
                docs.append(doc)
        number = _text(el, "agendaitemnumber") or _text(el, "fulldisplaynumberformat")
        items.append(AgendaItem(_int(_text(el, "agendaitemid")), number, _text(el, "agendaitemtitle"), tuple(docs)))
    own = tuple(
        d for linked in _all(meeting, "linkeddoc") if id(linked) not in in_items and (d := _doc(linked)) is not None
    )
    return MeetingDetail(
        _int(_text(meeting, "meetingid")) or 0, parse_date(_text(meeting, "meetingdate")), tuple(items), own
    )


# ---------------------------------------------------------------------------------------------- keywords


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'").replace("`", "'")).strip()


def keyword_matcher(keywords: Iterable[str]) -> Callable[[str], str | None]:
    """A function giving the first keyword a title matches, or None. Keywords match whole words (a trailing "s" is
    allowed: "inspection" matches "Inspections"); an apostrophe is optional ("children's services" matches
    "Childrens Services" and "Children’s services"); case is ignored, except for a keyword written in capitals
    ("SEND" does not match "send")."""
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for word in keywords:
        word = _fold(word)
        if not word:
            continue
        parts = [re.escape(p).replace("'", "'?") for p in word.split(" ")]
        body = r"\s+".join(parts)
        suffix = "s?" if word[-1].isalpha() else ""
        flags = 0 if (word.isupper() and sum(c.isalpha() for c in word) > 1) else re.IGNORECASE
        patterns.append((word, re.compile(rf"(?<!\w){body}{suffix}(?!\w)", flags)))

    def match(title: str) -> str | None:
        folded = _fold(title)
        return next((word for word, pattern in patterns if pattern.search(folded)), None)

    return match
