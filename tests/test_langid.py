"""Tests for ingest.langid.detect on snippets written for these tests."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest.langid import SAMPLE_CHARS, STOP_WORDS, detect

SEED = Path(__file__).resolve().parents[1] / "samples" / "ar" / "afp-2021-06-china-miners.txt"


@pytest.mark.parametrize("text, lang", [
    ("أمرت السلطات في مقاطعة سيشوان بوقف أنشطة تعدين العملات الرقمية هذا الشهر.", "ar"),
    ("قالت شركة BIT Mining إنها ستنقل 320 آلة إلى Texas بعد القرار.", "ar"),
    ("The provincial government told crypto miners to shut down their farms, and several "
     "companies said they were moving machines to Kazakhstan.", "en"),
    ("Les autorités de la province ont ordonné la fermeture des fermes de minage, selon un "
     "responsable local, et les entreprises cherchent un nouveau site.", "fr"),
    ("Las autoridades de la provincia ordenaron el cierre de las granjas de minería, según "
     "un funcionario, y las empresas buscan nuevos sitios.", "es"),
    ("Die Behörden der Provinz haben die Schließung der Mining-Farmen angeordnet, und die "
     "Firmen suchen nach einem neuen Standort.", "de"),
    ("دولت چین استخراج رمزارز را در این استان ممنوع کرد و شرکت‌ها دستگاه‌های خود را به "
     "کشورهای دیگر می‌برند.", "fa"),
    ("چین کی حکومت نے اس صوبے میں کرپٹو مائننگ پر پابندی لگا دی ہے اور کمپنیاں اپنی مشینیں "
     "دوسرے ملکوں میں لے جا رہی ہیں۔", "ur"),
    ("Власти провинции запретили майнинг криптовалют.", "ru"),
    ("四川省要求加密货币矿场停止运营。", "zh"),
    ("四川省は暗号資産のマイニングを停止するよう求めた。", "ja"),
])
def test_detect_languages(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("text", [
    "", "   ", "12345 67.8 %", "OK", "Sichuan Xinjiang Qinghai Kazakhstan Bitmain",
    "Lorem ipsum dolor sit amet consectetur adipiscing",
])
def test_detect_undetermined(text):
    assert detect(text) == "und"


def test_seed_article_is_arabic():
    assert detect(SEED.read_text(encoding="utf-8")) == "ar"


def test_only_the_start_is_read():
    english = "The miners said that the ban was a shock to the industry. " * 40
    assert len(english) > SAMPLE_CHARS
    assert detect(english + "قالت السلطات " * 5000) == "en"


def test_shared_stop_words_do_not_vote():
    for lang, words in STOP_WORDS.items():
        for other, other_words in STOP_WORDS.items():
            if other != lang:
                assert not words & other_words, (lang, other, words & other_words)
    assert "que" not in STOP_WORDS["fr"] and "que" not in STOP_WORDS["es"]


def test_fast_on_long_texts():
    text = "وقال المسؤول إن السلطات أمرت بوقف التعدين. " * 50_000
    start = time.perf_counter()
    for _ in range(200):
        detect(text)
    assert time.perf_counter() - start < 2.0
