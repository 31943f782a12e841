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
import json
import re
from contextlib import contextmanager
from functools import lru_cache

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
    if lang == "ar":
        from ingest.lang.ar import make_arabic
        nlp = make_arabic(_known_arabic_words())
    elif lang == "en":
        from ingest.lang.en import make_english
        nlp = make_english()
    else:
        raise ValueError(f"no pipeline for language {lang!r}; supported: {', '.join(SUPPORTED_LANGS)}")
    nlp.add_pipe("kg_sentences")
    ruler = nlp.add_pipe("kg_gazetteer")
    # English text is matched against the Latin-script names; Arabic text against the
    # Arabic ones and the Latin names of bodies ("BIT Mining" stays in Latin script in
    # Arabic copy, place names are written in Arabic): a third of the patterns to build
    pats = [r for r in _patterns() if isinstance(r.get("pattern"), str)
            and (_is_arabic(r["pattern"]) if lang == "ar" else not _is_arabic(r["pattern"]))
            or (lang == "ar" and isinstance(r.get("pattern"), str) and r.get("label") in _ORG_LABELS)]
    rows = [{"label": r["label"], "pattern": r["pattern"], "id": r["id"]} for r in pats]
    if lang == "ar":
        rows += _hyphenated(pats)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(rows)
    if hasattr(nlp.tokenizer, "max_cache_size"):
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    nlp.add_pipe("kg_entities")
    nlp.add_pipe("kg_events")
    return nlp


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
