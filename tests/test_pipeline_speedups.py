"""Shortcuts taken for speed give what the plain spaCy way gives."""
import json
import random
import re

from spacy.attrs import IDX, NORM, ORTH, SPACY
from spacy.lang.ar import ArabicDefaults
from spacy.lang.en import EnglishDefaults
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from ingest.components.sentences import KGSentencizer, Sentence, sentences
from ingest.pipeline import get_pipeline
from ingest.scan import _longest_space_run

_TRICKY = ["CHENGDU — China's miners", "a—b (—) —, \"—\" x\u2014y", "line\nnext\n\nthird \n fourth",
           "tab\there \t", "don't 'quoted' ' ''", "Jan. 5 — U.S. miners — moved", ":) (—:", "،—؛",
           "الصين — قالت \"الحكومة\"\nوقررت", "١٢ — ٣", "x\u00a0y \u00a0 z", "’s ’ ‘a’"]


def _tokens(tok, text):
    return tok(text).to_array([ORTH, NORM, SPACY, IDX]).tolist()


def test_tokenizer_without_one_character_specials_tokenizes_the_same():
    rnd = random.Random(3)
    alphabet = list("ab.,;:()'\"—-–\n\t \u00a0") + ["Jan.", "don't", "الصين", "و"]
    texts = _TRICKY + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    for lang, full in (("ar", ArabicDefaults.tokenizer_exceptions), ("en", EnglishDefaults.tokenizer_exceptions)):
        ours = get_pipeline(lang).tokenizer
        plain = Tokenizer(ours.vocab, rules=full, prefix_search=ours.prefix_search,
                          suffix_search=ours.suffix_search, infix_finditer=ours.infix_finditer,
                          token_match=ours.token_match, url_match=ours.url_match)
        assert "\u2014" not in ours.rules and "\u2014" in plain.rules
        for _ in range(2):  # the second time from the tokenizers' caches
            for text in texts:
                assert _tokens(ours, text) == _tokens(plain, text), (lang, text)


def test_sentence_table_is_doc_sents():
    rnd = random.Random(5)
    alphabet = [".", "!", "?", "؟", "…", "\n", "\n\n", '"', "”", "»", ")", "-", "–", "—", "w", "x", "  "]
    vocab = get_pipeline("en").vocab
    docs = []
    for _ in range(2000):
        words = [rnd.choice(alphabet) for _ in range(rnd.randint(1, 20))]
        docs.append(Doc(vocab, words=words, spaces=[rnd.random() < 0.3 for _ in words]))
    docs += [get_pipeline(lang).make_doc(t) for t in _TRICKY for lang in ("ar", "en")]
    for doc in docs:
        KGSentencizer()(doc)
        assert sentences(doc) == [Sentence(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]


def test_longest_space_run():
    for text in ["", "a", " ", "a b", "a  b\n\n\n c", "\t", "x \u00a0 y", "a\n", "  \n  a"]:
        runs = [len(r) for r in re.findall(r"\s+", text)]
        assert _longest_space_run(text) == max(runs, default=0), text


def test_scanner_finds_what_its_pattern_finds():
    """The literal pre-tests of ingest.scan never lose or move a match: every Scanner
    the pipeline uses (triggers, dates, capacities, names), on the samples and
    generated articles, raw and folded."""
    import gc
    from pathlib import Path

    from bench.corpus import generate
    from ingest.normalize import fold_with_map
    from ingest.pipeline import extract
    from ingest.scan import Scanner

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "samples").rglob("*.txt"))]
    texts += [a["text"] for a in generate(40, seed=5)] + _TRICKY
    for t in texts:  # every scanner the pipeline builds on the way is then in memory
        extract({"id": "x", "text": t, "published": "2021-06-22"})
    texts += [fold_with_map(t)[0] for t in texts]
    scanners = [o for o in gc.get_objects() if isinstance(o, Scanner)]
    assert len(scanners) > 50
    for s in scanners:
        for t in texts:
            want = [(m.span(), m.groups()) for m in s.rx.finditer(t)]
            assert [(m.span(), m.groups()) for m in s.finditer(t)] == want, (s.rx.pattern, t[:60])
            first = s.search(t)
            assert (first.span() if first else None) == (want[0][0] if want else None)


def test_the_tokenizer_keeps_caching_words_after_the_gazetteer_filled_its_default_cache():
    # spaCy's tokenizer caches at most max_cache_size chunks; the gazetteer's patterns alone
    # passed the default 10,000 (tokenized while the pipeline is built), and then no word of
    # an article was cached any more
    from ingest.pipeline import TOKENIZER_CACHE, get_pipeline
    for lang in ("en", "ar"):
        assert get_pipeline(lang).tokenizer.max_cache_size == TOKENIZER_CACHE >= 100_000


def _stock_ruler(lang):
    """A pipeline of ``lang`` whose gazetteer is added the EntityRuler's way (a Doc per name)."""
    from ingest.pipeline import _blank, gazetteer_rows

    nlp, _ = _blank(lang)
    nlp.add_pipe("kg_sentences")
    ruler = nlp.add_pipe("kg_gazetteer")
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_rows(lang))
    return nlp, ruler


def test_norm_phrases_match_what_the_entity_ruler_matches():
    from pathlib import Path

    texts = {"en": [], "ar": []}
    for path in sorted(Path(__file__).resolve().parent.parent.glob("samples/*/*.txt")):
        lang = "ar" if re.search("[\u0600-\u06ff]", path.read_text(encoding="utf-8")) else "en"
        texts[lang].append(path.read_text(encoding="utf-8"))
    texts["en"] += ["Miners left Georgia for Tbilisi, Georgia and Washington County, Georgia; "
                    "then Texas, the U.S. and New York City, New York.", "", "Georgia"]
    texts["ar"] += ["نقلت بت ماينينغ آلاتها من منغوليا الداخلية إلى نور-سلطان وكازاخستان", "", "الصين"]
    assert texts["en"][:-3] and texts["ar"][:-3]
    for lang in ("en", "ar"):
        ours = get_pipeline(lang)
        nlp, stock = _stock_ruler(lang)
        assert ours.get_pipe("kg_gazetteer")._norm_phrases and not ours.get_pipe("kg_gazetteer").phrase_patterns
        found = 0
        for text in texts[lang]:
            a, b = ours.make_doc(text), nlp.make_doc(text)
            assert [t.norm_ for t in a] == [t.norm_ for t in b]
            matches = ours.get_pipe("kg_gazetteer").match(a)
            assert matches == stock.match(b), (lang, text[:60])
            found += len(matches)
        assert found > 20, lang


def test_pattern_norms_are_kept_and_a_bad_cache_is_passed_over(tmp_path, monkeypatch):
    from ingest.pipeline import _pattern_norms, cache_dir

    nlp = get_pipeline("en")
    texts = ["Inner Mongolia", "U.S.", "People's Bank of China", "Washington, D.C."]
    right = [tuple(t.norm_ for t in nlp.tokenizer(text)) for text in texts]
    monkeypatch.setenv("REGKG_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    assert _pattern_norms(nlp, texts) == right
    [kept] = (tmp_path / "cache").glob("pattern-norms-en-*.json")
    assert [tuple(n) for n in json.loads(kept.read_text(encoding="utf-8"))] == right
    kept.write_text(json.dumps([["x"]] * len(texts)), encoding="utf-8")
    assert _pattern_norms(nlp, texts) == [("x",)] * len(texts)  # read back, not made again
    assert _pattern_norms(nlp, texts[:3]) == right[:3]  # other patterns: another file
    assert _pattern_norms(nlp, texts, ["known"]) == right  # other words NORM knows: another file
    assert len(list((tmp_path / "cache").glob("pattern-norms-en-*.json"))) == 3
    kept.write_text('[["cut sh', encoding="utf-8")
    assert _pattern_norms(nlp, texts) == right  # a broken file is made again
    assert [tuple(n) for n in json.loads(kept.read_text(encoding="utf-8"))] == right
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("REGKG_CACHE_DIR", str(tmp_path / "file" / "cache"))
    assert _pattern_norms(nlp, texts) == right  # nowhere to keep them: made, not kept
    monkeypatch.setenv("REGKG_CACHE_DIR", "")
    assert cache_dir() is None and _pattern_norms(nlp, texts) == right
    assert not list(tmp_path.glob("**/*.tmp"))


def test_old_pattern_norm_files_are_pruned(tmp_path, monkeypatch):
    from ingest.pipeline import KEEP_NORM_FILES, _pattern_norms

    nlp = get_pipeline("en")
    monkeypatch.setenv("REGKG_CACHE_DIR", str(tmp_path))
    for i in range(KEEP_NORM_FILES + 3):
        assert _pattern_norms(nlp, ["Inner Mongolia", f"Town {i}"]) == [("inner", "mongolia"), ("town", str(i))]
    assert len(list(tmp_path.glob("pattern-norms-en-*.json"))) == KEEP_NORM_FILES
