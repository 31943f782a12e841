"""A small, fast language identifier for news articles.

:func:`detect` looks at the first :data:`SAMPLE_CHARS` characters only and
decides in two steps:

1. **Script.** Letters are counted per writing system. Arabic script gives
   ``"ar"``, unless letters that Persian or Urdu use and Arabic does not
   (``پ چ ژ گ ک ی``, Urdu ``ٹ ڈ ڑ ں ے``) outnumber the letters only Arabic
   uses (``ي ك ة ى``), which gives ``"fa"`` or ``"ur"``. Other scripts map to
   the language that dominates them (Cyrillic ``"ru"``/``"uk"``, Han
   ``"zh"``, kana ``"ja"``, Hangul ``"ko"``, Greek ``"el"``, Hebrew ``"he"``,
   Devanagari ``"hi"``, Thai ``"th"``).
2. **Stop words** for Latin script: short hand-written lists for English,
   French, Spanish and German vote; words that appear in more than one list
   do not vote. A clear winner is returned, otherwise ``"und"``.

It is meant to route an article to the right pipeline, not to tell close
languages apart.

Examples
--------
>>> detect("قالت السلطات في الصين إنها ستوقف أنشطة التعدين.")
'ar'
>>> detect("The authorities said that the miners would have to leave the province.")
'en'
>>> detect("Les autorités ont ordonné la fermeture des mines dans la province.")
'fr'
>>> detect("12345")
'und'
"""
from __future__ import annotations

import re
from collections import Counter

__all__ = ["detect", "SAMPLE_CHARS", "STOP_WORDS", "UNDETERMINED"]

#: How many characters from the start of a text :func:`detect` looks at.
SAMPLE_CHARS = 2000
#: The code returned when the language cannot be decided.
UNDETERMINED = "und"

# (first code point, last code point, script name)
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "latin"), (0x0061, 0x007A, "latin"), (0x00C0, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x04FF, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0E00, 0x0E7F, "thai"),
    (0x3040, 0x30FF, "kana"),
    (0x4E00, 0x9FFF, "han"), (0x3400, 0x4DBF, "han"),
    (0xAC00, 0xD7AF, "hangul"), (0x1100, 0x11FF, "hangul"),
)
_SCRIPT_LANG = {"greek": "el", "hebrew": "he", "devanagari": "hi", "thai": "th",
                "hangul": "ko", "han": "zh"}

_ARABIC_ONLY = set("يكةى")          # U+064A U+0643 U+0629 U+0649
_PERSIAN = set("پچژگکی")            # U+067E U+0686 U+0698 U+06AF U+06A9 U+06CC
_URDU = set("ٹڈڑںے")                # U+0679 U+0688 U+0691 U+06BA U+06D2
_UKRAINIAN = set("іїєґІЇЄҐ")

_STOP_LISTS: dict[str, str] = {
    "en": """the and of to in is was that for on with as by it at from are were this be
             has have had said which its their not but or an will after also been they who
             more than would there about into over such these those what when where while""",
    "fr": """le la les des du et est une un dans pour que qui sur au aux avec par pas plus
             ce cette ont sont été il elle ils selon mais ou leur après son ses nous vous
             être fait comme dont entre depuis déjà très où""",
    "es": """el los las del y es una por con para que se su sus al como más pero fue ha
             han según sobre este esta lo entre desde muy también hasta donde cuando
             porque sin hay ya otros""",
    "de": """der die das und ist nicht ein eine den dem des mit von zu auf für im sich auch
             es als wurde wird nach bei aus sind hat haben dass werden oder aber noch
             nur wie kann einen einem über""",
}


def _build_stop_words() -> dict[str, frozenset[str]]:
    lists = {lang: set(words.split()) for lang, words in _STOP_LISTS.items()}
    shared = {w for lang, ws in lists.items() for w in ws
              if any(w in other for o, other in lists.items() if o != lang)}
    return {lang: frozenset(ws - shared) for lang, ws in lists.items()}


#: Language code -> the stop words that vote for it (words shared by two lists removed).
STOP_WORDS: dict[str, frozenset[str]] = _build_stop_words()
_WORD = re.compile(r"[a-zà-öø-ÿœæß]+")


def _script(ch: str) -> str | None:
    cp = ord(ch)
    for lo, hi, name in _SCRIPT_RANGES:
        if lo <= cp <= hi:
            return name
    return None


def _arabic_script_lang(chars: Counter) -> str:
    """Arabic, Persian or Urdu, from the counts of the sample's characters."""
    arabic = sum(chars[ch] for ch in _ARABIC_ONLY)
    urdu = sum(chars[ch] for ch in _URDU)
    persian = sum(chars[ch] for ch in _PERSIAN)
    if urdu + persian > arabic:
        return "ur" if urdu >= 2 and urdu * 4 >= persian else "fa"
    return "ar"


def _latin_lang(sample: str) -> str:
    votes = dict.fromkeys(STOP_WORDS, 0)
    for word in _WORD.findall(sample.lower()):
        for lang, words in STOP_WORDS.items():
            if word in words:
                votes[lang] += 1
    ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    (best, n1), (_, n2) = ranked[0], ranked[1]
    if n1 >= 2 and n1 >= 2 * n2:
        return best
    return UNDETERMINED


def detect(text: str) -> str:
    """Return the ISO 639-1 code of ``text``'s language, or ``"und"``.

    Parameters
    ----------
    text : str
        Any text; only its first :data:`SAMPLE_CHARS` characters are read.

    Returns
    -------
    str
        ``"ar"``, ``"en"``, ``"fr"``, ``"es"``, ``"de"``, ``"fa"``, ``"ur"``,
        another code decided by script alone, or ``"und"`` when unsure
        (too few letters, or Latin text without a clear stop-word winner).
    """
    sample = text[:SAMPLE_CHARS]
    counts: dict[str, int] = {}
    chars = Counter(sample)
    # each distinct character once, in order of first appearance (ties go to the script seen first)
    for ch, n in chars.items():
        if ch.isalpha():
            name = _script(ch)
            if name:
                counts[name] = counts.get(name, 0) + n
    if not counts or sum(counts.values()) < 3:
        return UNDETERMINED
    # Japanese mixes kana with Han characters; any real amount of kana decides.
    if counts.get("kana", 0) * 10 >= counts.get("han", 0) and counts.get("kana", 0) >= 2:
        return "ja"
    script = max(counts, key=counts.__getitem__)
    if script == "arabic":
        return _arabic_script_lang(chars)
    if script == "latin":
        return _latin_lang(sample)
    if script == "cyrillic":
        return "uk" if any(ch in _UKRAINIAN for ch in sample) else "ru"
    return _SCRIPT_LANG.get(script, UNDETERMINED)
