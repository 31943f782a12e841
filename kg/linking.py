"""TRIGGERED links: which ban pushed which migration.

A ban can trigger a migration when

1. **place** — the ban's jurisdiction is the migration's origin or contains it
   (``CN`` contains ``CN-SC``), or the text ties the two in one sentence with
   a cue ("بعد أن أمرت", "دفع … الى", "after … ordered");
2. **time** — the migration is not earlier than the ban (at the precision
   both dates have); a ban without a date is taken to be recent news, so a
   migration dated more than a year before the article is never its effect;
3. **cause** — the text gives the migration no other cause ("to get cheaper
   power") unless a cue ties it to a ban of its own sentence anyway;
4. **evidence** — a departure whose destination the text does not tell
   ("Not every ban moves miners", "miners left China") is tied to a ban only
   by a cue or when that ban is told in its sentence or the one before (a
   headline's, in the lead after it); on
   place and order alone it would be as often a denial or a generality as a
   move.

Within an article (:func:`link_record`) the most specific ban wins: a move
out of Xinjiang is linked to Xinjiang's order, not also to China's. Across
articles (:func:`link_events`) both dates must be known and the lag at most
:data:`CORPUS_MAX_LAG_DAYS`, and confidence is lower.

Examples
--------
>>> rec = {"article": {"published": "2021-06-22"}, "events": [
...   {"id": "v1", "type": "BAN", "jurisdiction": "CN-XJ", "date": "2021-06", "start": 0, "end": 9},
...   {"id": "v2", "type": "MIGRATION", "origin": "CN-XJ", "destination": "CN-SC",
...    "date": "2021-06", "start": 0, "end": 9, "cues": []}]}
>>> [(l["from"], l["to"]) for l in link_record(rec)]
[('v1', 'v2')]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from ingest.gazetteer import contains, is_region
from ingest.industry import other_industry
from ingest.values import date_lt, days_between, parse_iso

__all__ = ["link_record", "link_events", "BanIndex", "CORPUS_MAX_LAG_DAYS", "ARTICLE_MAX_SENTENCES",
           "ARTICLE_MAX_SENTENCES_NAMED", "may_trigger"]

CORPUS_MAX_LAG_DAYS = 365
#: without a cue, a ban links only to migrations told at most this many sentences away
ARTICLE_MAX_SENTENCES = 5
#: … or this many, when the text names the place the movers leave and either a cue in
#: the move's sentence points back ("After the ban, Iranian miners moved …" paragraphs
#: after the ban), or the move is done, or the province left is the one that banned; a
#: far planned move with no cue from a country (the seed article's "Chinese miners
#: consider North America") is no effect
ARTICLE_MAX_SENTENCES_NAMED = 15
#: … or this many, when every ban of the article is of one place and the move names an
#: origin inside it
ARTICLE_ONE_BAN_MAX_SENTENCES = 40
#: a move with no origin, after one sentence banned several provinces, leaves the one of
#: them named at most this many characters before its sentence (or in it)
NAMED_BEFORE_CHARS = 300
#: the sentences after the title that make an article's lead
LEAD_SENTENCES = 2


def _year(d: str | None) -> int | None:
    return int(d[:4]) if d and d[:4].isdigit() else None


def may_trigger(ban: dict, mig: dict, *, published: str | None = None) -> str | None:
    """Why ``ban`` cannot have triggered ``mig`` (a short reason), or None if it may have."""
    industry = mig.get("industry")
    if industry:
        ban_other = other_industry(ban.get("target") or "")
        if industry != "mining" and not ban_other:
            return f"a move of another industry ({industry})"
        if industry == "mining" and ban_other:
            return f"a mining move; the ban stops another industry ({ban_other})"
    bd, md = ban.get("date"), mig.get("date")
    if bd and md and date_lt(md, bd):
        return f"migration ({md}) before the ban ({bd})"
    if not bd and md and published and _year(md) and _year(published) and _year(md) < _year(published) - 1:
        return f"migration ({md}) long before the article ({published}); undated ban"
    return None


def _dated_sequence(ban: dict, mig: dict) -> bool:
    """Both dated, the move within a year after the ban: a sequence the dates tell."""
    a, b = parse_iso(ban.get("date")), parse_iso(mig.get("date"))
    return bool(a and b and 0 <= (b - a).days <= CORPUS_MAX_LAG_DAYS)


def _told_in(ban: dict, sentence_start: int | None) -> bool:
    """Whether the ban is told (first or again) in the sentence starting there."""
    return ban.get("start") == sentence_start or any(m.get("start") == sentence_start for m in ban.get("mentions", []))


def _distance(ban: dict, si: int) -> int:
    """Sentences between a migration and the nearest telling of a ban."""
    idx = [ban.get("sentence_index")] + [m.get("sentence_index") for m in ban.get("mentions", [])]
    idx = [i for i in idx if i is not None]
    return min(abs(si - i) for i in idx) if idx else 0


def _depth(pid: str | None) -> int:
    return 0 if not pid else (2 if "-" in pid else 1)


def _place_word(pid: str) -> str:
    return "same province" if "-" in pid else "same country"


def _moved_on(mig: dict, bans: list[dict], events: list[dict]) -> str | None:
    """Where a move with no origin leaves when the last ban told before it is a country's
    and an earlier move went into that country: that move's destination ("… 4,000 machines
    reached Ekibastuz … Kazakhstan rationed power and required licences … In November 2022
    the company moved 2,000 machines to Bratsk")."""
    dest, at = mig["destination"], mig.get("start") or 0
    before = [b for b in bans if (b.get("start") or 0) < at and b.get("jurisdiction")]
    if not before:
        return None
    last_at = max(b.get("start") or 0 for b in before)
    told = {b["jurisdiction"] for b in before if (b.get("start") or 0) == last_at}
    if len(told) != 1 or "-" in next(iter(told)):
        return None  # (a province banned there too: _province_left reads it)
    c = told.pop()
    if contains(c, dest):
        return None
    # (a move into the country from outside it, not a move within it)
    went = [m for m in events if m.get("type") == "MIGRATION" and m is not mig and m.get("destination")
            and (m.get("start") or 0) < at and contains(c, m["destination"]) and m["destination"] != c
            and not contains(c, m.get("origin") or dest)]
    return max(went, key=lambda m: m.get("start") or 0)["destination"] if went else None


def _province_left(mig: dict, bans: list[dict], mentions: list[dict] = ()) -> dict | None:
    """The ban of the province a move with no origin leaves: the last provincial ban told
    before it, of the move's industry, that neither holds nor lies in its destination
    ("Bolivar" after Aragua's raids; "Some of the miners … talking about moving again,
    this time to Laos" after Sarawak's cut-off). Annotators read such moves so. When that
    sentence bans several provinces, the one of them ``mentions`` (the record's entities)
    name last shortly before or in the move's sentence, else None."""
    dest = mig["destination"]
    # (a move told first in the title is told in full where the body first tells it again)
    again = sorted(mig.get("mentions") or (), key=lambda m: m.get("start") or 0)
    at = again[0] if again and mig.get("sentence_index") == 0 else mig
    # (… and one the body never tells again, after the lead: "Hydro-Québec freeze sends crypto
    # miners … south to Texas", then "… Hydro-Québec's moratorium on new power allocations …")
    told_as = mig.get("sentence") or ""
    lead_only = mig.get("sentence_index") == 0 and not again and told_as.endswith("\n") \
        and not told_as.rstrip().endswith((".", "!", "?", "؟"))
    told = []
    for b in sorted(bans, key=lambda b: b.get("start") or 0):
        j = b.get("jurisdiction")
        if (b.get("start") or 0) >= (at.get("start") or 0) and not (
                lead_only and b.get("sentence_index") is not None and 0 < b["sentence_index"] <= LEAD_SENTENCES):
            break
        if not j or "-" not in j or contains(j, dest) or contains(dest, j):
            continue
        why = may_trigger(b, mig)
        if why is None or why.startswith("migration ("):  # an order of dates is no place
            told.append(b)
    if not told:
        return None
    last = told[-1]
    group = [b for b in told if b.get("start") == last.get("start")]
    if all(b["jurisdiction"] == last["jurisdiction"] for b in group):
        return last
    # one sentence banned several provinces: the one named just before or in the move's
    # sentence ("وكان معدّنو إركوتسك أول من تحرك. وقال أحدهم إنه شحن 800 جهاز إلى تفير")
    lo, hi = (at.get("start") or 0) - NAMED_BEFORE_CHARS, at.get("end") or at.get("start") or 0
    named = max(((e["start"], i) for e in mentions if lo <= (e.get("start") or -1) < hi
                 for i, b in enumerate(group) if contains(b["jurisdiction"], e.get("canonical"))), default=None)
    return group[named[1]] if named else None  # the one named last


def link_record(record: dict) -> list[dict]:
    """Link the bans of one article to its migrations; sets and returns ``record["links"]``."""
    events = record.get("events", [])
    art = record.get("article", {})
    published = art.get("published")
    bans = [e for e in events if e.get("type") == "BAN"]
    # a move with no origin leaves the country whose bans the article tells, else its main place
    places = {b["jurisdiction"] for b in bans if b.get("jurisdiction")}
    # (the country of the article's first ban: the lead tells the news, a closing "Libya
    # has banned mining since 2018, and seized …" only compares, however many bans it tells)
    home = min(((b.get("start") or 0, b["jurisdiction"].split("-")[0]) for b in bans if b.get("jurisdiction")),
               default=(None, art.get("place")))[1]
    # an article about one province's ban: moves with no origin leave that province
    one_place = next(iter(places)) if len(places) == 1 else None
    home_country = one_place or (home.split("-")[0] if home else None)
    links: list[dict] = []
    for mig in (e for e in events if e.get("type") == "MIGRATION"):
        if mig.get("earlier"):
            continue  # told as before the ban ("two years before the ban", "وكانت … قد انتقلت")
        origin = mig.get("origin")
        dest = mig.get("destination")
        ok = [b for b in bans if may_trigger(b, mig, published=published) is None]
        if origin is None and not (dest and any(
                contains(b.get("jurisdiction"), dest) and not (b.get("date") and mig.get("date") and date_lt(mig["date"], b["date"]))
                # (an undated move told before the ban of where it goes is not under it)
                and not (not mig.get("date") and (b.get("sentence_index") or 0) > (mig.get("sentence_index") or 0))
                for b in (ok if mig.get("industry") else bans))):
            # (a move into a place banned by then does not leave it: "… moved to Ethiopia"
            # under Ethiopia's ban; a move to Sarawak under Perak's still leaves Malaysia; a
            # ban of another industry bans nothing the move carries)
            origin = home_country
        cue_words = [c["text"] for c in mig.get("cues", []) if c.get("id") != "cue.before"]
        # a cue that ties the two in one sentence needs no date to vouch for an undated
        # ban ("arrived in Ethiopia in 2022 after their home country banned the industry")
        # (the move may be told again, the cue with the ban in that later sentence: "The company
        # moved its machines to Manitoba from Quebec that year, after Hydro-Québec stopped …")
        told_at = [mig["start"]] + [m["start"] for m in mig.get("mentions", []) if m.get("start") is not None and any(
            m["start"] <= (c.get("start") or -1) < (m.get("end") or -1) for c in mig.get("cues", []) if c.get("id") != "cue.before")]
        same_sentence = [b for b in bans if any(_told_in(b, at) for at in told_at) and may_trigger(b, mig) is None]
        chosen: list[tuple[dict, float, str]] = []
        if cue_words and same_sentence:
            for b in same_sentence:
                if origin and not (contains(b["jurisdiction"], origin) or contains(origin, b["jurisdiction"])):
                    continue
                if origin is None and dest and contains(b["jurisdiction"], dest) and (dest == b["jurisdiction"] or "-" in b["jurisdiction"]):
                    continue  # a ban of where the move goes pushes nothing there (a move within a banned country may leave it)
                chosen.append((b, 0.9, f"same sentence; cue '{cue_words[0]}'"))
        si = mig.get("sentence_index")
        if mig.get("other_cause") and not chosen:
            # another cause told ("to get cheaper power"), and no cue that ties the move to a
            # ban of its own sentence anyway
            continue

        def near(b: dict) -> bool:  # a mining ban told close by
            named = mig.get("origin") and not mig.get("origin_inferred")
            far = named and (
                cue_words or mig.get("status") == "completed"
                # (a plan to go to a named country or province: "would try to move equipment
                # abroad …, most of them to Paraguay"; not one toward "Central Asia")
                or (mig.get("status") == "planned" and dest and not is_region(dest))
                # (… or the province it leaves is the very one that banned: "In Dagestan, some
                # operators said they would ship their rigs to Kazakhstan", paragraphs after
                # Dagestan's ban)
                or ("-" in mig["origin"] and b.get("jurisdiction") == mig["origin"]))
            # (… or the move names no origin in an article about one province's ban, and goes
            # to a named place: it leaves that province, however far on it is told)
            far = far or (not mig.get("origin") and origin and "-" in origin and b.get("jurisdiction") == origin
                          and dest and not is_region(dest) and not contains(dest, origin)
                          and mig.get("status") in ("completed", "in_progress"))
            limit = ARTICLE_MAX_SENTENCES_NAMED if far else ARTICLE_MAX_SENTENCES
            if far and named and one_place and contains(one_place, mig["origin"]) and not (dest and contains(dest, mig["origin"])):
                # (an article about one place's ban, a transcript or a FAQ of short lines: a move
                # from that place with a named origin is under it however far on it is told)
                limit = ARTICLE_ONE_BAN_MAX_SENTENCES
            return b.get("target") != "trading" and (si is None or _distance(b, si) <= limit)

        if not chosen and any(c.get("id") == "cue.if" for c in mig.get("cues", [])):
            # "talks on sites in Brazil … should the ban become law", "إذا أُقر الحظر": the move
            # waits on the ban told last before it where the movers are (a pending one first)
            told = [b for b in ok if (b.get("start") or 0) <= mig["start"] and b.get("jurisdiction")
                    and (origin is None or contains(b["jurisdiction"], origin) or contains(origin, b["jurisdiction"]))
                    and not (dest and contains(b["jurisdiction"], dest))]
            if told:
                # (a law or a ban may pass; raids, cut-offs and crackdowns are already done)
                laws = [b for b in told if (b.get("trigger") or {}).get("id") not in ("ban.enforce", "ban.power", "ban.crackdown")]
                pending = [b for b in laws if b.get("status") in ("planned", "proposed")]
                b = max(pending or laws or told, key=lambda b: b.get("start") or 0)
                chosen.append((b, 0.6, "cue 'if …'"))
                if origin is None:
                    origin = b["jurisdiction"]
        if not chosen and mig.get("origin") is None and dest and si is not None and not any(
                e is not mig and e.get("type") == "MIGRATION" and e.get("sentence_index") == si and e.get("origin")
                for e in events):  # (not "some move from Kazakhstan to Russia, others to the US")
            # "On June 18 Sichuan ordered power cut to mines. Within a month Zhou had sent all
            # 8,000 machines to Ekibastuz": a move with no origin right after a ban leaves its place
            just = [b for b in ok if b.get("jurisdiction") and b.get("sentence_index") == si - 1
                    and b.get("target") != "trading"
                    and not contains(b["jurisdiction"], dest) and not contains(dest, b["jurisdiction"])]
            if len({b["jurisdiction"] for b in just}) == 1:  # (two places banned in that sentence: no origin to take)
                b = max(just, key=lambda b: b.get("start") or 0)
                origin = b["jurisdiction"]
                chosen.append((b, 0.6, "ban told just before"))
        if not chosen and origin:
            inside = [b for b in ok if contains(b.get("jurisdiction"), origin)
                      and (near(b) or b.get("target") != "trading" and _dated_sequence(b, mig))
                      # (a departure that names no destination, and no cue, is tied only to a
                      # ban of its own sentence: on place and order alone, "Not every ban moves
                      # miners", "had not pushed anyone to leave", "a magnet for miners after
                      # 2021" would each be a move the ban caused)
                      and (dest or cue_words or _told_in(b, mig["start"]) or si is not None and (
                          b.get("sentence_index") == si - 1
                          # (a headline's departure, and the ban its lead tells)
                          or si == 0 and b.get("sentence_index") == 1))]
            if inside:
                best = max(_depth(b["jurisdiction"]) for b in inside)
                inside = [b for b in inside if _depth(b["jurisdiction"]) == best]
                by_j: dict[str, dict] = {}
                for b in inside:
                    cur = by_j.get(b["jurisdiction"])
                    # prefer the ban of the same sentence, else the latest one before the migration
                    if cur is None or _told_in(b, mig["start"]) or \
                            (not _told_in(cur, mig["start"]) and b.get("start", 0) <= mig.get("start", 0)):
                        by_j[b["jurisdiction"]] = b
                for b in by_j.values():
                    conf = 0.75 if _told_in(b, mig["start"]) else 0.6
                    chosen.append((b, conf, _place_word(b["jurisdiction"])))
        if not chosen and origin and cue_words:
            # "The crackdown has pushed operators into Thailand" after bans told in Perak and
            # Kedah, "… من إثيوبيا إلى باراغواي بعد القرار" after Oromia's: a cue ties a move
            # from a country (named or the article's) to the bans inside it
            for b in ok:
                j = b.get("jurisdiction")
                if j and j != origin and contains(origin, j) and near(b):
                    chosen.append((b, 0.5, f"ban inside {origin}; cue '{cue_words[0]}'"))
        if chosen and mig.get("origin") is None and origin and "-" in origin:
            # an article about one province's ban: the move it ties to the ban leaves that
            # province (a country stays unsaid: the text does not name it either)
            mig["origin"], mig["origin_inferred"] = origin, True
        elif len(chosen) == 1 and mig.get("origin") is None and cue_words and "-" in (chosen[0][0].get("jurisdiction") or ""):
            # "… loaded 1,500 machines onto trucks bound for Sichuan after the bureau's notice":
            # the one province whose ban the cue points back to is where they leave
            origin = chosen[0][0]["jurisdiction"]
            mig["origin"], mig["origin_inferred"] = origin, True
        if mig.get("origin") is None and dest:
            # (a province guessed so ties the move to its ban only when that ban was told at
            # most ARTICLE_MAX_SENTENCES before: further back, it names the flow only)
            there = _moved_on(mig, bans, events)
            left = _province_left(mig, bans, record.get("entities", [])) if there is None else None
            if there is not None:
                mig["origin"], mig["origin_inferred"] = there, True
                # (a ban chosen for the country taken at first must hold where the move now
                # leaves: "Chinese operators arrived in Karaganda … In February I drove 220
                # machines to Bratsk" leaves Karaganda, not China; Kazakhstan's ban, then)
                kept = [c for c in chosen if contains(c[0].get("jurisdiction"), there)]
                if len(kept) < len(chosen):
                    inside = [b for b in ok if contains(b.get("jurisdiction"), there) and b.get("target") != "trading"
                              and (near(b) or _dated_sequence(b, mig))]
                    best = max(inside, key=lambda b: (_depth(b["jurisdiction"]), b.get("start") or 0)) if inside else None
                    chosen = kept or ([(best, 0.5, _place_word(best["jurisdiction"]))] if best else [])
            elif left is not None:
                mig["origin"], mig["origin_inferred"] = left["jurisdiction"], True
                if not chosen and si is not None and _distance(left, si) <= ARTICLE_MAX_SENTENCES \
                        and may_trigger(left, mig, published=published) is None:
                    chosen.append((left, 0.5, "province banned just before"))
        for b, conf, why in chosen:
            lag = days_between(b.get("date"), mig.get("date"))
            parts = [why]
            if (mig.get("origin") is None or mig.get("origin_inferred")) and origin:
                # (the origin the move was given, when a later step took another one)
                parts.append(f"origin taken as {mig.get('origin') or origin}")
            if b.get("date") and mig.get("date"):
                parts.append(f"migration {lag} days after the ban" if lag is not None
                             else f"migration ({mig['date']}) not before the ban ({b['date']})")
            else:
                parts.append("not earlier than the ban")
            links.append({"type": "TRIGGERED", "from": b["id"], "to": mig["id"], "confidence": conf,
                          "reason": "; ".join(parts), "lag_days": lag,
                          "cue": cue_words[0] if cue_words and "cue" in why else None, "scope": "article"})
    _story_origin(record, events)
    record["links"] = links
    return links


def _story_origin(record: dict, events: list[dict]) -> None:
    """Where the text places the moves it tells no province for:

    - a move from a country leaves the one province of that country the article names,
      when it names one ("… moved from Kazakhstan" in a story told in Pavlodar), unless
      the move stays inside that country;
    - a move that names no origin, and got none from a ban or an earlier move, leaves the
      province the article names most (at least twice, more than any other), else the
      article's own place when that is a province (``article.place``: the dateline's, the
      title's, see ``ingest.components.entities``); not when that province is where a
      move of the article goes, or holds this move's destination.

    Both are marked ``origin_inferred``."""
    told = Counter(e["canonical"] for e in record.get("entities", [])
                   if e.get("type") == "PROVINCE" and "-" in (e.get("canonical") or ""))
    moves = [e for e in events if e.get("type") == "MIGRATION" and e.get("destination")]
    for m in moves:
        origin = m.get("origin")
        if origin and "-" not in origin and not contains(origin, m["destination"]):
            inside = [p for p in told if p.split("-")[0] == origin]
            if len(inside) == 1:
                m["origin"], m["origin_inferred"] = inside[0], True
    top = told.most_common(2)
    if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
        here = top[0][0]
    elif "-" in (record.get("article", {}).get("place") or ""):
        here = record["article"]["place"]
    else:
        return
    dests = {m["destination"] for m in moves}
    if here in dests or here.split("-")[0] in dests:
        return  # (miners come to the article's province, or its country)
    for m in moves:
        dest = m["destination"]
        if m.get("origin") is None and not contains(here, dest) and dest != here.split("-")[0]:
            m["origin"], m["origin_inferred"] = here, True


def link_events(bans: "list[dict] | BanIndex", migrations: list[dict], *,
                existing: set | None = None) -> list[dict]:
    """Links across articles, from stored Ban / Migration properties.

    The migration must have a destination (:func:`link_record` ties one
    without it only to a ban of its own or the sentence before). Both dates
    must be known, the migration may not precede the ban and may
    follow it by at most :data:`CORPUS_MAX_LAG_DAYS`; the ban's jurisdiction
    must be or contain the migration's origin. Each migration gets at most one
    such link: to the most specific ban, then the most recent one before it
    (the first in ``bans`` order among equals). ``existing`` holds (ban id,
    migration id) pairs already linked, which are skipped.

    The bans of each place are sorted by date once (give a :class:`BanIndex`
    to link several lists of migrations to the same bans), so a migration
    looks only at the bans of its year: the cost grows as n log n with the
    corpus.
    """
    existing = existing or set()
    by_place = (bans if isinstance(bans, BanIndex) else BanIndex(bans)).by_place
    out = []
    for m in migrations:
        if m.get("industry") not in (None, "mining"):
            continue  # another industry's move: the corpus's bans are mining's
        origin, md = m.get("origin"), m.get("date")
        dm = parse_iso(md)
        if not origin or not m.get("destination") or not md or dm is None:
            continue  # (a departure with no destination is tied to a ban only by a cue, in its article)
        chain = [origin] + ([origin.split("-")[0]] if "-" in origin else [])
        best = None
        for pid in chain:
            place = by_place.get(pid)
            found = place.latest(m, dm.toordinal(), existing) if place else None
            if found is None:
                continue
            approx, b = found
            key = (_depth(pid), -approx)
            if best is None or key > best[0]:
                best = (key, b, days_between(b["date"], md))
        if best is None:
            continue
        (_, neg_approx), b, lag = best
        conf = round(0.5 - 0.2 * -neg_approx / CORPUS_MAX_LAG_DAYS, 2)
        after = f"migration {lag} days after the ban" if lag is not None else \
            f"migration ({md}) not before the ban ({b['date']})"
        out.append({"type": "TRIGGERED", "from": b["id"], "to": m["id"], "confidence": conf,
                    "reason": f"across articles; {_place_word(b['jurisdiction'])}; {after}",
                    "lag_days": lag, "cue": None, "scope": "corpus",
                    "article_id": m.get("article_id"), "start": m.get("start"), "end": m.get("end")})
    return out


class BanIndex:
    """Bans by jurisdiction and date, for :func:`link_events`; iterates over the bans given."""

    def __init__(self, bans: list[dict]):
        self.bans = bans
        self.by_place: dict[str, _PlaceBans] = {}
        for b in bans:
            if b.get("jurisdiction") and b.get("date") and b.get("status") != "planned" \
                    and b.get("target") != "trading":
                day = parse_iso(b["date"])
                if day is not None:  # an unreadable date never links
                    self.by_place.setdefault(b["jurisdiction"], _PlaceBans()).add(day.toordinal(), b)
        for place in self.by_place.values():
            place.sort()

    def __iter__(self):
        return iter(self.bans)

    def __len__(self) -> int:
        return len(self.bans)


class _PlaceBans:
    """The bans of one jurisdiction, by the first day of their date."""

    __slots__ = ("days", "rows")

    def __init__(self) -> None:
        self.days: list[int] = []
        self.rows: list[tuple[int, dict]] = []

    def add(self, day: int, ban: dict) -> None:
        self.rows.append((day, ban))

    def sort(self) -> None:
        self.rows.sort(key=lambda r: r[0])  # stable: bans of one day stay in input order
        self.days = [r[0] for r in self.rows]

    def latest(self, m: dict, day: int, existing: set) -> tuple[int, dict] | None:
        """The ban nearest before the migration (fewest days; may be negative
        when the migration's date is coarser, as 2021-06 for a ban of
        2021-06-15), as (days, ban); None if none is within the lag."""
        # a ban that is not certainly later than the migration starts before
        # the end of the migration's date (a year at most): look from there down
        hi = bisect_right(self.days, day + 366)
        lo = bisect_left(self.days, day - CORPUS_MAX_LAG_DAYS)
        md, aid = m.get("date"), m.get("article_id")
        i = hi - 1
        while i >= lo:
            bday = self.days[i]
            j = bisect_left(self.days, bday, lo, i + 1)  # the bans of that day, in input order
            for _, b in self.rows[j:i + 1]:
                if b.get("article_id") == aid or (b["id"], m["id"]) in existing:
                    continue
                if date_lt(md, b["date"]):
                    continue
                return day - bday, b
            i = j - 1
        return None
