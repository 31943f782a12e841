"""Which industry a text names, when it is not mining.

A move of kilns, quarries, smelters or recyclers is not set off by a crypto-mining
ban, nor is a miners' move set off by a smelter ban: :mod:`ingest.components.events`
labels each move with the industry its clause names, and :mod:`kg.linking`
compares it with what a ban stops. The words are matched on the raw English text
and on the folded Arabic one (ة as ه, ئ as ي: "القمائن" as "القماين").
"""
from __future__ import annotations

import re

from ingest.normalize import normalize_ar

__all__ = ["other_industry"]

_OTHER_INDUSTRY_EN = re.compile(r"\b(?:smelt(?:ers?|ing)|alumini?um|(?:brick\s+)?kilns?|quarr(?:y|ies)|recycl\w+|assembly\s+lines?|production\s+lines?"
                                r"|factor(?:y|ies)|textile|garment|furniture|hatcher(?:y|ies)|salmon|steel\s?works|cement|refiner(?:y|ies)"
                                r"|ride-hailing|e-cigarettes?|vap(?:e|ing)|tanneries|tannery|(?:sand\s+)?dredg(?:ing|ers?)|coal\s+washer(?:y|ies))\b", re.I)
_OTHER_INDUSTRY_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:[وفبل]|ال|لل)*(?:قماين|قمين|قمينا|الطوب|طوب|كسارات|كساره|مصاهر|مصهر|مصنع|مصانع"
                                r"|اعاده التدوير|الاسمنت|اسمنت|النسيج|مدابغ|مدبغه|الفحم النباتي|مكامير)(?![\u0621-\u0652\u0670])")


def other_industry(text: str) -> str | None:
    """The word of ``text`` that names an industry other than mining ("smelters",
    "الكسارات"), or None."""
    m = _OTHER_INDUSTRY_EN.search(text) or _OTHER_INDUSTRY_AR.search(normalize_ar(text))
    return m.group(0).strip() if m else None
