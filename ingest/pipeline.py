"""The extraction pipeline: article → spaCy Doc → extraction record.

One pipeline per language, built once and cached:

``kg_sentences`` → ``kg_gazetteer`` (an EntityRuler on NORM) → ``kg_entities``
(values, cue-found names, regulators) → ``kg_events`` (BAN, MIGRATION).

Examples
--------
>>> rec = extract({"id": "x", "title": "t", "text": "China banned bitcoin mining in 2021.",
...                "published": "2021-06-01", "lang": "en"})
>>> [e["jurisdiction"] for e in rec["events"] if e["type"] == "BAN"]
['CN']
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import ingest.components  # noqa: F401  (registers the factories)
from ingest.gazetteer import PATTERNS_DIR, PLACE_TYPES
from ingest.langid import detect
from ingest.normalize import normalize_ar
from ingest.record import doc_to_record

__all__ = ["build_pipeline", "get_pipeline", "extract", "extract_many", "SUPPORTED_LANGS"]

SUPPORTED_LANGS = ("ar", "en")
PATTERN_FILES = ("places.jsonl", "orgs.jsonl")


_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


def _is_arabic(s: str) -> bool:
    # a regex search rather than a generator over the characters: it runs for every
    # gazetteer pattern (twice) when a pipeline is built
    return _ARABIC_CHAR.search(s) is not None


#: chunks (words with their punctuation) spaCy's tokenizer keeps tokenized. Its default,
#: 10,000, is reached by the gazetteer's own patterns while the pipeline is built, and
#: then no word of any article was cached: the English pipeline, with the imported towns
#: and counties, tokenized every word afresh (30-40% of its extraction time). A bound
#: keeps memory flat (about 6 MB at most).
TOKENIZER_CACHE = 100_000


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict, ...]:
    rows = []
    for name in PATTERN_FILES:
        path = PATTERNS_DIR / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rows.append(json.loads(line))
    return tuple(rows)


_ORG_LABELS = ("COMPANY", "ORGANIZATION", "REGULATOR")


def _known_arabic_words() -> set[str]:
    """Normalised words that NORM may uncover under a clitic."""
    from ingest.lang.ar.demonyms import BROKEN_PLURALS, DEMONYMS
    known: set[str] = set()
    for row in _patterns():
        p = row["pattern"]
        if isinstance(p, str) and _is_arabic(p) and p.split():
            # a clitic goes on a name's first word ("بولاية واشنطن"); its other words are no
            # names of their own ("إيه" of "بي إيه نيوز" made "ولاية" read "و" + "ل" + "إيه")
            known.add(normalize_ar(p.split()[0]))
    for forms in DEMONYMS.values():
        for f in forms:
            known.update({f, f + "ه", f + "ين", f + "ون", "ال" + f, "ال" + f + "ه", "ال" + f + "ين", "ال" + f + "ون"})
    known.update("ال" + f for forms in BROKEN_PLURALS.values() for f in forms)
    known.update({"الميه", "المايه", "المئه"})
    # a pattern word that is itself a clitic form of another known word ("لكازاخستان" in
    # an organisation's name) is not a word of its own: NORM folds it on both sides
    from ingest.lang.ar.lex_attrs import CLITICS
    # ("ال" is not a clitic here: اليونان is Greece, يونان Yunnan)
    glued = {w for w in known for c in CLITICS
             if c != "ال" and w.startswith(c) and len(w) - len(c) >= 3 and w[len(c):] in known}
    return known - glued


#: first words of Arabic place names that say what the place is ("مدينة حلب") or
#: begin an Arabic compound ("أبو ظبي"): such names are not written with a hyphen
_NOT_HYPHENATED = ("مدينه", "ولايه", "مقاطعه", "اقليم", "منطقه", "جمهوريه", "محافظه", "جزيره",
                   "جزر", "بحر", "عاصمه", "بلده", "قريه", "مملكه", "دوله", "اماره", "سلطنه",
                   "ابو", "بني", "عين", "بير", "راس")


def _hyphenated(pats: list[dict]) -> list[dict]:
    """Arabic copy writes transliterated two-part names with a hyphen too
    ("قبردينو-بلقاريا", "نور-سلطان"): the hyphenated form of each such place
    name (the tokenizer makes the hyphen a token of its own)."""
    out = []
    for r in pats:
        words = r["pattern"].split()
        if r["label"] in PLACE_TYPES and len(words) == 2 and _is_arabic(r["pattern"]) \
                and not any(w.startswith("ال") for w in words) and normalize_ar(words[0]) not in _NOT_HYPHENATED:
            out.append({"label": r["label"], "pattern": "-".join(words), "id": r["id"]})
    return out


#: the files whose code decides how a pattern is tokenized and normalised (with spaCy's
#: version and the patterns themselves they key the cache of pattern norms)
_TOKENIZER_SOURCES = ("ingest/lang", "ingest/normalize.py", "ingest/values.py")
_ROOT = Path(__file__).resolve().parent.parent

#: files of pattern norms kept per language (each edit of the patterns or the tokenizer's
#: code makes a new one; checkouts of other versions may share the folder)
KEEP_NORM_FILES = 4


def cache_dir() -> Path | None:
    """Where built data is kept between runs: ``$REGKG_CACHE_DIR`` (empty: nowhere),
    else ``$XDG_CACHE_HOME/regkg``, else ``~/.cache/regkg``."""
    if "REGKG_CACHE_DIR" in os.environ:
        value = os.environ["REGKG_CACHE_DIR"]
        return Path(value).expanduser() if value else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "regkg"


def _tokenizer_digest(nlp: Language, texts: list[str], extra: Iterable[str]) -> str:
    h = hashlib.sha256()
    h.update(f"{spacy.about.__version__}|{nlp.lang}|{type(nlp).__name__}".encode())
    for name in _TOKENIZER_SOURCES:
        path = _ROOT / name
        for f in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if f.is_file() and f.suffix in (".py", ".json", ".jsonl", ".txt"):
                h.update(f.relative_to(_ROOT).as_posix().encode())
                h.update(f.read_bytes())
    for part in (*extra, *texts):
        h.update(part.encode())
        h.update(b"\x00")
    return h.hexdigest()[:24]


def _pattern_norms(nlp: Language, texts: list[str], extra: Iterable[str] = ()) -> list[tuple[str, ...]]:
    """The norms of each pattern's tokens, as ``nlp``'s tokenizer makes them.

    Tokenizing the gazetteer's 24,000 English patterns (and making a lexeme of each new
    word) took 1.4 s of every process that builds the pipeline, so the result is kept
    in :func:`cache_dir`, under a key of spaCy's version, the code that tokenizes and
    normalises (:data:`_TOKENIZER_SOURCES`), ``extra`` (what else the tokenizer was made
    from: the words an Arabic NORM uncovers) and the patterns:
    a change to any of them makes a new file. A file that cannot be read or written is
    passed over (the norms are then made afresh).
    """
    folder = cache_dir()
    path = folder / f"pattern-norms-{nlp.lang}-{_tokenizer_digest(nlp, texts, extra)}.json" if folder else None
    if path is not None:
        try:
            with path.open(encoding="utf-8") as f:
                norms = json.load(f)
            if isinstance(norms, list) and len(norms) == len(texts):
                return [tuple(n) for n in norms]
        except (OSError, ValueError):
            pass
    tokenizer = nlp.tokenizer
    norms = [tuple(t.norm_ for t in tokenizer(text)) for text in texts]
    if path is not None:
        _write_whole(path, json.dumps(norms, ensure_ascii=False))
        _prune(folder, f"pattern-norms-{nlp.lang}-*.json", KEEP_NORM_FILES)
    return norms


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the ``keep`` newest files of ``folder`` matching ``pattern``."""
    try:
        files = sorted(folder.glob(pattern), key=lambda f: f.stat().st_mtime, reverse=True)
        for f in files[keep:]:
            f.unlink()
    except OSError:
        pass


def _write_whole(path: Path, text: str) -> None:
    """``text`` into ``path`` whole or not at all (processes may build at once); a
    folder that cannot be written is passed over."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         prefix=path.name, suffix=".tmp") as f:
            tmp = f.name
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


@contextmanager
def _gc_paused():
    """Python's cyclic garbage collector off for the block.

    Building a pipeline allocates some hundred thousand objects that stay alive (a Doc
    per gazetteer pattern, lexemes, matcher tables) and hardly any garbage; the
    collector's passes over that growing heap were about a fifth of the build time.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def build_pipeline(lang: str) -> Language:
    """A fresh pipeline for ``lang`` ("ar" or "en")."""
    with _gc_paused():
        return _build(lang)


def _build(lang: str) -> Language:
    nlp, known = _blank(lang)
    nlp.add_pipe("kg_sentences")
    ruler = nlp.add_pipe("kg_gazetteer")
    rows = gazetteer_rows(lang)
    ruler.add_norm_phrases(rows, _pattern_norms(nlp, [r["pattern"] for r in rows], sorted(known)))
    if hasattr(nlp.tokenizer, "max_cache_size"):
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    nlp.add_pipe("kg_entities")
    nlp.add_pipe("kg_events")
    return nlp


def _blank(lang: str) -> tuple[Language, set[str]]:
    """The blank pipeline of ``lang`` (tokenizer and NORM), and the words its NORM uncovers."""
    if lang == "ar":
        from ingest.lang.ar import make_arabic
        known = _known_arabic_words()
        return make_arabic(known), known
    if lang == "en":
        from ingest.lang.en import make_english
        return make_english(), set()
    raise ValueError(f"no pipeline for language {lang!r}; supported: {', '.join(SUPPORTED_LANGS)}")


def gazetteer_rows(lang: str) -> list[dict]:
    """The phrase patterns ``kg_gazetteer`` matches in ``lang`` ("label", "pattern", "id").

    English text is matched against the Latin-script names; Arabic text against the
    Arabic ones and the Latin names of bodies ("BIT Mining" stays in Latin script in
    Arabic copy, place names are written in Arabic): a third of the patterns to build.
    """
    pats = [r for r in _patterns() if isinstance(r.get("pattern"), str)
            and (_is_arabic(r["pattern"]) if lang == "ar" else not _is_arabic(r["pattern"]))
            or (lang == "ar" and isinstance(r.get("pattern"), str) and r.get("label") in _ORG_LABELS)]
    rows = [{"label": r["label"], "pattern": r["pattern"], "id": r["id"]} for r in pats]
    if lang == "ar":
        rows += _hyphenated(pats)
    return rows


@lru_cache(maxsize=4)
def get_pipeline(lang: str) -> Language:
    """The cached pipeline of ``lang``."""
    return build_pipeline(lang)


def _article_dict(article) -> dict:
    art = article.to_dict() if hasattr(article, "to_dict") else dict(article)
    if not art.get("lang"):
        art["lang"] = detect(art.get("text") or "")
    return art


def extract(article) -> dict:
    """The extraction record of one article (an ``ingest.readers.Article`` or a dict)."""
    art = _article_dict(article)
    lang = art["lang"] if art["lang"] in SUPPORTED_LANGS else "en"
    nlp = get_pipeline(lang)
    text = art.get("text") or ""
    doc = nlp.make_doc(text)
    doc.user_data["kg_text"] = text  # the tokenizer keeps every character: doc.text is the text
    doc._.published = art.get("published")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    try:
        return doc_to_record(doc, art)
    finally:
        _release(doc)


def _release(doc) -> None:
    """Break the reference cycles of a finished Doc, so it is freed at once.

    The components' caches in ``doc.user_data`` and the span groups hold Spans, and
    every Span holds its Doc: left as they are, each article's Doc waits for the
    cyclic collector's rare full pass, and a long ingest grew by about 10 MB per
    1,000 articles until that pass came.
    """
    doc.user_data.clear()
    doc.spans.clear()


def extract_many(articles, *, n_process: int = 1):
    """Records of many articles, in order (``n_process`` is reserved for worker pools)."""
    for a in articles:
        yield extract(a)
