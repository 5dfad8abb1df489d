"""The rules of the decisions finder, compiled once, and what opens a resolution.

:func:`rules` reads ``rules/decisions.toml`` (outcome words, cues of unanimity and procedural business, page clutter,
the openers of a resolution by strength, the phrases that make one an answer or a back reference, the predicates of a
list under who decided), with ``{body}`` filled with a body's name and ``{participles}``/``{infinitives}`` with the
verbs of ``rules/resolution_verbs.txt`` (:func:`resolution_verbs`). :func:`resolution_opening` tells whether a line
opens like a resolution, and how strongly: "strong" ("That …", "RESOLVED to …", "It was agreed that …"), "weak" ("The
Committee noted that …", an infinitive in the minutes) or "list" ("1. Notes the progress …"); an adverbial phrase before
the opener ("Following the Chair's apology, to appoint …") is passed over by :func:`after_adverbial`, and a field's
label before a strong opener ("Content: That …") too; who came and what they declared ("The apologies of … were
noted.") is no weak resolution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from caregraph.pipeline.extract.doc import load_rules
from caregraph.pipeline.extract.meeting_rules import rules as meeting_rules
from caregraph.pipeline.extract.patterns import with_first_letters


@dataclass(frozen=True)
class DecisionRules:
    outcomes: tuple[tuple[str, re.Pattern[str]], ...]  # (outcome key, pattern)
    unanimous: re.Pattern[str]
    procedural: re.Pattern[str]
    clutter: re.Pattern[str]  # page clutter at the end of a decision's text
    title_link: re.Pattern[str]  # a download link that ends an item's title before its resolution
    strong: re.Pattern[str]  # opens a resolution wherever it stands
    weak: re.Pattern[str]  # opens a resolution that closes its item or sits in a list of them
    listed: re.Pattern[str]  # opens a resolution only in a list of them
    reported: re.Pattern[str]  # a phrase that makes a weak opener an answer ("In response to questions, …")
    proposal: re.Pattern[str]  # a recommendation put to the meeting: a resolution when a line below says it was agreed
    put_to_heading: re.Pattern[str]  # the same as a heading over a list ("Cabinet is recommended to:")
    adverbial: re.Pattern[str]  # a phrase before the opener
    back_reference: re.Pattern[str]  # a resolution that only points back ("as recommended")
    predicate: re.Pattern[str]  # an item that goes on with the sentence of who decided ("noted the outcome")


@cache
def rules() -> DecisionRules:
    """The rules of ``rules/decisions.toml``, compiled once (``{body}`` filled with a body's name)."""
    d = load_rules("decisions")
    r = d["decisions"]
    heads = meeting_rules().body_heads
    # a body's name, or a head word alone in lower case after "the" ("The committee noted the report.")
    body = rf"(?-i:(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|for|in|on)\s+)*){{0,8}}{heads}(?![\w-])|Members|Councillors)"
    body = rf"(?:{body}|(?<=the\s){heads}(?![\w-]))"

    participles, infinitives = resolution_verbs()

    def compile_(key: str) -> re.Pattern[str]:
        pattern = r[key].replace("{body}", body).replace("{participles}", participles)
        return re.compile(pattern.replace("{infinitives}", infinitives), re.I)

    return DecisionRules(
        outcomes=tuple((k, re.compile(p, re.I)) for k, p in d["decision_outcomes"].items()),
        unanimous=compile_("unanimous"),
        procedural=compile_("procedural"),
        clutter=compile_("clutter"),
        title_link=compile_("title_link"),
        strong=compile_("strong_openers"),
        weak=compile_("weak_openers"),
        listed=compile_("list_openers"),
        reported=compile_("reported"),
        proposal=compile_("proposal_openers"),
        put_to_heading=compile_("put_to_heading"),
        adverbial=compile_("adverbial"),
        back_reference=compile_("back_reference"),
        predicate=compile_("predicate"),
    )


def resolution_verbs() -> tuple[str, str]:
    """The verbs of ``rules/resolution_verbs.txt`` (built by ``scripts/make_resolution_verbs.py`` from the
    development material), as two patterns: the participles of the subjunctive ("circulated" of "be circulated") and
    the infinitives that open a decision ("seek" of "to seek")."""
    text = resources.files("caregraph").joinpath("rules/resolution_verbs.txt").read_text(encoding="utf-8")
    entries = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    participles = sorted({w for kind, w in entries if kind == "be"}, key=len, reverse=True)
    infinitives = sorted({w for kind, w in entries if kind == "to"}, key=len, reverse=True)
    return "|".join(map(re.escape, participles)) or "(?!)", "|".join(map(re.escape, infinitives)) or "(?!)"


#: The segment kinds that are decision sections ("RESOLVED", "Decision:", "Recommendations").
DECISION_SECTIONS = {"resolved", "decision", "recommendations"}
#: A page that says the recommendations were agreed ("The recommendations were agreed.", "RESOLVED: as recommended.").
RECOMMENDATIONS_AGREED = with_first_letters(  # (led by its first letters: speed only)
    r"\brecommendations?\b[^.\n]{0,60}?\b(?:were|was|be|are|is)\s+(?:duly\s+|unanimously\s+)?(?:agreed|approved|accepted|adopted|endorsed|carried)\b"
    r"|\b(?:agreed|approved|accepted|adopted|endorsed)\s+the\s+recommendations?\b"
    # "RESOLVED: as recommended.", "DECISION – as set out in the report": the recommendations were what was decided
    r"|\b(?:resolved|decisions?|agreed)\s*[:\-–—]?\s*(?:that\s+)?as\s+(?:recommended|set\s+out\s+(?:above|in\s+the\s+report))",
    re.I,
)
#: Quote marks around a quoted resolution.
QUOTE_MARKS = "“”\"‘’'"
#: A line that a decision verb starts: "The Board notes …", "That …", "To approve …", "The minutes were approved …".
DECISION_VERB = re.compile(
    # (not a person's: "The Chair requested that all attendees noted …", "Councillor Example noted …")
    r"^(?:(?!(?:the\s+)?(?:(?:vice|deputy)[\s-]?)?chair(?:man|woman|person)?\b|(?:councillor|cllr|mr|mrs|ms|dr)\b)"
    r"(?:the\s+)?(?:[\w’'-]+\s+){1,5}?(?:notes?|noted|agrees?|agreed|approves?|approved|endorses?|endorsed|accepts?|accepted|supports?|supported|resolved|decided|adopts?|adopted|confirms?|confirmed|authori[sz](?:es?|ed)|delegates?|delegated|instructs?|instructed|requests?|requested)\s+(?:to\s+|that\s+)?(?:the|a|an|its|their|to|that|this|these|all|\w+ing)\b|that\b|to\s+(?:note|agree|approve|endorse|receive|consider|support|accept|request|ask|delegate|recommend|adopt|confirm|review|thank|appoint|elect|exclude|defer|refer|establish|invite|write|agree)\b|(?:note|notes|noted|agree|agrees|agreed|approve|approves|approved|endorse|endorses|endorsed|consider|considers|receive|receives|support|supports|accept|accepts|request|requests|ask|asks|delegate|recommend|adopt|confirm|review)\b|(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\s+\w|the\s+[^.]{0,200}?\b(?:was|were|be|is|are)\s+(?:noted|agreed|approved|endorsed|received|accepted|supported|confirmed|taken\s+as\s+read)\b)",
    re.I,
)


def after_adverbial(text: str, start: int, end: int) -> int:
    """``start``, or where the resolution starts after an adverbial phrase ("Following the Chair's apology, to
    appoint …")."""
    r = rules()
    m = r.adverbial.match(text[start:end])
    if m is None:
        return start
    rest = text[start + m.end() : end]
    if DECISION_VERB.match(rest) or r.strong.match(rest) or r.weak.match(rest):
        return start + m.end()
    return start


_ASSENT = re.compile(r"(?i)^\S+(?:\s+\S+){0,3}?\s+(?:to\s+)?(?:this|that|it|these|those|so)\s*[.!]?\s*$")
#: Who came and what they declared: "The apologies of Councillor X were noted.", "The Panel noted the apologies of …",
#: "Declarations of interest were noted.": the record of the meeting's attendance, no resolution when weakly worded.
_ATTENDANCE = re.compile(
    r"(?i)\bapologies\b|\bapology\s+(?:of|from|for)\b|\bdeclarations?\s+of\s+(?:\w+\s+)?interests?\b"
    r"|\binterests?\s+(?:was|were)\s+declared\b"
)
#: A field's label before its value on a decision page's line ("Content: That the plan be noted.", "Decision details:
#: RESOLVED that …"): passed over when a strong opener follows it; not a label whose value is no decision.
_FIELD_LABEL = re.compile(
    r"(?!(?i:purpose|reasons?|background|summary|options?|alternatives?|subject|title|report|implications|wards?"
    r"|recommendations?|proposals?|motion|amendment|questions?|answers?|responses?|comments?|issues?)\b)"
    r"[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,2}[ \t]*:[ \t]+(?=\S)"
)


#: A field's label that says its value is what the meeting concluded: "Conclusion:", "Outcome:", "Agreed action:".
_OUTCOME_LABEL = re.compile(
    r"(?i:conclusions?|outcomes?|decisions?(?:\s+(?:made|taken))?|resolutions?|agreed(?:\s+actions?)?)[ \t]*[:–—-][ \t]+(?=[A-Z])"
)


def resolution_opening(text: str, start: int, end: int, *, infinitive: bool = False) -> tuple[str, int] | None:
    """``(strength, where the resolution starts)`` when ``text[start:end]`` opens like a resolution: "strong",
    "weak" or "list" (see ``rules/decisions.toml``)."""
    r = rules()
    while start < end and text[start] in QUOTE_MARKS:
        start += 1
    phrase_start = start
    start = after_adverbial(text, start, end)
    content = text[start:end]
    if len(content) < 100 and content.rstrip()[-1:] in ":-–—":
        return None  # "That the Council:", "Members RESOLVED as follows:", "The Board agreed the following:" lead in
    label = _FIELD_LABEL.match(content)
    if label is not None and r.strong.match(content[label.end() :]):
        start += label.end()  # "Content: That the plan be noted.": the field's value is the resolution
        content = content[label.end() :]
    label = _OUTCOME_LABEL.match(content)
    if label is not None and r.weak.match(content[label.end() :]) and content[label.end() : label.end() + 3] != "to ":
        # "Conclusion: The Panel welcomed the judgement …": a field that says what the meeting concluded
        return "strong", start + label.end()
    if r.strong.match(content):
        if content[:4].lower() == "that" and len(content.split()) < 5:
            return None
        return "strong", start
    if r.weak.match(content):
        if _ASSENT.search(content) or r.reported.match(text[phrase_start:end]):
            return None  # "The panel agreed to this.": assent to what came before, no resolution of its own
        if _ATTENDANCE.search(content[:200]):
            return None  # "The apologies of Councillor X were noted.": who came, no resolution
        if content[:3].lower() == "to ":
            # an infinitive records a resolution in the minutes; above them it is what the item proposes
            return (
                ("weak", phrase_start) if infinitive else None
            )  # "Following the Chair's apology, to appoint …": the phrase is the resolution's
        return "weak", start
    if r.listed.match(content):
        return "list", start
    return None
