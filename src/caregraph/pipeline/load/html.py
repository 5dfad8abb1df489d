"""HTML to its visible text, block structure kept as line breaks, and its title."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# ---------------------------------------------------------------------------------------------------- HTML

_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}


class _TextExtractor(HTMLParser):
    """Visible text, block by block. Parses only: nothing the page links to (scripts, images, frames, styles) is
    fetched or run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # open tags whose content is not shown
        self.in_title = False
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and all(t == "head" for t in self.skip):
            self.in_title = True
        elif tag in _SKIP:
            self.skip.append(tag)
        elif tag in {"td", "th"}:
            self.parts.append(" | ")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "body" and self.skip == ["head"]:  # a page that never closes its <head>
            self.skip.clear()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "hr"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP:
            if tag in self.skip:  # close up to the matching open tag (markup is often broken)
                while self.skip and self.skip.pop() != tag:
                    pass
        elif tag in _BLOCK and tag not in {"td", "th"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(_SPACES.sub(" ", data))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # Python's parser asserts on an unknown marked section ("<![foo["); treat it as a bogus comment instead.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i)
            return -1 if j < 0 else j + 1


_SPACES = re.compile(r"\s+")
_RUNS = re.compile(r" {2,}")
_EOF_IN_MARKUP = re.compile(r"<[A-Za-z/!?]")


def html_to_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page, one block per line; and its ``<title>``.

    Scripts, styles and other non-visible elements are dropped, character references decoded, block elements become
    line breaks. Broken markup is read as a browser would: a tag, comment or declaration left open at the end of the
    file is dropped (HTML5), which also keeps the time linear on hostile input (Python's parser, before 3.12.11 /
    3.13.4, is quadratic on an unterminated tag at the end of its input)."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        tail = parser.rawdata
        if tail and _EOF_IN_MARKUP.match(tail):
            parser.rawdata = ""  # EOF inside a tag, comment or declaration
        parser.close()
    except Exception:  # the parser's own asserts on hostile input: fall back to dropping anything tag-like
        return _crude_text(html)
    lines = (_RUNS.sub(" ", line).strip(" ") for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = _SPACES.sub(" ", "".join(parser.title)).strip() or None
    return text, title


def _crude_text(html: str) -> tuple[str, str | None]:
    import html as html_module

    text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]{0,10000}>", " ", html)
    return html_module.unescape(text).strip(), None
