"""The readable text of an HTML email, for a message that has no plain-text part.

Scripts, styles, the head and hidden preheaders are dropped; paragraphs,
headings, list items, table rows and <br> become line breaks; entities are
unescaped; a link whose text differs from its target reads "text (url)";
<blockquote> becomes "> " quoting, so an HTML reply quotes like a plain one.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_DROPPED = {"script", "style", "head", "title", "template", "noscript", "object", "svg"}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
# Elements that sit on lines of their own.
_BLOCKS = {
    "address", "article", "aside", "center", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "header", "li", "main", "nav", "ol",
    "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption",
}  # fmt: skip
# Elements set apart by an empty line.
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")
# Quotes nested deeper than this are shown at this depth: a crafted message of
# 30,000 nested blockquotes would otherwise put 30,000 ">" before each of its
# lines (2.5 GB). No conversation is quoted this deep.
MAX_QUOTE_DEPTH = 24


class _TextMaker(HTMLParser):
    def __init__(self, hide_hidden: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.hide_hidden = hide_hidden
        self.lines: list[tuple[int, str]] = []  # (quote depth, text)
        self.current: list[str] = []
        self.quote = 0
        self.pre = 0
        self.skip: list[str] = []  # names of open elements whose content is dropped
        self.links: list[tuple[str, int]] = []  # (href, where its text starts in current)
        self.pending_blank = False

    # Lines ---------------------------------------------------------------
    def _break(self, blank: bool = False) -> None:
        text = "".join(self.current)
        if not self.pre:
            text = text.strip(" ")
        if text or (self.pre and self.current):
            self._blank_if_pending()
            self.lines.append((self.quote, text))
        self.current = []
        self.links = [(href, 0) for href, _ in self.links]
        if blank:
            self.pending_blank = True

    def _write(self, text: str) -> None:
        if self.pre:
            first, *rest = text.split("\n")
            self.current.append(first)
            for line in rest:
                self._line_in_pre()
                self.current.append(line)
            return
        text = _SPACES.sub(" ", text)
        previous = self.current[-1] if self.current else ""
        if text.startswith(" ") and (not self.current or previous.endswith(" ")):
            text = text[1:]
        if text:
            self.current.append(text)

    def _blank_if_pending(self) -> None:
        if self.pending_blank and self.lines and self.lines[-1][1]:
            # At the outer of the two depths: the gap before a quote is not quoted.
            self.lines.append((min(self.lines[-1][0], self.quote), ""))
        self.pending_blank = False

    def _line_in_pre(self) -> None:
        self._blank_if_pending()
        self.lines.append((self.quote, "".join(self.current)))
        self.current = []

    # Parser callbacks ----------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag == self.skip[-1] or tag in _DROPPED:
                self.skip.append(tag)
            return
        values = {name: value or "" for name, value in attrs}
        if tag in _DROPPED or (
            self.hide_hidden and tag not in _VOID and _HIDDEN.search(values.get("style", ""))
        ):
            self.skip.append(tag)
            return
        if tag == "br":
            self._break()
        elif tag in _PARAGRAPHS:
            self._break(blank=True)
            if tag == "blockquote":
                self.quote += 1
            elif tag == "pre":
                self.pre += 1
            elif tag == "hr":
                self.current.append("-" * 20)
                self._break(blank=True)
        elif tag in _BLOCKS:
            self._break()
            if tag == "li":
                self.current.append("- ")
        elif tag in ("td", "th"):
            if self.current and not "".join(self.current).endswith(" "):
                self.current.append(" ")
        elif tag == "a":
            self.links.append((values.get("href", "").strip(), len(self.current)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in _PARAGRAPHS:
            if tag == "blockquote" and self.quote:
                self._break(blank=True)
                self.quote -= 1
            elif tag == "pre" and self.pre:
                self._line_in_pre()
                self.pre -= 1
            self._break(blank=True)
        elif tag in _BLOCKS:
            self._break()
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            shown = "".join(self.current[start:]).strip()
            target = href[7:] if href.lower().startswith("mailto:") else href
            if shown and target and not href.startswith("#") and target != shown:
                self.current.append(f" ({target})")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._write(data)

    def text(self) -> str:
        self._break()
        out: list[str] = []
        for depth, line in self.lines:
            line = line.rstrip()
            depth = min(depth, MAX_QUOTE_DEPTH)
            out.append((">" * depth + " " + line).rstrip() if depth else line)
        joined = "\n".join(out)
        return re.sub(r"\n{3,}", "\n\n", joined).strip("\n")


def _convert(html: str, hide_hidden: bool) -> str:
    maker = _TextMaker(hide_hidden)
    maker.feed(html)
    maker.close()
    return maker.text()


def html_to_text(html: str) -> str:
    """The text a reader sees in *html*, with line breaks where the layout puts them."""
    text = _convert(html, hide_hidden=True)
    if not text.strip():
        # An unclosed hidden element swallowed everything: show it all instead.
        text = _convert(html, hide_hidden=False)
    return text
