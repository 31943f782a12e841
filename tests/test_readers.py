"""Tests for ingest.readers: every format, the sidecar, stdin, encodings and bad inputs."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from ingest.readers import (
    MAX_CHARS, Article, content_hash, decode_bytes, extract_html, parse_published,
    read_path, read_paths, read_stream,
)
from kg.errors import InputError

FIX = Path(__file__).parent / "fixtures" / "readers"
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "ar" / "afp-2021-06-china-miners.txt"

AR_TEXT = ("أمرت السلطات في مقاطعة سيشوان بوقف أنشطة تعدين العملات الرقمية\n\n"
           "وقال أحد أصحاب المزارع إن شركته نقلت آلاتها إلى كازاخستان بعد القرار.\n")
FR_TEXT = ("Les mineurs quittent la Chine\n\nÀ Pékin, les autorités ont décidé "
           "d'arrêter l'activité; les entreprises déménagent leurs machines à l'étranger.\n")


def read(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def articles(items):
    return [x for x in items if isinstance(x, Article)]


def errors(items):
    return [x for x in items if isinstance(x, InputError)]


def one_error(items) -> InputError:
    errs = errors(items)
    assert len(errs) == 1 and not articles(items), items
    return errs[0]


# --------------------------------------------------------------------------- plain text

def test_seed_article_with_sidecar():
    (art,) = read(SEED)
    raw = SEED.read_text(encoding="utf-8")
    assert art.text == raw  # the whole file: offsets are file offsets
    assert art.title == raw.split("\n", 1)[0].strip()
    assert art.published == "2021-06-22"
    assert art.url is None
    assert art.publisher == "AFP"
    assert art.source == str(SEED)
    assert art.lang is None
    assert art.id == "afp-2021-06-china-miners"  # from the sidecar
    assert len(art.content_hash) == 64


def test_to_dict_keys_and_values():
    (art,) = read(FIX / "note.txt")
    d = art.to_dict()
    assert list(d) == ["id", "lang", "published", "title", "source", "url", "content_hash", "text"]
    assert d["id"] == "note-1" and d["published"] == "2021-03" and d["lang"] == "en"
    assert d["url"] == "https://example.org/note"
    assert d["title"] == "Wind farms in Inner Mongolia"
    assert json.loads(json.dumps(d)) == d


def test_text_title_is_first_non_empty_line(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("\n\n  Heading here  \nBody line.\n", encoding="utf-8")
    (art,) = read(p)
    assert art.title == "Heading here"
    assert art.text == "\n\n  Heading here  \nBody line.\n"
    assert art.published is None


def test_sidecar_title_and_id_win(tmp_path):
    (tmp_path / "x.txt").write_text("First line\nbody", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text(json.dumps({"title": "Real title", "id": 42}),
                                          encoding="utf-8")
    (art,) = read(tmp_path / "x.txt", published="2020-01-02")
    assert art.title == "Real title" and art.id == "42"
    assert art.published == "2020-01-02"  # the --published fallback


def test_bad_sidecar_is_an_error_naming_it(tmp_path):
    (tmp_path / "x.txt").write_text("Title\nbody", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text('{"published": "2021-13-01"}', encoding="utf-8")
    err = one_error(read(tmp_path / "x.txt"))
    assert err.source.endswith("x.meta.json") and "not a real date" in str(err)
    (tmp_path / "x.meta.json").write_text("{not json", encoding="utf-8")
    err = one_error(read(tmp_path / "x.txt"))
    assert "x.meta.json" in str(err) and "JSON" in str(err)


def test_id_is_hash_of_normalised_text(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nقالت  السلطات إن", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\nقالت السلطات ان\n", encoding="utf-8")
    a, b = articles(read(tmp_path))
    assert a.id == b.id and a.content_hash == b.content_hash == content_hash("Title قالت السلطات إن")
    assert a.text != b.text


def test_cli_published_default_and_validation(tmp_path):
    (tmp_path / "a.txt").write_text("T\nbody", encoding="utf-8")
    (art,) = read(tmp_path / "a.txt", published="22 June 2021")
    assert art.published == "2021-06-22"
    with pytest.raises(InputError, match="--published"):
        read_paths([str(tmp_path)], published="2021-02-30")


# --------------------------------------------------------------------------- HTML

def test_html_extraction():
    (art,) = read(FIX / "article.html")
    assert art.title == "Miners pack up as Sichuan halts hydro deals"
    assert art.published == "2021-06-20"  # article:published_time beats <time>
    assert art.url == "https://news.example.org/2021/06/sichuan-miners"  # canonical beats og:url
    assert art.lang == "en"
    text = art.text
    assert text.startswith("Miners pack up as Sichuan halts hydro deals\n\n")
    assert text.count("Miners pack up as Sichuan") == 1  # the h1 is not repeated
    assert "4,000 machines to Kazakhstan\nand planned" in text  # <br> is a line break
    assert "\n\nThe order follows similar steps" in text
    for junk in ("tracking", "color: red", "Markets", "cookies", "Share", "Read more",
                 "sidebar story", "newsletter", "Copyright", "something else entirely",
                 "Example News"):
        assert junk not in text, junk


def test_html_fallbacks_title_tag_h1_and_meta_date(tmp_path):
    p = tmp_path / "page.htm"
    p.write_text("<html><head><meta name='date' content='2021-06'></head><body>"
                 "<h1>Heading only</h1><div>Loose text in a div, long enough to be a block."
                 "</div></body></html>", encoding="utf-8")
    (art,) = read(p)
    assert art.title == "Heading only" and art.published == "2021-06"
    assert art.text == "Heading only\n\nLoose text in a div, long enough to be a block."
    ext = extract_html('<script type="application/ld+json">{"datePublished": "2021-05-21T10:00:00Z"}'
                       "</script><title>T</title><p>Body</p>")
    assert ext.published == "2021-05-21" and ext.title == "T"


def test_html_sniffed_from_unknown_extension(tmp_path):
    p = tmp_path / "saved.page"
    p.write_text("<!doctype html><html><head><title>Sniffed</title></head>"
                 "<body><p>It was HTML after all.</p></body></html>", encoding="utf-8")
    (art,) = read(p)
    assert art.text == "Sniffed\n\nIt was HTML after all."


def test_html_without_body_text_is_an_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    err = one_error(read(p))
    assert "empty.html" in str(err) and "no article text" in str(err)


def test_html_sidecar(tmp_path):
    (tmp_path / "p.html").write_text("<title>T</title><p>Body text.</p>", encoding="utf-8")
    (tmp_path / "p.meta.json").write_text('{"published": "2019-12-31", "lang": "ar"}', encoding="utf-8")
    (art,) = read(tmp_path / "p.html")
    assert art.published == "2019-12-31" and art.lang == "ar"


# --------------------------------------------------------------------------- JSON Lines

def test_jsonl_good_and_bad_lines():
    path = str(FIX / "articles.jsonl")
    items = read(path, published="2020-01-01")
    got = {(x.source if isinstance(x, Article) else f"{x.source}:{x.line}"): x for x in items}
    assert list(got) == [f"{path}:{n}" for n in (1, 3, 4, 5, 6, 7, 8, 9)]  # line 2 is blank
    a1 = got[f"{path}:1"]
    assert (a1.id, a1.title, a1.published, a1.url, a1.lang) == (
        "en-1", "Mining ban in Xinjiang", "2021-06-09", "https://example.org/en-1", "en")
    assert a1.text.startswith("Mining ban in Xinjiang\nA prefecture")
    a2 = got[f"{path}:3"]
    assert a2.text == "Miners moved to Kazakhstan after the ban." and a2.published == "2021-06-22"
    assert a2.title == a2.text  # no title: the first line
    a8 = got[f"{path}:8"]
    assert a8.id.startswith("sha256:") and a8.url == "https://example.org/x"
    assert a8.published == "2020-01-01"
    messages = {n: str(got[f"{path}:{n}"]) for n in (4, 5, 6, 7, 9)}
    for n, msg in messages.items():
        assert msg.startswith(f"{path}:{n}: "), msg
    assert "not valid JSON" in messages[4]
    assert "JSON object" in messages[5]
    assert '"text"' in messages[6]
    assert "not a real date" in messages[7]
    assert "cut off" in messages[9]


def test_jsonl_duplicate_ids_are_all_yielded(tmp_path):
    p = tmp_path / "d.ndjson"
    rows = [{"id": "x", "text": "one"}, {"id": "x", "text": "two"}, {"id": "x", "text": "one"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    arts = articles(read(p))
    assert [a.text for a in arts] == ["one", "two", "one"] and {a.id for a in arts} == {"x"}


def test_jsonl_is_streamed(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for i in range(3000):
            f.write(json.dumps({"id": f"a{i}", "text": "word " * 20}) + "\n")
    gen = read_paths([str(p)])
    assert next(gen).id == "a0"
    # A reader that loaded the whole file up front would never see this line.
    with open(p, "a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "late", "text": "appended"}) + "\n")
    rest = list(gen)
    assert len(rest) == 3000 and rest[-1].id == "late"


def test_jsonl_memory_stays_small(tmp_path):
    import tracemalloc
    p = tmp_path / "big.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for i in range(1500):
            f.write(json.dumps({"id": f"a{i}", "text": "كلمة " * 400}, ensure_ascii=False) + "\n")
    assert p.stat().st_size > 5_000_000
    tracemalloc.start()
    try:
        n = sum(1 for _ in read_paths([str(p)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert n == 1500 and peak < 1_500_000, peak


def test_jsonl_invalid_utf8_line_and_empty_text(tmp_path):
    p = tmp_path / "e.jsonl"
    p.write_bytes(b'{"text": "ok"}\n{"text": "\xff\xfe bad"}\n{"text": "   "}\n')
    items = read(p)
    assert len(articles(items)) == 1
    e2, e3 = errors(items)
    assert (e2.line, e3.line) == (2, 3)
    assert "UTF-8" in str(e2) and "empty" in str(e3)


def test_jsonl_too_long_article(tmp_path):
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"id": "big", "text": "a" * (MAX_CHARS + 1)}) + "\n"
                 + json.dumps({"id": "small", "text": "ok"}) + "\n", encoding="utf-8")
    items = read(p)
    assert [a.id for a in articles(items)] == ["small"]
    (err,) = errors(items)
    assert err.line == 1 and "split" in str(err)


def test_json_document_list(tmp_path):
    p = tmp_path / "list.json"
    p.write_text(json.dumps([{"id": "a", "text": "A text"}, {"title": "no text"}]), encoding="utf-8")
    items = read(p)
    assert [a.id for a in articles(items)] == ["a"]
    assert "#item2" in str(errors(items)[0])


# --------------------------------------------------------------------------- feeds

def test_rss_feed():
    path = str(FIX / "feed.rss")
    items = read(path)
    a1, a2 = articles(items)
    assert a1.source == f"{path}#entry1" and a1.id == "energy-2021-0610"
    assert a1.published == "2021-06-10" and a1.url == "https://energy.example.org/qinghai-close"
    assert a1.lang == "en"
    assert a1.text == ("Qinghai orders mining farms to close\n\nThe provincial energy bureau in "
                       "Qinghai told operators to shut down their mining farms within a week.\n\n"
                       "Several firms said they would move machines abroad.")
    assert a2.id.startswith("sha256:") and a2.published == "2021-07-05"
    (err,) = errors(items)
    assert str(err).startswith(f"{path}#entry3: ") and "no content" in str(err)


def test_atom_feed_and_sniffed_feed(tmp_path):
    (art,) = read(FIX / "feed.atom")
    assert art.id == "urn:example:entry:1" and art.lang == "fr" and art.published == "2021-06-23"
    assert art.text.startswith("Les mineurs quittent le Xinjiang\n\nLes autorités")
    p = tmp_path / "feed.download"
    p.write_bytes((FIX / "feed.atom").read_bytes())
    (sniffed,) = read(p)
    assert sniffed.text == art.text


def test_broken_feed(tmp_path):
    p = tmp_path / "bad.xml"
    p.write_text("<rss><channel><title>nothing", encoding="utf-8")
    err = one_error(read(p))
    assert "bad.xml" in str(err) and "feed" in str(err)


# --------------------------------------------------------------------------- folders, stdin

def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z\nz", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\na", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"id": "A1"}', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("H\nh", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("C\nc", encoding="utf-8")
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    items = read(tmp_path)
    assert [a.title for a in articles(items)] == ["A", "Z"]
    assert articles(items)[0].id == "A1"
    (err,) = errors(items)
    assert err.source.endswith("pic.png") and "not a text file" in str(err)
    empty = tmp_path / "b" / "empty_dir"
    empty.mkdir()
    assert "no files" in str(one_error(read(empty)))


def test_stdin_text_bytes_and_str():
    (art,) = read("-", stdin=io.BytesIO(AR_TEXT.encode("utf-8")))
    assert art.source == "-" and art.text == AR_TEXT
    (art2,) = read("-", stdin=io.StringIO(AR_TEXT))
    assert art2.text == AR_TEXT and art2.id == art.id


def test_stdin_jsonl_and_html():
    data = '{"id": "s1", "text": "one"}\n{"id": "s2"}\n{"id": "s3", "text": "three"}\n'
    items = read("-", stdin=io.BytesIO(data.encode("utf-8")))
    assert [a.source for a in articles(items)] == ["-:1", "-:3"]
    assert str(errors(items)[0]).startswith("-:2: ")
    html = "<html><head><title>From stdin</title></head><body><p>Piped page.</p></body></html>"
    (art,) = read("-", stdin=io.StringIO(html))
    assert art.text == "From stdin\n\nPiped page." and art.source == "-"


def test_stdin_read_once_and_empty():
    stream = io.BytesIO(b"Title\nbody")
    assert len(read("-", "-", stdin=stream)) == 1
    assert "empty" in str(one_error(read("-", stdin=io.BytesIO(b""))))
    assert "empty" in str(one_error(list(read_stream(io.BytesIO(b"  \n\t ")))))


# --------------------------------------------------------------------------- encodings

def test_utf8_bom_utf16_and_cp1256(tmp_path):
    for name, data in [("bom.txt", b"\xef\xbb\xbf" + AR_TEXT.encode("utf-8")),
                       ("u16.txt", AR_TEXT.encode("utf-16")),
                       ("u16be.txt", b"\xfe\xff" + AR_TEXT.encode("utf-16-be")),
                       ("win.txt", AR_TEXT.encode("cp1256"))]:
        (tmp_path / name).write_bytes(data)
    arts = articles(read(tmp_path))
    assert len(arts) == 4
    assert all(a.text == AR_TEXT for a in arts), [a.text[:30] for a in arts]
    assert len({a.id for a in arts}) == 1


def test_cp1252_french(tmp_path):
    p = tmp_path / "fr.txt"
    p.write_bytes(FR_TEXT.encode("cp1252"))
    (art,) = read(p)
    assert art.text == FR_TEXT


def test_crlf_and_nul_are_cleaned(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Title\r\nThe bureau\x00 said so.\r\n")
    (art,) = read(p)
    assert art.text == "Title\nThe bureau  said so.\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b" \n\t\r\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not a text file"),
    (b"PK\x03\x04" + bytes(range(256)), "not a text file"),
    (bytes(range(32)) * 20, "not a text file"),
    (bytes(b ^ 0x55 for b in range(128, 256)) * 3 + b"\xff\xfe\xfd", "unknown encoding; re-save it as UTF-8"),
    ("Title\nقالت السلطات".encode("utf-8") + b"\xff\xc3 more text", "unknown encoding"),
    (b"hello world \xff this is fine text", "unknown encoding"),
])
def test_bad_bytes(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    err = one_error(read(p))
    assert reason in str(err) and str(err).startswith(str(p) + ": ")
    assert err.source == str(p)


def test_missing_file_and_too_long_text(tmp_path):
    missing = tmp_path / "nope.txt"
    err = one_error(read(missing))
    assert "no such file" in str(err) and "nope.txt" in str(err)
    err = one_error(read(tmp_path / "nope.jsonl"))
    assert "no such file" in str(err)
    big = tmp_path / "big.txt"
    big.write_text("T\n" + "x" * MAX_CHARS, encoding="utf-8")
    err = one_error(read(big))
    assert "split" in str(err) and "big.txt" in str(err)


def test_batch_continues_after_errors(tmp_path):
    (tmp_path / "ok.txt").write_text("Good\nbody", encoding="utf-8")
    items = read(tmp_path / "missing.txt", tmp_path / "ok.txt")
    assert isinstance(items[0], InputError) and items[1].title == "Good"


def test_decode_bytes_direct():
    assert decode_bytes("نص".encode("cp1256") * 30, "x") == "نص" * 30
    with pytest.raises(InputError, match="not a text file"):
        decode_bytes(b"\x00\x01\x02\x03" * 50, "x")


# --------------------------------------------------------------------------- dates

@pytest.mark.parametrize("value, expected", [
    ("2021-06-22", "2021-06-22"), ("2021-06", "2021-06"), ("2021", "2021"),
    ("2021/6/2", "2021-06-02"), ("2021-06-22T23:59:59-05:00", "2021-06-22"),
    ("2021-06-22T08:00:00.000Z", "2021-06-22"), ("2021-06-22 08:00", "2021-06-22"),
    ("Tue, 22 Jun 2021 08:30:00 GMT", "2021-06-22"), ("22 Jun 2021 08:30:00 +0000", "2021-06-22"),
    ("June 22, 2021", "2021-06-22"), ("Tuesday, June 22nd, 2021", "2021-06-22"),
    ("22 June 2021", "2021-06-22"), ("Sept. 3, 2021", "2021-09-03"), ("June 2021", "2021-06"),
    ("22 يونيو 2021", "2021-06-22"), ("٢٢ حزيران ٢٠٢١", "2021-06-22"),
    ("3 كانون الثاني 2022", "2022-01-03"), (None, None), ("  ", None), (2021, "2021"),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value, message", [
    ("2021-02-31", "not a real date"), ("2021-13", "not a real date"),
    ("1899-01-01", "does not look like a publication date"),
    ("3021", "does not look like a publication date"),
    ("yesterday", "use YYYY-MM-DD"), ("2021-06-22Tnoon", "unreadable time"),
    ("31 February 2021", "not a real date"),
])
def test_parse_published_rejects(value, message):
    with pytest.raises(ValueError, match=message):
        parse_published(value)


def test_read_path_direct_on_fixture():
    items = list(read_path(str(FIX / "note.txt")))
    assert items[0].publisher == "Example Wire"
    assert os.path.basename(items[0].source) == "note.txt"


def test_html_declared_charset_and_utf16_jsonl_and_stdin(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
            "<title>عنوان</title></head><body><p>" + AR_TEXT + "</p></body></html>")
    (tmp_path / "ar.html").write_bytes(page.encode("cp1256"))
    (art,) = read(tmp_path / "ar.html")
    assert art.title == "عنوان" and "سيشوان" in art.text
    line = json.dumps({"id": "u16", "text": AR_TEXT}, ensure_ascii=False) + "\n"
    (tmp_path / "u16.jsonl").write_bytes((line * 2).encode("utf-16"))
    arts = articles(read(tmp_path / "u16.jsonl"))
    assert [a.source for a in arts] == [f"{tmp_path / 'u16.jsonl'}:1", f"{tmp_path / 'u16.jsonl'}:2"]
    assert arts[0].text == AR_TEXT
    (piped,) = read("-", stdin=io.BytesIO(AR_TEXT.encode("utf-16")))
    assert piped.text == AR_TEXT and piped.source == "-"
    (piped,) = read("-", stdin=io.BytesIO(AR_TEXT.encode("cp1256")))
    assert piped.text == AR_TEXT
