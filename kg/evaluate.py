"""Score extraction records against gold annotations.

This is the project's own implementation of the scoring rules of the shared
evaluation (``eval/SCHEMA.md``): it gives the same numbers as the reference
``score.py`` and, beyond them, says *what* was missed and what was found
wrongly, each with its sentence, so that an error can be read in context.

Scores (micro-averaged over all articles):

``entity`` / ``entity_untyped``
    A predicted entity (deduplicated by type and canonical id, normalised
    text or value) is right when a gold entity of the same type (untyped:
    COMPANY/REGULATOR ~ ORGANIZATION, any type except DATE and CAPACITY)
    has the same canonical id or name, or one of its aliases contains the
    predicted text as whole words (or the other way round), after Arabic
    folding (:func:`fold`). DATEs match when one ISO value is a prefix of
    the other; CAPACITYs on unit and amount.
``ban_jurisdiction``
    The set of ban jurisdictions.
``migration_flow``
    The set of (origin, destination) pairs; a gold country origin accepts a
    predicted subdivision of it, a gold null origin accepts anything and a
    predicted null origin is accepted for a gold country.
``migration_actor``
    (actor, destination) pairs; actors match by text.
``link``
    TRIGGERED links as (ban jurisdiction, origin, destination).
``not_link_violations``
    Links to a migration that the gold says no ban triggered (``tp`` counts them).

Optional gold items count neither toward recall nor against precision;
matching is greedy and one-to-one, and a second prediction of an already
matched gold item is ignored.

Examples
--------
>>> fold("وبكين")
'بكين'
>>> texts_match("سلطات سيشوان", "سيشوان")
True
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from kg.errors import InputError

__all__ = [
    "SCORES", "EvalResult", "fold", "texts_match", "load_gold", "load_predictions",
    "score", "predict", "sentence_at", "format_text",
]

SCORES = ("entity", "entity_untyped", "ban_jurisdiction", "migration_flow", "migration_actor",
          "link", "not_link_violations")

# --------------------------------------------------------------------------- text folding

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = {ord(k): v for k, v in {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # alef forms
    "\u0649": "\u064a", "\u0626": "\u064a",                                          # ya forms
    "\u0629": "\u0647", "\u0624": "\u0648",                                          # ta marbuta, waw hamza
}.items()}
_FOLD.update({0x0660 + d: str(d) for d in range(10)})                                # Arabic-Indic digits
_PROCLITICS = ("وال", "بال", "لل", "فال", "كال", "و", "ب", "ل", "ف", "ك")
_ARABIC_START = re.compile("[\u0600-\u06ff]")
_NOT_WORD = re.compile(r"[^\w\s/%.-]")


def _strip_word(w: str) -> str:
    if not _ARABIC_START.match(w):
        return w
    for c in _PROCLITICS:
        if w.startswith(c) and len(w) - len(c) >= 3:
            w = w[len(c):]
            break
    if w.startswith("ال") and len(w) >= 5:
        w = w[2:]
    return w


def fold(s: Any) -> str:
    """Fold a name for comparison: NFKC, no diacritics or tatweel, one alef /
    ya / ha, ASCII digits, lower case, punctuation to spaces, and one leading
    clitic and the article stripped from Arabic words that stay long enough."""
    if s is None:
        return ""
    s = _MARKS.sub("", unicodedata.normalize("NFKC", str(s))).translate(_FOLD).lower()
    return " ".join(_strip_word(w) for w in _NOT_WORD.sub(" ", s).split())


def texts_match(a: Any, b: Any) -> bool:
    """Equal after :func:`fold`, or the shorter (3+ chars) is whole words of the longer."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 3:
        return False
    return re.search(r"(?:^|\s)" + re.escape(short) + r"(?:$|\s)", long_) is not None


_UNITS = {
    "megawatt": "mw", "megawatts": "mw", "machine": "machines", "rigs": "machines",
    "miners": "machines", "%": "percent", "pct": "percent", "$": "usd", "dollars": "usd",
    "mine": "mines", "facility": "facilities", "farms": "facilities",
}


def _unit(u: Any) -> str:
    u = str(u or "").strip().lower()
    return _UNITS.get(u, u)


def _is_num(x: Any) -> bool:
    return isinstance(x, (int, float))


def _same_amount(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(abs(float(x) - float(y)) < 1e-6 for x, y in zip(a, b))
    return _is_num(a) and _is_num(b) and abs(float(a) - float(b)) < 1e-6


def _dates_agree(a: Any, b: Any) -> bool:
    a, b = str(a or ""), str(b or "")
    return min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))


def _same_place(p: Any, g: Any) -> bool:
    return bool(p) and bool(g) and fold(p) == fold(g)


def _origin_accepts(pred: Any, gold: Any) -> bool:
    if gold is None:
        return True
    if pred is None:
        return len(gold) == 2
    return _same_place(pred, gold) or (len(gold) == 2 and str(pred).upper().startswith(gold.upper() + "-"))


_LOOSE = {frozenset(("COMPANY", "ORGANIZATION")), frozenset(("REGULATOR", "ORGANIZATION"))}


def _entity_matches(p: dict, g: dict, typed: bool) -> bool:
    pt, gt = p.get("type"), g.get("type")
    if pt != gt:
        if typed:
            return False
        if frozenset((pt, gt)) not in _LOOSE and {pt, gt} & {"DATE", "CAPACITY"}:
            return False
    if gt == "DATE":
        return pt == "DATE" and _dates_agree(p.get("value"), g.get("value"))
    if gt == "CAPACITY":
        pv, gv = p.get("value") or {}, g.get("value") or {}
        if pt != "CAPACITY" or _unit(pv.get("unit")) != _unit(gv.get("unit")):
            return False
        if gv.get("amount") is None:
            return any(texts_match(p.get("text"), a) for a in g.get("aliases", []))
        return _same_amount(pv.get("amount"), gv.get("amount"))
    canon = g.get("canonical")
    if canon and any(c and fold(c) == fold(canon) for c in (p.get("canonical"), p.get("name"))):
        return True
    return any(texts_match(p.get("text"), a) for a in g.get("aliases", []))


# --------------------------------------------------------------------------- tallies

@dataclass
class _Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class EvalResult:
    """Scores and errors of one evaluation.

    Attributes
    ----------
    summary : dict
        score name (:data:`SCORES`) -> ``{"p", "r", "f1", "tp", "fp", "fn"}``.
    by_type : dict
        entity type -> the same, for the typed entity score.
    articles : int
        Gold articles.
    missing : list of str
        Gold article ids with no prediction (scored as empty).
    errors : dict
        article id -> ``{"misses": [...], "false_alarms": [...]}``; each item
        has ``kind``, ``what`` and ``sentence``.
    """
    summary: dict[str, dict] = field(default_factory=dict)
    by_type: dict[str, dict] = field(default_factory=dict)
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    errors: dict[str, dict[str, list[dict]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: ``articles``, ``missing``, ``summary``, ``by_type``, ``errors``."""
        return {"articles": self.articles, "missing": self.missing, "summary": self.summary,
                "by_type": self.by_type, "errors": self.errors}


# --------------------------------------------------------------------------- sentences

_BOUNDARY = re.compile(r"[.!?؟\n]")


def sentence_at(text: str | None, start: int | None, end: int | None = None) -> str | None:
    """The sentence of ``text`` around ``[start, end)``, or None if unknown."""
    if not text or start is None or not 0 <= start <= len(text):
        return None
    end = start if end is None else max(start, min(end, len(text)))
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    m = _BOUNDARY.search(text, end)
    right = m.end() if m else len(text)
    return " ".join(text[left:right].split()) or None


def _sentence_of_alias(text: str | None, aliases: Iterable[str]) -> str | None:
    for a in aliases or []:
        if a and text:
            i = text.find(a)
            if i >= 0:
                return sentence_at(text, i, i + len(a))
    return None


# --------------------------------------------------------------------------- one article

def _greedy(preds: list, golds: list[tuple[Any, bool]], match: Callable[[Any, Any], bool],
            count: _Count) -> tuple[list[int], list[int]]:
    """One-to-one greedy matching in prediction order.

    Returns the indices of false-alarm predictions and of missed required golds.
    """
    used: set[int] = set()
    wrong = []
    for i, p in enumerate(preds):
        free = next((j for j, (g, _) in enumerate(golds) if j not in used and match(p, g)), None)
        if free is not None:
            used.add(free)
            if not golds[free][1]:
                count.tp += 1
        elif not any(match(p, g) for g, _ in golds):
            count.fp += 1
            wrong.append(i)
    missed = [j for j, (_, optional) in enumerate(golds) if not optional and j not in used]
    count.fn += len(missed)
    return wrong, missed


def _unique_entities(ents: list[dict]) -> list[dict]:
    seen: dict[tuple, dict] = {}
    for e in ents:
        t = e.get("type")
        if t in ("DATE", "CAPACITY"):
            key = (t, json.dumps(e.get("value"), sort_keys=True, ensure_ascii=False))
        else:
            key = (t, fold(e.get("canonical") or e.get("text")))
        seen.setdefault(key, e)
    return list(seen.values())


def _ent_label(e: dict) -> str:
    v = e.get("value")
    shown = e.get("canonical") or (json.dumps(v, ensure_ascii=False) if v is not None else None)
    text = e.get("text") or " / ".join(e.get("aliases", [])[:3])
    return f"{e.get('type')} {text!s}" + (f" [{shown}]" if shown and shown != text else "")


class _Scorer:
    def __init__(self) -> None:
        self.counts: dict[str, _Count] = {}
        self.errors: dict[str, dict[str, list[dict]]] = {}

    def count(self, key: str) -> _Count:
        return self.counts.setdefault(key, _Count())

    def _note(self, aid: str, which: str, kind: str, what: str, sentence: str | None) -> None:
        slot = self.errors.setdefault(aid, {"misses": [], "false_alarms": []})
        slot[which].append({"kind": kind, "what": what, "sentence": sentence})

    def entities(self, aid: str, text: str | None, preds: list[dict], golds: list[dict],
                 typed: bool) -> None:
        prefix = "entity" if typed else "entity_untyped"
        found: set[int] = set()
        for e in _unique_entities(preds):
            hits = [i for i, g in enumerate(golds) if _entity_matches(e, g, typed)]
            required = [i for i in hits if not golds[i].get("optional")]
            bucket = self.count(f"{prefix}:{e.get('type') if typed else 'all'}")
            if required:
                found.update(required)
                bucket.tp += 1
            elif hits:
                found.update(hits)
            else:
                bucket.fp += 1
                if typed:
                    self._note(aid, "false_alarms", "entity", _ent_label(e),
                               e.get("sentence") or sentence_at(text, e.get("start"), e.get("end")))
        for i, g in enumerate(golds):
            if not g.get("optional") and i not in found:
                self.count(f"{prefix}:{g['type'] if typed else 'all'}").fn += 1
                if typed:
                    self._note(aid, "misses", "entity", _ent_label(g),
                               _sentence_of_alias(text, g.get("aliases")))

    def article(self, rec: dict, gold: dict) -> None:
        aid, text = gold["id"], gold.get("_text") or (rec.get("article") or {}).get("text")
        ents = rec.get("entities") or []
        ent_by_id = {e.get("id"): e for e in ents}
        self.entities(aid, text, ents, gold.get("entities", []), typed=True)
        self.entities(aid, text, ents, gold.get("entities", []), typed=False)
        events = rec.get("events") or []
        ev_by_id = {v.get("id"): v for v in events}
        bans = [v for v in events if v.get("type") == "BAN"]
        migs = [v for v in events if v.get("type") == "MIGRATION"]

        def ev_sentence(v: dict) -> str | None:
            return v.get("sentence") or sentence_at(text, v.get("start"), v.get("end"))

        def first(items: list[dict], pred: Callable[[dict], bool]) -> dict:
            return next((v for v in items if pred(v)), {})

        # bans: the set of jurisdictions
        pj = sorted({v["jurisdiction"] for v in bans if v.get("jurisdiction")})
        gj: dict[str, bool] = {}
        for b in gold.get("bans", []):
            gj[b["jurisdiction"]] = gj.get(b["jurisdiction"], True) and bool(b.get("optional"))
        golds = list(gj.items())
        wrong, missed = _greedy(pj, golds, _same_place, self.count("ban_jurisdiction"))
        for i in wrong:
            v = first(bans, lambda v: v.get("jurisdiction") == pj[i])
            self._note(aid, "false_alarms", "ban", f"ban in {pj[i]}", ev_sentence(v))
        for j in missed:
            g = first(gold.get("bans", []), lambda b: b["jurisdiction"] == golds[j][0])
            self._note(aid, "misses", "ban", f"ban in {golds[j][0]}",
                       _sentence_of_alias(text, g.get("authority")))

        # migration flows: (origin, destination)
        pf = sorted({(v.get("origin"), v.get("destination")) for v in migs if v.get("destination")},
                    key=lambda f: (str(f[0]), str(f[1])))
        gf: dict[tuple, bool] = {}
        for m in gold.get("migrations", []):
            if m.get("destination"):
                k = (m.get("origin"), m["destination"])
                gf[k] = gf.get(k, True) and bool(m.get("optional"))
        golds = list(gf.items())
        flow_ok = lambda p, g: _same_place(p[1], g[1]) and _origin_accepts(p[0], g[0])  # noqa: E731
        wrong, missed = _greedy(pf, golds, flow_ok, self.count("migration_flow"))
        for i in wrong:
            v = first(migs, lambda v: (v.get("origin"), v.get("destination")) == pf[i])
            self._note(aid, "false_alarms", "flow", f"migration {pf[i][0]} -> {pf[i][1]}", ev_sentence(v))
        for j in missed:
            o, d = golds[j][0]
            g = first(gold.get("migrations", []), lambda m: (m.get("origin"), m.get("destination")) == (o, d))
            self._note(aid, "misses", "flow", f"migration {o} -> {d}",
                       _sentence_of_alias(text, g.get("actor")))

        # migration actors: (actor texts, destination)
        def actor_names(v: dict) -> list:
            a = v.get("actor")
            if not isinstance(a, str):
                return []
            e = ent_by_id.get(a)
            return [e.get("text"), e.get("canonical"), e.get("name")] if e else [a]

        pa_events = [v for v in migs if v.get("destination") and actor_names(v)]
        pa = [(actor_names(v), v.get("destination")) for v in pa_events]
        ga_src = [m for m in gold.get("migrations", []) if m.get("actor") and m.get("destination")]
        golds = [((m.get("actor") or [], m["destination"]), bool(m.get("optional"))) for m in ga_src]
        actor_ok = lambda p, g: _same_place(p[1], g[1]) and any(  # noqa: E731
            texts_match(x, a) for x in p[0] if x for a in g[0])
        wrong, missed = _greedy(pa, golds, actor_ok, self.count("migration_actor"))
        for i in wrong:
            name = next((x for x in pa[i][0] if x), "?")
            self._note(aid, "false_alarms", "actor", f"{name} moved to {pa[i][1]}", ev_sentence(pa_events[i]))
        for j in missed:
            m = ga_src[j]
            self._note(aid, "misses", "actor", f"{' / '.join(m['actor'][:2])} moved to {m['destination']}",
                       _sentence_of_alias(text, m.get("actor")))

        # links: (ban jurisdiction, origin, destination), and not_links
        pl, pl_events, violations = [], {}, 0
        for link in rec.get("links") or []:
            if link.get("type", "TRIGGERED") != "TRIGGERED":
                continue
            b, m = ev_by_id.get(link.get("from")), ev_by_id.get(link.get("to"))
            if not b or not m or b.get("type") != "BAN" or m.get("type") != "MIGRATION":
                continue
            key = (b.get("jurisdiction"), m.get("origin"), m.get("destination"))
            pl.append(key)
            pl_events.setdefault(key, m)
            for nl in gold.get("not_links", []):
                if (_same_place(m.get("destination"), nl.get("destination"))
                        and any(texts_match(x, a) for x in actor_names(m) if x for a in nl.get("actor", []))
                        and (not nl.get("date") or _dates_agree(m.get("date"), nl.get("date")))):
                    violations += 1
                    self._note(aid, "false_alarms", "not_link",
                               f"ban in {key[0]} linked to a migration no ban triggered ({nl.get('why', '')})",
                               ev_sentence(m))
        pl = sorted(set(pl), key=str)
        gl_src = gold.get("links", [])
        golds = [((g["ban"], g.get("origin"), g.get("destination")), bool(g.get("optional"))) for g in gl_src]
        link_ok = lambda p, g: (_same_place(p[0], g[0]) and (g[2] is None or _same_place(p[2], g[2]))  # noqa: E731
                                and _origin_accepts(p[1], g[1]))
        wrong, missed = _greedy(pl, golds, link_ok, self.count("link"))
        for i in wrong:
            b, o, d = pl[i]
            self._note(aid, "false_alarms", "link", f"ban in {b} -> migration {o} -> {d}",
                       ev_sentence(pl_events[pl[i]]))
        for j in missed:
            b, o, d = golds[j][0]
            self._note(aid, "misses", "link", f"ban in {b} -> migration {o} -> {d}",
                       _sentence_of_alias(text, gl_src[j].get("actor")))
        self.count("not_link_violations").tp += violations

    def result(self, n_articles: int, missing: list[str]) -> EvalResult:
        summary: dict[str, dict] = {}
        for name in SCORES:
            if name in ("entity", "entity_untyped"):
                parts = [c for k, c in self.counts.items() if k.startswith(name + ":")]
                total = _Count(sum(c.tp for c in parts), sum(c.fp for c in parts), sum(c.fn for c in parts))
            else:
                total = self.counts.get(name, _Count())
            summary[name] = total.prf()
        by_type = {k.split(":", 1)[1]: c.prf() for k, c in sorted(self.counts.items())
                   if k.startswith("entity:")}
        return EvalResult(summary=summary, by_type=by_type, articles=n_articles, missing=missing,
                          errors=self.errors)


# --------------------------------------------------------------------------- API

def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Gold annotations by article id, each with its article text under ``_text``.

    Raises
    ------
    kg.errors.InputError
        If the folder has no ``*.gold.json`` files, or one is not valid JSON
        or has no ``.txt`` beside it.
    """
    folder = Path(gold_dir)
    files = sorted(folder.glob("*.gold.json"))
    if not files:
        raise InputError("no *.gold.json files here; give the folder of the gold annotations",
                         source=str(folder))
    out = {}
    for p in files:
        try:
            g = json.loads(p.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"not valid UTF-8 JSON ({e})", source=str(p)) from None
        txt = p.with_name(p.name[:-len(".gold.json")] + ".txt")
        if not txt.exists():
            raise InputError(f"its article {txt.name} is missing", source=str(p))
        g["_text"] = txt.read_text(encoding="utf-8")
        g["_path"] = str(txt)
        out[g["id"]] = g
    return out


def load_predictions(path: str | Path) -> list[dict]:
    """Extraction records from a JSON Lines file (``-`` for stdin) or a JSON array.

    Raises
    ------
    kg.errors.InputError
        On a line that is not a JSON object (names the line).
    """
    import sys
    text = sys.stdin.read() if str(path) == "-" else Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        try:
            return list(json.loads(text))
        except json.JSONDecodeError as e:
            raise InputError(f"not valid JSON ({e})", source=str(path)) from None
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"not a JSON object ({e}); one extraction record a line",
                                 source=str(path), line=n) from None
            if not isinstance(rec, dict):
                raise InputError("not a JSON object; one extraction record a line", source=str(path), line=n)
            records.append(rec)
    return records


def score(gold_by_id: dict[str, dict], records: Iterable[dict]) -> EvalResult:
    """Score extraction records against gold (see the module docstring).

    Records are matched to gold by ``article.id``; a later record for the
    same id replaces an earlier one, and a gold article without a record is
    scored as an empty prediction (listed in ``missing``).
    """
    by_id = {str((r.get("article") or {}).get("id")): r for r in records}
    scorer = _Scorer()
    missing = [gid for gid in gold_by_id if gid not in by_id]
    for gid, gold in gold_by_id.items():
        scorer.article(by_id.get(gid, {}), gold)
    return scorer.result(len(gold_by_id), missing)


def predict(gold_by_id: dict[str, dict]) -> list[dict]:
    """Run the extraction pipeline and the linker on every gold article's text.

    Each article is read from its ``.txt`` file like any input, then given
    the gold id and publication date (relative dates need it).
    """
    from ingest.pipeline import extract
    from ingest.readers import read_paths
    from kg.linking import link_record

    records = []
    for gid, gold in gold_by_id.items():
        for item in read_paths([gold["_path"]]):
            if isinstance(item, Exception):
                raise item
            item.id, item.published = gid, gold.get("published")
            if gold.get("url"):
                item.url = gold["url"]
            rec = extract(item)
            link_record(rec)
            records.append(rec)
    return records


def _row(name: str, s: dict) -> str:
    return (f"{name:22s} {s['p']:6.2f} {s['r']:6.2f} {s['f1']:6.2f} "
            f"{s['tp']:5d} {s['fp']:5d} {s['fn']:5d}")


def format_text(result: EvalResult, *, errors: bool = True) -> str:
    """A readable report: the per-type table, the summary, then misses and false alarms."""
    head = f"{'':22s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}"
    lines = ["entities by type", head]
    lines += [_row(t, s) for t, s in result.by_type.items()]
    lines += ["", f"summary over {result.articles} articles", head]
    for name, s in result.summary.items():
        if name == "not_link_violations":
            lines.append(f"{name:22s} {s['tp']:d}")
        else:
            lines.append(_row(name, s))
    if result.missing:
        lines.append(f"no prediction for {len(result.missing)} articles: {', '.join(result.missing)}")
    if errors:
        for aid, errs in result.errors.items():
            for which, title in (("misses", "missed"), ("false_alarms", "false alarm")):
                for e in errs[which]:
                    lines.append(f"\n[{aid}] {title} {e['kind']}: {e['what']}")
                    if e.get("sentence"):
                        lines.append(f"    « {e['sentence']} »")
    return "\n".join(lines) + "\n"
