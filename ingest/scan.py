"""Regular expressions run over whole articles, skipped where they cannot match.

Most patterns of the pipeline (trigger lexicons, dates, cue words) are
alternations of words, and a regex pass over an article costs some tens of
nanoseconds per character whatever the pattern. A :class:`Scanner` works out
once, from the pattern's parse tree, literal strings of which every match
must contain one (``move``, ``relocate`` for ``\\b(?:mov(?:e|ed)|relocat(?:e|ed))``),
and where they can stand from the start of a match. Then, over a text:

- a text that holds none of them is not scanned at all (``str.__contains__``
  is far cheaper than a regex pass);
- when they stand at a bounded distance from the start of a match (``\\s+``
  counting as the text's longest run of white space) and occur rarely, the
  pattern is tried only at the few positions they allow (``Pattern.match`` at
  each, in order, exactly as ``finditer`` would meet them);
- a case-insensitive pattern whose literals are all lower case runs
  case-sensitively on text that is lower case already (the folded text),
  which the regex engine does about twice as fast;
- once a text has been searched for many literals (the pipeline's scanners
  look for some five hundred in every article, most of them absent), a table
  of the three-character substrings it holds is built, and a literal with a
  three-character piece that the text does not hold is not searched for.

Each shortcut gives exactly the matches of the plain pattern.

>>> sc = scanner(r"\\b(?:mov(?:e|ed)|relocat(?:e|ed))\\b", re.I)
>>> sorted(sc.keys)
['move', 'relocate']
>>> [m.group(0) for m in sc.finditer("they moved, then relocated")]
['moved', 'relocated']
>>> list(sc.finditer("no such words here"))
[]
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as _C, _parser as _P  # the parse tree of a pattern, as re reads it

import numpy

__all__ = ["Scanner", "scanner"]

_UNBOUNDED = 1 << 20
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)
# characters that re.IGNORECASE matches to an ASCII letter although ``str.lower`` keeps
# them apart (dotless i, long s) or lower-cases to two characters (dotted capital I);
# a text holding one is scanned with the pattern as written
_ODD_CASE = ("\u0131", "\u017f", "\u0130")

# How far into a match something can stand: at most ``c + w * r`` characters, where
# ``r`` is the text's longest run of white space (``\\s+`` between words is unbounded in
# a pattern but not in a given text); ``c >= _UNBOUNDED`` means no bound at all.
Reach = tuple[int, int]
# a literal with the least offset and the reach of the offset at which it can start in a match
Anchor = tuple[str, int, Reach]
# runs of two or more white-space characters (single spaces between words are the bulk
# of a text's white space, and matching each of them made the search slow)
_LONG_SPACE_RUN = re.compile(r"\s\s+")
_SPACE = re.compile(r"\s")


def _plus(a: Reach, b: Reach) -> Reach:
    return min(a[0] + b[0], _UNBOUNDED), a[1] + b[1]


def _is_space(items) -> bool:
    """Whether the parse tree ``items`` is one character that can only be white space."""
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is _C.LITERAL:
        return chr(av).isspace()
    return op is _C.IN and all((sop is _C.CATEGORY and sav is _C.CATEGORY_SPACE)
                               or (sop is _C.LITERAL and chr(sav).isspace()) for sop, sav in av)


def _reach(state, items) -> Reach:
    """The greatest width of the sequence ``items``."""
    total: Reach = (0, 0)
    for op, av in items:
        total = _plus(total, _item_reach(state, op, av))
    return total


def _item_reach(state, op, av) -> Reach:
    hi = _P.SubPattern(state, [(op, av)]).getwidth()[1]
    if hi < _UNBOUNDED:
        return hi, 0
    if op is _C.SUBPATTERN:
        return _reach(state, av[3].data)
    if op is _C.ATOMIC_GROUP:
        return _reach(state, av.data)
    if op is _C.BRANCH:
        widths = [_reach(state, b.data) for b in av[1]]
        return max(c for c, _ in widths), max(w for _, w in widths)
    if op in _REPEATS:
        _lo, most, item = av
        if most == _C.MAXREPEAT:
            return (0, 1) if _is_space(item.data) else (_UNBOUNDED, 0)
        c, w = _reach(state, item.data)
        return min(c * most, _UNBOUNDED), w * most
    return _UNBOUNDED, 0


class _Best:
    """The most selective anchor set seen so far: longest shortest literal, then
    fewest literals (``bounded`` only takes sets whose offsets are all bounded)."""

    def __init__(self, bounded: bool):
        self.bounded, self.anchors = bounded, None

    def consider(self, anchors: list[Anchor] | None) -> None:
        if not anchors or (self.bounded and any(hi[0] >= _UNBOUNDED for _, _, hi in anchors)):
            return
        if self.anchors is None or self._score(anchors) > self._score(self.anchors):
            self.anchors = anchors

    @staticmethod
    def _score(anchors: list[Anchor]) -> tuple[int, int]:
        return min(len(k) for k, _, _ in anchors), -len(anchors)


def _anchors(state, items, bounded: bool) -> list[Anchor] | None:
    """Anchors of which every match of the sequence ``items`` holds one, or None."""
    best = _Best(bounded)
    lo, hi = 0, (0, 0)  # the width of the items before the current one
    run: list[str] = []
    run_at = (0, (0, 0))
    for op, av in items:
        if op is _C.LITERAL:
            if not run:
                run_at = (lo, hi)
            run.append(chr(av))
            lo, hi = lo + 1, _plus(hi, (1, 0))
            continue
        if run:
            best.consider([("".join(run), *run_at)])
            run = []
        sub = None
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, p = av
            if not (add_flags | del_flags) & re.I:
                sub = _anchors(state, p.data, bounded)
        elif op is _C.ATOMIC_GROUP:
            sub = _anchors(state, av.data, bounded)
        elif op is _C.BRANCH:
            alts = [_anchors(state, b.data, bounded) for b in av[1]]
            if all(alts):
                sub = [a for alt in alts for a in alt]
        elif op in _REPEATS and av[0] >= 1:
            sub = _anchors(state, av[2].data, bounded)  # offsets within the first repetition
        if sub:
            best.consider([(k, lo + a, _plus(hi, b)) for k, a, b in sub])
        lo += _P.SubPattern(state, [(op, av)]).getwidth()[0]
        hi = _plus(hi, _item_reach(state, op, av))
    if run:
        best.consider([("".join(run), *run_at)])
    return best.anchors


def _prune(anchors: list[Anchor]) -> list[Anchor]:
    """Drop an anchor whose every candidate start another anchor already gives: one
    holding a shorter literal at a wide enough offset (``امرت`` after ``امر``)."""
    kept = []
    for k2, lo2, hi2 in sorted(set(anchors), key=lambda a: (len(a[0]), a)):
        covered = False
        for k1, lo1, hi1 in kept:
            d = k2.find(k1)
            while d >= 0 and not covered:
                covered = lo1 <= lo2 + d and hi2[0] + d <= hi1[0] and hi2[1] <= hi1[1]
                d = k2.find(k1, d + 1)
            if covered:
                break
        if not covered:
            kept.append((k2, lo2, hi2))
    return kept


# Build a text's table of three-character substrings once this many literals have been
# looked for in it. Building costs about as much as a few tens of searches for an
# absent literal, and the table then tells most absent literals by a few lookups; the
# pipeline looks for some five hundred in every article, a one-off search for a few.
_INDEX_AFTER = 32
_GRAM_BITS = 16


def _trigram_codes(s: str) -> numpy.ndarray:
    """A code below ``2 ** _GRAM_BITS`` for every run of three characters in ``s``,
    mixed from their code points (different runs may share a code)."""
    c = numpy.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    # uint32 products wrap around: a multiplicative hash of each character, combined
    mixed = (c[:-2] * numpy.uint32(0x9E3779B1)) ^ (c[1:-1] * numpy.uint32(0x85EBCA77)) \
        ^ (c[2:] * numpy.uint32(0xC2B2AE3D))
    return mixed >> numpy.uint32(32 - _GRAM_BITS)


def _trigram_table(s: str) -> bytes:
    """For every code, 1 when a run of three characters in ``s`` has it, else 0. A
    literal one of whose runs has a code at 0 is not in ``s``; codes at 1 prove nothing
    (runs share codes), so then the literal is searched for."""
    table = numpy.zeros(1 << _GRAM_BITS, dtype=numpy.uint8)
    table[_trigram_codes(s)] = 1
    return table.tobytes()


@lru_cache(maxsize=16)
def _text_index(text: str) -> list:
    """[how many literals have been looked for in ``text``, its trigram table or None
    while they are few] (one per text, kept for the last few texts)."""
    return [0, None]


@lru_cache(maxsize=16)
def _longest_space_run(text: str) -> int:
    runs = _LONG_SPACE_RUN.findall(text)
    if runs:
        return max(map(len, runs))
    return 1 if _SPACE.search(text) else 0


def _case_ok(anchors: list[Anchor] | None, ignorecase: bool) -> list[Anchor] | None:
    """Lower-case the literals of a case-insensitive pattern; give up beyond ASCII, where
    case-insensitive matching knows more pairs than ``str.lower`` (σ, ς)."""
    if not anchors or not ignorecase:
        return _prune(anchors) if anchors else anchors
    if any(not c.isascii() and c.lower() != c.upper() for k, _, _ in anchors for c in k):
        return None
    return _prune([(k.lower(), a, b) for k, a, b in anchors])


def _lowercase_only(items) -> bool:
    """Whether every literal and range bound of the parse tree is lower case or uncased
    (then re.IGNORECASE changes nothing on lower-case text without the odd characters)."""
    def ok(c: int) -> bool:
        ch = chr(c)
        return ch == ch.lower() and (ch.isascii() or ch.lower() == ch.upper())

    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL):
            if not ok(av):
                return False
        elif op is _C.IN:
            for sop, sav in av:
                if sop is _C.LITERAL and not ok(sav):
                    return False
                if sop is _C.RANGE and not (ok(sav[0]) and ok(sav[1])):
                    return False
        elif op is _C.SUBPATTERN:
            if not _lowercase_only(av[3].data):
                return False
        elif op is _C.BRANCH:
            if not all(_lowercase_only(b.data) for b in av[1]):
                return False
        elif op in _REPEATS:
            if not _lowercase_only(av[2].data):
                return False
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            if not _lowercase_only(av[1].data):
                return False
        elif op is _C.ATOMIC_GROUP:
            if not _lowercase_only(av.data):
                return False
        elif op is _C.GROUPREF_EXISTS:
            return False
    return True


@lru_cache(maxsize=16)
def _case_view(text: str) -> tuple[str | None, bool]:
    """(the text lower-cased, offset for offset, or None when the odd characters make the
    literal test unsafe; whether the text is lower case already and free of them)."""
    if any(c in text for c in _ODD_CASE):
        return None, False
    low = text.lower()
    if len(low) != len(text):
        return None, False
    return low, low == text


class Scanner:
    """A compiled pattern with literal pre-tests (see the module docstring).

    ``finditer`` and ``search`` take the arguments of :class:`re.Pattern`'s
    methods and return exactly what the pattern itself would.
    """

    # try the pattern at candidate positions while they are fewer than one in this many characters
    SPARSE = 12

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self._ignorecase = bool(rx.flags & re.I)
        self.keys: frozenset[str] | None = None
        self._anchors: list[Anchor] | None = None
        self._spaced = False  # whether an anchor's offset depends on runs of white space
        self._sensitive: re.Pattern | None = None
        try:
            tree = _P.parse(rx.pattern, rx.flags)
        except (re.error, TypeError, ValueError):
            return
        ignorecase = bool(tree.state.flags & re.I)
        anchors = _case_ok(_anchors(tree.state, tree.data, False), ignorecase)
        self.keys = frozenset(k for k, _, _ in anchors) if anchors else None
        if tree.getwidth()[0] >= 1:  # never an empty match: tried position by position
            self._anchors = _case_ok(_anchors(tree.state, tree.data, True), ignorecase)
        self._spaced = bool(self._anchors) and any(w for _, _, (_, w) in self._anchors)
        # each anchor with the codes of the trigrams its literal holds (none for a literal
        # of one or two characters, which is then always searched for)
        self._tested = [(key, lo, hi, tuple(_trigram_codes(key).tolist())) for key, lo, hi in self._anchors or ()]
        if ignorecase and _lowercase_only(tree.data):
            twin = re.compile(rx.pattern, rx.flags & ~re.I)
            if not twin.flags & re.I:  # not an inline (?i)
                self._sensitive = twin

    def _plan(self, text: str) -> tuple[re.Pattern, str | None]:
        """(the pattern to run on ``text``, the text to look for the literals in or
        None when they are no guide)."""
        if not self._ignorecase:
            return self.rx, text
        hay, lower_already = _case_view(text)
        return (self._sensitive if (lower_already and self._sensitive is not None) else self.rx), hay

    def _absent(self, hay: str | None) -> bool:
        """Whether none of the literals occurs (then the pattern cannot match)."""
        return hay is not None and self.keys is not None and not any(k in hay for k in self.keys)

    def _starts(self, hay: str) -> list[int] | None:
        """Every position where a match may start, or None when there are too many."""
        limit = len(hay) // self.SPARSE
        spaces = _longest_space_run(hay) if self._spaced else 0
        index = _text_index(hay)
        table = index[1]
        if table is None:
            index[0] += len(self._tested)
            if index[0] > _INDEX_AFTER:
                table = index[1] = _trigram_table(hay)
        starts: set[int] = set()
        for key, lo, (c, w), pieces in self._tested:
            if table is not None and not all(map(table.__getitem__, pieces)):
                continue  # a piece of the literal is nowhere in the text
            i = hay.find(key)  # -1 for most: one pass over the text per literal
            hi = c + w * spaces
            while i >= 0:
                starts.update(range(max(0, i - hi), i - lo + 1))
                if len(starts) > limit:
                    return None
                i = hay.find(key, i + 1)
        return sorted(starts)

    @staticmethod
    def _match_at(rx: re.Pattern, text: str, starts: list[int]):
        end = 0
        for p in starts:
            if p >= end:
                m = rx.match(text, p)
                if m is not None:
                    end = m.end()
                    yield m

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        rx, hay = self._plan(text)
        if pos == 0 and endpos is None and hay is not None and self._anchors is not None:
            starts = self._starts(hay)
            if starts is not None:
                return self._match_at(rx, text, starts)
        elif self._absent(hay):
            return iter(())
        return rx.finditer(text, pos) if endpos is None else rx.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        rx, hay = self._plan(text)
        if self._absent(hay):
            return None
        return rx.search(text, pos) if endpos is None else rx.search(text, pos, endpos)


@lru_cache(maxsize=None)
def scanner(pattern: str, flags: int = 0) -> Scanner:
    """The :class:`Scanner` of ``pattern`` (compiled once)."""
    return Scanner(re.compile(pattern, flags))
