"""Read articles from plain text, HTML, JSON Lines, RSS/Atom, folders and stdin.

:func:`read_paths` is the one entry point. It yields an :class:`Article`
for every article it can read and a :class:`kg.errors.InputError` (yielded,
not raised) for every input it cannot, so that one bad file never stops a
batch. Each error names the file (and the line of a JSON Lines file) and
says how to fix it.

Formats, chosen by extension and, for other names and stdin, by content:

``.txt``, ``.md``, other text
    One article; the first non-empty line is the title and the text is the
    whole file, so entity offsets are offsets into the file.
``.html``, ``.htm``
    One article; the body paragraphs are extracted (see :func:`extract_html`).
``.jsonl``, ``.ndjson``
    One article a line: ``{"id", "title", "text", "published", "url", "lang"}``
    (``body``/``content`` are accepted for ``text``, ``date`` for
    ``published``). Streamed line by line.
``.json``
    One article object, or a list of them, with the JSON Lines fields.
``.xml``, ``.rss``, ``.atom``
    An RSS or Atom feed; every entry is an article.

A text or HTML file ``NAME.txt`` may have a sidecar ``NAME.meta.json`` with
``id``, ``title``, ``published``, ``url``, ``lang`` and ``source`` (the
publisher, kept as :attr:`Article.publisher`); its values win over what the
file itself says.
"""
from __future__ import annotations

import calendar
import codecs
import datetime as _dt
import email.utils
import hashlib
import io
import itertools
import json
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator

import charset_normalizer
import feedparser
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.normalize import clean_article_text, normalize_text
from kg.errors import InputError

__all__ = [
    "Article", "HtmlExtract", "read_paths", "read_path", "read_stream", "parse_published",
    "extract_html", "decode_bytes", "content_hash", "article_id", "sidecar_path",
    "MAX_CHARS", "TEXT_EXTENSIONS", "HTML_EXTENSIONS", "JSONL_EXTENSIONS", "FEED_EXTENSIONS",
]

#: The longest article text accepted, in characters.
MAX_CHARS = 2_000_000
TEXT_EXTENSIONS = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
JSON_EXTENSIONS = frozenset({".json"})
FEED_EXTENSIONS = frozenset({".xml", ".rss", ".atom"})
_MAX_FILE_BYTES = 64 * 1024 * 1024
_YEARS = (1990, 2100)
_JSONL_EXAMPLE = '{"id": "a1", "title": "...", "text": "...", "published": "2021-06-22"}'


# --------------------------------------------------------------------------- article

@dataclass
class Article:
    """One article as read from the input.

    ``text`` is the body (for a text file, the whole file including the
    title line), cleaned by :func:`ingest.normalize.clean_article_text` and
    otherwise untouched. ``id`` is the id the input gave, else
    ``"sha256:"`` and the first 32 hex digits of :attr:`content_hash`.
    ``publisher`` (from a sidecar's ``source``) is not part of :meth:`to_dict`.
    """

    id: str
    title: str
    text: str
    published: str | None
    url: str | None
    lang: str | None
    source: str
    content_hash: str
    publisher: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        """The extraction record's ``"article"`` object."""
        return {"id": self.id, "lang": self.lang, "published": self.published,
                "title": self.title, "source": self.source, "url": self.url,
                "content_hash": self.content_hash, "text": self.text}


def content_hash(text: str) -> str:
    """SHA-256 hex of the text normalised for comparison, whitespace collapsed.

    >>> content_hash("a  b") == content_hash(" a\\nb ")
    True
    """
    norm = " ".join(normalize_text(text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def article_id(given: object, chash: str) -> str:
    """The id an input gave (as a string), else ``"sha256:"`` + 32 hex digits of ``chash``."""
    if given is not None and str(given).strip():
        return str(given).strip()
    return "sha256:" + chash[:32]


def _make_article(*, text: str, title: str | None, source: str, given_id: object = None,
                  published: str | None = None, url: str | None = None, lang: str | None = None,
                  publisher: str | None = None) -> Article:
    text = clean_article_text(text)
    if not title:
        title = _first_line(text)
    title = " ".join(clean_article_text(title).split())
    chash = content_hash(text)
    return Article(id=article_id(given_id, chash), title=title, text=text, published=published,
                   url=(url or None), lang=_lang_code(lang), source=source,
                   content_hash=chash, publisher=publisher)


def _first_line(text: str, limit: int = 300) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:limit]
    return ""


def _lang_code(value: object) -> str | None:
    """``"ar-EG"`` -> ``"ar"``; empty -> None."""
    if not isinstance(value, str) or not value.strip():
        return None
    return re.split(r"[-_]", value.strip().lower())[0] or None


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Arabic month names, Egyptian and Levantine, in normalize_text()'s folded spelling.
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12, "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5,
    "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12,
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
_ISO = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
_ISO_FULL = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ]\S.*", re.I)
_MDY = re.compile(rf"{_WEEKDAY}({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")
_DMY = re.compile(rf"{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})")
_MY = re.compile(rf"({_MONTH_RE})\.?,?\s+(\d{{4}})")


def _check(value: str, y: int, m: int | None = None, d: int | None = None) -> str:
    if not _YEARS[0] <= y <= _YEARS[1]:
        raise ValueError(f"{value!r} does not look like a publication date "
                         f"(the year must be between {_YEARS[0]} and {_YEARS[1]})")
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        raise ValueError(f"{value!r} is not a real date (month {m}); use YYYY-MM-DD")
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        raise ValueError(f"{value!r} is not a real date ({calendar.month_name[m]} has no day {d}); "
                         "use YYYY-MM-DD")
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_published(value: object) -> str | None:
    """Turn a publication date into ISO 8601 at the precision it has.

    Accepts ISO dates and datetimes (``2021-06-22``, ``2021-06-22T08:30:00Z``,
    ``2021-06``, ``2021``, ``2021/06/22``), RFC 2822 as in RSS (``Tue, 22 Jun
    2021 08:30:00 GMT``), ``June 22, 2021``, ``22 June 2021``, ``June 2021``,
    Arabic month names (``22 يونيو 2021``), and :class:`datetime.date`,
    :class:`datetime.datetime` or :class:`time.struct_time` values. A
    datetime keeps the calendar day written in it (no time-zone shift).

    Returns None for None or an empty string; raises :class:`ValueError`
    with a message saying what is wrong otherwise.

    >>> parse_published("Tue, 22 Jun 2021 08:30:00 GMT")
    '2021-06-22'
    >>> parse_published("June 2021")
    '2021-06'
    >>> parse_published("2021-02-31")
    Traceback (most recent call last):
    ...
    ValueError: '2021-02-31' is not a real date (February has no day 31); use YYYY-MM-DD
    """
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        return _check(time.strftime("%Y-%m-%d", value), value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _check(value.isoformat(), value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"{value!r} is not a date; give a string like 2021-06-22")
    s = str(value).strip()
    if not s:
        return None
    folded = " ".join(normalize_text(s).lower().split())
    m = _ISO.fullmatch(folded)
    if m:
        y, mo, d = (int(g) if g else None for g in m.groups())
        return _check(s, y, mo, d)
    m = _ISO_FULL.fullmatch(folded)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        day = _check(s, y, mo, d)
        try:
            _dt.datetime.fromisoformat(folded.upper().replace(" ", "T", 1))
        except ValueError:
            raise ValueError(f"{value!r} has a date but an unreadable time; "
                             "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS") from None
        return day
    m = _MDY.fullmatch(folded)
    if m:
        return _check(s, int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    m = _DMY.fullmatch(folded)
    if m:
        return _check(s, int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    m = _MY.fullmatch(folded)
    if m:
        return _check(s, int(m.group(2)), _MONTHS[m.group(1)])
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return _check(s, parsed.year, parsed.month, parsed.day)
    raise ValueError(f"{value!r} is not a date I can read; use YYYY-MM-DD (or YYYY-MM, YYYY)")


def _published_or_error(value: object, what: str, source: str, line: int | None = None):
    """parse_published, turning ValueError into an InputError about ``what``."""
    try:
        return parse_published(value)
    except ValueError as e:
        return InputError(f"{what}: {e}", source=source, line=line)


# --------------------------------------------------------------------------- bytes

_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"PK\x05\x06",
          b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ",
          b"RIFF", b"OggS", b"ID3", b"fLaC", b"\x00\x00\x01\x00", b"wOFF", b"wOF2",
          b"SQLite format 3", b"\xd0\xcf\x11\xe0", b"II*\x00", b"MM\x00*")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Legacy encodings we accept from charset-normalizer (obscure ones it might guess are left out).
_LEGACY = ["cp1256", "iso8859_6", "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2",
           "cp1251", "koi8_r", "iso8859_5", "cp1253", "iso8859_7", "cp1254", "iso8859_9",
           "cp1255", "iso8859_8", "cp1257", "cp874", "gb18030", "big5", "shift_jis",
           "euc_jp", "euc_kr"]
_WESTERN = {"cp1250", "cp1252", "cp1257", "latin_1", "iso8859_15", "iso8859_2", "cp1254",
            "iso8859_9"}
_MULTIBYTE = {"gb18030", "big5", "shift_jis", "euc_jp", "euc_kr"}
_NOT_TEXT = "not a text file (binary content); give .txt, .html, .jsonl or an RSS/Atom feed"
_UNKNOWN_ENCODING = "unknown encoding; re-save it as UTF-8"


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_MAGIC):
        return True
    head = data[:8192]
    if not head:
        return False
    controls = sum(b < 9 or 13 < b < 32 for b in head if b != 27)
    return controls / len(head) > 0.10


def _plausible(text: str) -> bool:
    """Most non-ASCII characters of a legacy-decoded text are letters, marks or common punctuation."""
    odd = [ch for ch in text if ord(ch) > 127]
    if not odd:
        return True
    good = sum(unicodedata.category(ch)[0] in "LMN" or unicodedata.category(ch) in
               ("Pi", "Pf", "Pd", "Po", "Ps", "Pe", "Zs", "Sc") for ch in odd)
    return good / len(odd) >= 0.9


_DECLARED = re.compile(rb"""(?:<meta[^>]{0,200}?charset|<\?xml[^>]{0,100}?encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""",
                       re.I)


def _declared_charset(data: bytes) -> str | None:
    """The encoding an HTML ``<meta charset>`` or XML declaration names, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


def _as_cp1256_arabic(data: bytes) -> str | None:
    """``data`` decoded as Windows-1256 if that gives Arabic letters nearly everywhere."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    odd = [ch for ch in text if ord(ch) > 127]
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in odd)
    return text if len(odd) >= 4 and arabic >= 0.9 * len(odd) else None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a file's bytes, or raise :class:`InputError` saying why not.

    UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy encodings
    (Windows-1256 Arabic, Windows-1252, ...) that charset-normalizer
    recognises with confidence. Damaged UTF-8 and undecidable bytes give
    "unknown encoding"; binary content gives "not a text file".
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                raise InputError(_UNKNOWN_ENCODING + f" (it starts with a {enc} byte-order mark "
                                 "but is not valid " + enc + ")", source=source) from None
    if _looks_binary(data):
        raise InputError(_NOT_TEXT, source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    good = sum(ord(ch) > 127 for ch in as_utf8) - bad
    if good > bad:  # mostly valid UTF-8 with damaged bytes: guessing would garble it
        raise InputError(_UNKNOWN_ENCODING + " (it is UTF-8 with invalid bytes)", source=source)
    declared = _declared_charset(data)
    if declared:
        try:  # an HTML/XML file that names its encoding is believed
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong; fall through to detection
    arabic = _as_cp1256_arabic(data)
    if arabic is not None:  # short Arabic texts fool the statistics; this check does not
        return arabic
    matches = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY)
    best = matches.best()
    if best is None:
        raise InputError(_UNKNOWN_ENCODING, source=source)
    enc = best.encoding
    if enc in _WESTERN and enc != "cp1252":
        try:  # same score: prefer Windows-1252, by far the commonest Western legacy encoding
            data.decode("cp1252")
            enc = "cp1252"
        except UnicodeDecodeError:
            pass
    text = data.decode(enc)
    confident = best.coherence >= 0.1 or enc in _MULTIBYTE
    if best.chaos > 0.2 or not confident or not _plausible(text):
        raise InputError(_UNKNOWN_ENCODING + f" (the bytes do not read as {enc} either)",
                         source=source)
    return text


# --------------------------------------------------------------------------- HTML

@dataclass
class HtmlExtract:
    """What :func:`extract_html` finds in a page."""

    title: str
    blocks: list[str]
    published: str | None = None
    url: str | None = None
    lang: str | None = None

    @property
    def text(self) -> str:
        """Title first, then the blocks, separated by blank lines (a block equal to the title is dropped)."""
        key = " ".join(self.title.split()).casefold()
        body = [b for b in self.blocks if " ".join(b.split()).casefold() != key]
        return "\n\n".join(([self.title] if self.title else []) + body)


_DROP_TAGS = frozenset({
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "button", "template", "select", "textarea", "input", "object", "embed", "canvas",
    "menu", "dialog", "head", "title", "video", "audio", "picture", "img", "map"})
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog",
                         "alertdialog", "menu", "menubar", "search", "toolbar"})
_JUNK = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|related|share|sharing|social|"
    r"cookies?|consent|gdpr|newsletter|subscribe|subscription|promo|advert|adverts|ads?|"
    r"sponsored|sidebar|comments?|footer|header|masthead|popup|modal|banner|outbrain|"
    r"taboola|tags|toolbar|skip|recommended|trending|most-read|paywall)(?:$|[\s_-])", re.I)
_KEEP_ALWAYS = frozenset({"html", "body", "main", "article"})
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th",
    "figure", "figcaption", "address", "center", "hr", "body", "html", "caption", "details",
    "summary"})
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


def _is_junk(node: LexborNode) -> bool:
    tag = node.tag
    if tag in _DROP_TAGS:
        return True
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if (attrs.get("role") or "").lower() in _DROP_ROLES:
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if tag in _KEEP_ALWAYS:
        return False
    names = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
    return bool(names and _JUNK.search(names))


def _html_blocks(root: LexborNode) -> list[str]:
    """Walk ``root`` and return its text blocks, boilerplate left out."""
    blocks: list[str] = []
    buf: list[str] = []
    link_chars = 0
    link_depth = 0

    def flush() -> None:
        nonlocal link_chars
        raw = "".join(buf)
        buf.clear()
        lines = [" ".join(part.split()) for part in raw.split("\n")]
        text = "\n".join(line for line in lines if line)
        n_link, link_chars = link_chars, 0
        if not text:
            return
        plain = len(text.replace("\n", ""))
        if n_link / plain > 0.6 and plain < 200:
            return  # a short, mostly-link block: a menu, a "read more", a tag list
        blocks.append(text)

    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:  # leaving an element
            if tag == "a":
                link_depth -= 1
            if tag in _BLOCK_TAGS:
                flush()
            continue
        if tag == "-text":
            chunk = _WS.sub(" ", node.text_content or "")
            buf.append(chunk)
            if link_depth:
                link_chars += len(chunk.strip())
            continue
        if tag.startswith("-"):  # comments, doctype
            continue
        if tag == "br":
            buf.append("\n")
            continue
        if _is_junk(node):
            continue
        if tag in _BLOCK_TAGS:
            flush()
        if tag == "a":
            link_depth += 1
        stack.append((node, False))
        children = list(node.iter(include_text=True))
        stack.extend((child, True) for child in reversed(children))
    flush()
    return blocks


def _meta(tree: LexborHTMLParser, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{name}" i]')
            if node is not None:
                value = (node.attributes.get("content") or "").strip()
                if value:
                    return value
    return None


def _jsonld_published(tree: LexborHTMLParser) -> str | None:
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except json.JSONDecodeError:
            continue  # a broken JSON-LD block is common and harmless: other sources remain
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                graph = item.get("@graph")
                for obj in ([item] + (graph if isinstance(graph, list) else [])):
                    if isinstance(obj, dict) and isinstance(obj.get("datePublished"), str):
                        return obj["datePublished"]
    return None


def _first_valid_date(*candidates: str | None) -> str | None:
    for value in candidates:
        if value:
            try:
                return parse_published(value)
            except ValueError:
                continue  # scraped metadata is often odd; try the next source
    return None


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in ('[itemprop="articleBody"]', "article", "main", '[role="main"]'):
        nodes = [n for n in tree.css(selector) if not _is_junk(n)]
        if nodes:
            best = max(nodes, key=lambda n: len(n.text(deep=True, separator=" ").strip()))
            if best.text(deep=True).strip():
                return best
    return tree.body or tree.root


def extract_html(html: str) -> HtmlExtract:
    """Extract title, body blocks, date, canonical URL and language from a page.

    The title is ``og:title``, else ``<title>``, else the first ``<h1>``.
    The body is the paragraphs of ``[itemprop=articleBody]``, ``<article>``
    or ``<main>`` (else ``<body>``), without navigation, headers, footers,
    asides, scripts, forms, menus, related/share/cookie blocks and short
    link-heavy blocks. The date is ``article:published_time``, schema.org
    ``datePublished``, ``<time datetime>`` or ``<meta name=date>``.

    >>> page = ('<html lang="en"><head><title>Ban</title></head><body><nav><a href="/">Home</a></nav>'
    ...         '<article><h1>Ban</h1><p>Miners <b>left</b> Sichuan.</p></article></body></html>')
    >>> extract_html(page).text
    'Ban\\n\\nMiners left Sichuan.'
    """
    tree = LexborHTMLParser(html)
    title = _meta(tree, "og:title", "twitter:title") or ""
    if not title:
        node = tree.css_first("title")
        title = node.text(deep=True) if node is not None else ""
    if not title.strip():
        node = tree.css_first("h1")
        title = node.text(deep=True) if node is not None else ""
    title = " ".join(title.split())
    root = _content_root(tree)
    time_node = (root.css_first("time[datetime]") if root is not None else None) \
        or tree.css_first("time[datetime]")
    published = _first_valid_date(
        _meta(tree, "article:published_time", "og:published_time", "datePublished"),
        _jsonld_published(tree),
        time_node.attributes.get("datetime") if time_node is not None else None,
        _meta(tree, "date", "pubdate", "publishdate", "publish-date", "publish_date",
              "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "parsely-pub-date",
              "sailthru.date", "article.published"),
    )
    canonical = tree.css_first('link[rel="canonical" i]')
    url = (canonical.attributes.get("href") if canonical is not None else None) \
        or _meta(tree, "og:url")
    html_node = tree.css_first("html")
    lang = html_node.attributes.get("lang") if html_node is not None else None
    blocks = _html_blocks(root) if root is not None else []
    return HtmlExtract(title=title, blocks=blocks, published=published,
                       url=(url or "").strip() or None, lang=_lang_code(lang))


# --------------------------------------------------------------------------- sniffing

_HTML_SNIFF = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|"
                         r"div|p|h1|meta|title)\b", re.I | re.S)
_FEED_SNIFF = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)


def _sniff(head: str) -> str:
    """``"jsonl"``, ``"feed"``, ``"html"`` or ``"text"`` from the start of a text."""
    s = head.lstrip("\ufeff \t\r\n")
    if s.startswith("{"):
        return "jsonl"
    if s.startswith("<?xml") or s.startswith("<rss") or s.startswith("<feed"):
        return "feed" if _FEED_SNIFF.search(s[:4096]) else "html"
    if _FEED_SNIFF.match(s):
        return "feed"
    if _HTML_SNIFF.match(s):
        return "html"
    return "text"


def sidecar_path(path: str) -> str:
    """``dir/NAME.txt`` -> ``dir/NAME.meta.json``."""
    p = Path(path)
    return str(p.with_name(p.stem + ".meta.json"))


# --------------------------------------------------------------------------- readers

_SIDECAR_KEYS = ("id", "title", "published", "url", "lang", "source")


def _read_sidecar(path: str) -> dict | InputError:
    meta = sidecar_path(path)
    if not os.path.isfile(meta):
        return {}
    try:
        with open(meta, encoding="utf-8-sig") as f:
            data = json.load(f)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        return InputError(f"sidecar is not valid UTF-8 JSON ({e}); fix it or delete it", source=meta)
    except OSError as e:
        return InputError(f"cannot read sidecar ({e.strerror})", source=meta)
    if not isinstance(data, dict):
        return InputError('sidecar must be a JSON object like {"published": "2021-06-22", '
                          '"url": "https://..."}', source=meta)
    out = {k: data[k] for k in _SIDECAR_KEYS if data.get(k) is not None}
    if "published" in out:
        pub = _published_or_error(out["published"], "published", meta)
        if isinstance(pub, InputError):
            return pub
        out["published"] = pub
    return out


def _too_long(text: str, source: str, line: int | None = None) -> InputError | None:
    if len(text) > MAX_CHARS:
        return InputError(f"article is {len(text):,} characters long, over the {MAX_CHARS:,} "
                          "limit; split it into several articles", source=source, line=line)
    return None


def _single(text: str, kind: str, source: str, published: str | None,
            meta: dict) -> Iterator[Article | InputError]:
    """One text or HTML article, with sidecar values winning."""
    if not text.strip():
        yield InputError("empty (no text); remove it or add the article text", source=source)
        return
    if kind == "html":
        ext = extract_html(text)
        if not ext.blocks:
            yield InputError("no article text found in the HTML (no paragraphs outside "
                             "navigation and boilerplate); save the article as .txt instead",
                             source=source)
            return
        body, title, url, lang, pub = ext.text, ext.title, ext.url, ext.lang, ext.published
    else:
        body, title, url, lang, pub = text, None, None, None, None
    err = _too_long(body, source)
    if err:
        yield err
        return
    yield _make_article(text=body, title=meta.get("title") or title, source=source,
                        given_id=meta.get("id"), published=meta.get("published") or pub or published,
                        url=meta.get("url") or url, lang=meta.get("lang") or lang,
                        publisher=meta.get("source"))


def _json_article(obj: object, source: str, line: int | None,
                  published: str | None) -> Article | InputError:
    """One JSON Lines / JSON object -> an Article or an InputError naming ``source:line``."""
    if not isinstance(obj, dict):
        kind = {list: "a list", str: "a string", int: "a number", float: "a number",
                bool: "true/false"}.get(type(obj), "null")
        return InputError(f"expected a JSON object, found {kind}; each line must look like "
                          f"{_JSONL_EXAMPLE}", source=source, line=line)
    text = next((obj[k] for k in ("text", "body", "content") if obj.get(k) is not None), None)
    if text is None:
        return InputError('no "text" field (nor "body"/"content"); add the article text, e.g. '
                          + _JSONL_EXAMPLE, source=source, line=line)
    if not isinstance(text, str):
        return InputError(f'"text" must be a string, not {type(text).__name__}',
                          source=source, line=line)
    if not text.strip():
        return InputError('empty "text"; add the article text or remove the line',
                          source=source, line=line)
    err = _too_long(text, source, line)
    if err:
        return err
    pub_raw = next((obj[k] for k in ("published", "date") if obj.get(k) not in (None, "")), None)
    pub = _published_or_error(pub_raw, '"published"', source, line)
    if isinstance(pub, InputError):
        return pub
    title = obj.get("title")
    url = obj.get("url") or obj.get("link")
    where = f"{source}:{line}" if line else source
    return _make_article(text=text, title=title if isinstance(title, str) else None, source=where,
                         given_id=obj.get("id"), published=pub or published,
                         url=url if isinstance(url, str) else None,
                         lang=obj.get("lang") or obj.get("language"),
                         publisher=obj.get("source") if isinstance(obj.get("source"), str) else None)


def _split_lines(head, stream, chunk_size: int = 1 << 16):
    """Lines (ending in ``\\n`` but the last) of ``head`` followed by the rest of ``stream``."""
    nl = b"\n" if isinstance(head, bytes) else "\n"
    pending = head
    while True:
        start = 0
        i = pending.find(nl)
        while i >= 0:
            yield pending[start:i + 1]
            start = i + 1
            i = pending.find(nl, start)
        pending = pending[start:]
        chunk = stream.read(chunk_size) if stream is not None else None
        if not chunk:
            break
        pending += chunk
    if pending:
        yield pending


def _jsonl(lines: Iterable, source: str, published: str | None) -> Iterator[Article | InputError]:
    """Parse JSON Lines one line at a time; every bad line is one InputError."""
    seen_any = False
    for lineno, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield InputError("line is not valid UTF-8; re-save the file as UTF-8",
                                 source=source, line=lineno)
                continue
        elif lineno == 1:
            raw = raw.lstrip("\ufeff")
        if not raw.strip():
            continue
        seen_any = True
        try:
            obj = json.loads(raw.rstrip("\r\n"))
        except json.JSONDecodeError as e:
            if not raw.endswith("\n"):
                msg = ("last line is cut off (the file ends inside a JSON object); "
                       "complete or remove it")
            else:
                msg = (f"not valid JSON ({e.msg} at column {e.colno}); each line must be one "
                       f"JSON object like {_JSONL_EXAMPLE}")
            yield InputError(msg, source=source, line=lineno)
            continue
        yield _json_article(obj, source, lineno, published)
    if not seen_any:
        yield InputError("empty (no JSON lines); add one article a line", source=source)


def _json_document(text: str, source: str, published: str | None) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield InputError(f"not valid JSON ({e.msg} at line {e.lineno} column {e.colno}); give one "
                         "article object, a list of them, or use JSON Lines (.jsonl)", source=source)
        return
    if isinstance(data, list):
        if not data:
            yield InputError("empty list; add article objects", source=source)
        for i, obj in enumerate(data, start=1):
            result = _json_article(obj, f"{source}#item{i}", None, published)
            yield result
    else:
        yield _json_article(data, source, None, published)


def _feed(data: bytes | str, source: str, published: str | None) -> Iterator[Article | InputError]:
    """Every entry of an RSS/Atom feed, its HTML content stripped to text."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield InputError(f"not an RSS/Atom feed with entries{why}; check the file or save the "
                         "articles as .txt/.jsonl", source=source)
        return
    feed_lang = (parsed.get("feed") or {}).get("language")
    for n, entry in enumerate(entries, start=1):
        where = f"{source}#entry{n}"
        contents = entry.get("content") or []
        html = max((c.get("value") or "" for c in contents), key=len, default="") \
            or entry.get("summary") or ""
        title = " ".join(extract_html(entry.get("title") or "").text.split()) \
            if "<" in (entry.get("title") or "") else " ".join((entry.get("title") or "").split())
        blocks = extract_html(html).blocks if html.strip() else []
        if not blocks:
            yield InputError("entry has no content or summary text; the feed gives only a link, "
                             "so fetch the page and read it as HTML", source=where)
            continue
        text = HtmlExtract(title=title, blocks=blocks).text
        err = _too_long(text, where)
        if err:
            yield err
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        pub = _first_valid_date(stamp and time.strftime("%Y-%m-%d", stamp)) or published
        lang = next((c.get("language") for c in contents if c.get("language")), None) or feed_lang
        yield _make_article(text=text, title=title, source=where, given_id=entry.get("id"),
                            published=pub, url=entry.get("link"), lang=lang)


def _from_text(text: str, kind: str, source: str, published: str | None,
               meta: dict) -> Iterator[Article | InputError]:
    if kind == "jsonl":
        yield from _jsonl(io.StringIO(text), source, published)
    elif kind == "json":
        yield from _json_document(text, source, published)
    elif kind == "feed":
        yield from _feed(text, source, published)
    else:
        yield from _single(text, kind, source, published, meta)


def read_path(path: str, *, published: str | None = None) -> Iterator[Article | InputError]:
    """Read one file (not a folder); see :func:`read_paths`."""
    ext = Path(path).suffix.lower()
    try:
        if ext in JSONL_EXTENSIONS:
            with open(path, "rb") as f:
                head = f.read(4)
                for bom, enc in _BOMS:
                    if head.startswith(bom) and enc != "utf-8-sig":
                        f.seek(0)
                        lines = io.TextIOWrapper(f, encoding=enc)
                        yield from _jsonl(lines, path, published)
                        return
                yield from _jsonl(_split_lines(head, f), path, published)
            return
        if os.path.getsize(path) > _MAX_FILE_BYTES:
            yield InputError(f"file is over {_MAX_FILE_BYTES // 2**20} MB; split it, or use JSON "
                             "Lines (.jsonl), which is read line by line", source=path)
            return
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        yield InputError("no such file; check the path", source=path)
        return
    except IsADirectoryError:
        yield InputError("is a folder; give it to read_paths to read it recursively", source=path)
        return
    except UnicodeDecodeError as e:
        yield InputError(f"{_UNKNOWN_ENCODING} ({e.reason})", source=path)
        return
    except OSError as e:
        yield InputError(f"cannot read it ({e.strerror}); check its permissions", source=path)
        return
    if not data.strip():
        yield InputError("empty (no text); remove it or add the article text", source=path)
        return
    if ext in FEED_EXTENSIONS and not _looks_binary(data):
        yield from _feed(data, path, published)
        return
    try:
        text = decode_bytes(data, path)
    except InputError as e:
        yield e
        return
    if ext in HTML_EXTENSIONS:
        kind = "html"
    elif ext in JSON_EXTENSIONS:
        kind = "json"
    elif ext in TEXT_EXTENSIONS:
        kind = "text"
    else:
        kind = _sniff(text[:4096])
    meta: dict | InputError = _read_sidecar(path) if kind in ("text", "html") else {}
    if isinstance(meta, InputError):
        yield meta
        return
    yield from _from_text(text, kind, path, published, meta)


def read_stream(stream: IO | None = None, *, published: str | None = None,
                name: str = "-") -> Iterator[Article | InputError]:
    """Read standard input (or any stream): JSON Lines, HTML, a feed or plain text, sniffed.

    JSON Lines is streamed line by line (sources ``-:LINE``); anything else
    is read whole as one article (source ``-``).
    """
    stream = sys.stdin if stream is None else stream
    raw = getattr(stream, "buffer", stream)
    head = raw.read(1 << 16)
    if not head:
        yield InputError("empty (nothing on standard input); pipe an article in", source=name)
        return
    if isinstance(head, bytes):
        start = head[:4096]
        for bom, enc in _BOMS:
            if start.startswith(bom) and enc != "utf-8-sig":
                start = None
                break
        probe = (start.decode("utf-8", errors="replace") if start is not None
                 else head.decode("utf-16" if b"\x00" in head[:4] else "utf-8", errors="replace"))
    else:
        probe = head[:4096]
    kind = _sniff(probe)
    if kind == "jsonl" and (isinstance(head, str) or start is not None):
        yield from _jsonl(_split_lines(head, raw), name, published)
        return
    rest = raw.read()
    data = head + rest
    if isinstance(data, bytes):
        if not data.strip():
            yield InputError("empty (no text); pipe an article in", source=name)
            return
        try:
            text = decode_bytes(data, name)
        except InputError as e:
            yield e
            return
    else:
        text = data
    yield from _from_text(text, _sniff(text[:4096]), name, published, {})


def _walk(folder: str) -> Iterator[str]:
    """Files under ``folder``, recursively and sorted, without hidden ones and sidecars."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith((".meta.json", ".expected.json")):
                continue
            yield os.path.join(dirpath, name)


def read_paths(paths: Iterable[str], *, published: str | None = None,
               stdin: IO | None = None) -> Iterator[Article | InputError]:
    """Read every article in ``paths``: files, folders (recursively) and ``-`` for stdin.

    Parameters
    ----------
    paths : iterable of str
        Files, folders or ``"-"``. Folders are walked recursively in sorted
        order, skipping hidden files and folders ``*.meta.json`` sidecars and ``*.expected.json`` test expectations.
    published : str, optional
        The publication date to use when an input gives none (the
        ``--published`` option); any form :func:`parse_published` reads.
    stdin : file object, optional
        What ``"-"`` reads (default :data:`sys.stdin`); bytes or text.

    Yields
    ------
    Article or kg.errors.InputError
        An error for every input that cannot be read, in order; the batch
        goes on after it.

    Raises
    ------
    kg.errors.InputError
        At once, if ``published`` is not a date.
    """
    try:
        default = parse_published(published)
    except ValueError as e:
        raise InputError(f"--published: {e}") from None
    return _read_all(paths, default, stdin)


def _read_all(paths: Iterable[str], published: str | None,
              stdin: IO | None) -> Iterator[Article | InputError]:
    stdin_done = False
    for path in paths:
        path = os.fspath(path)
        if path == "-":
            if stdin_done:
                continue  # standard input can only be read once
            stdin_done = True
            yield from read_stream(stdin, published=published)
        elif os.path.isdir(path):
            files = _walk(path)
            first = next(files, None)
            if first is None:
                yield InputError("folder has no files to read", source=path)
                continue
            for file in itertools.chain([first], files):
                yield from read_path(file, published=published)
        else:
            yield from read_path(path, published=published)
