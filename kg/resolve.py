"""Event resolution: one node per ban and per migration, however many articles report it.

An event's id is a hash of its arguments (:func:`kg.model.event_id`), so two
reports agree on the node only when they agree on every argument. Articles
rarely do: one dates BIT Mining's shipment of 320 machines from Sichuan to
Kazakhstan "2021-06-21", another "this week" (no date), a third names the
authority of the Sichuan ban where the first does not. Without this step each
report would be a node of its own and ``flows`` would count 640 machines.

Before a group of articles is written, :func:`resolve_events` gives each ban
and migration of the batch the id of the one event, already stored or told by
an earlier article of the batch, that it *reports again*:

- a ban: the same jurisdiction, target and status; dates and authorities that
  do not contradict (equal, one a prefix of the other, or one missing);
- a migration: the same actor (a named entity: words for a group of movers
  name no one thing), origin, destination, status and industry; dates and
  quantities that do not contradict.

Only a single such event is taken; where two or more fit ("June 2021" when
bans of June 4 and June 18 are stored) the report stays a node of its own.
Two events of one article are never merged (the pipeline already keeps one
per argument set there). The first report's properties win and the later
ones fill what it left empty, as for any node; within a batch the event is
compared in that filled form too, so a batch gives the nodes its articles give
one group at a time. The result depends on the order articles arrive in, as
"the first value written wins" does.

The look-ups are two read queries per group, in the Cypher both stores run.
"""
from __future__ import annotations

from kg.model import GraphBatch

__all__ = ["resolve_events"]

_BANS = """
MATCH (j:Entity) WHERE j.id IN $places
MATCH (b:Ban)-[:JURISDICTION]->(j)
OPTIONAL MATCH (b)-[:AUTHORITY]->(a:Entity)
RETURN DISTINCT b.id AS id, b.jurisdiction AS place, b.target AS target, b.status AS status,
       b.date AS date, a.id AS authority
"""

_MIGRATIONS = """
MATCH (a:Entity) WHERE a.id IN $actors
MATCH (m:Migration)-[:ACTOR]->(a)
RETURN DISTINCT m.id AS id, a.id AS actor, m.origin AS origin, m.destination AS destination,
       m.status AS status, m.industry AS industry, m.date AS date, m.amount AS amount,
       m.amount_max AS amount_max, m.unit AS unit
"""

# the arguments that must be equal, and those that may be missing on one side
_SAME = {"Ban": ("place", "target", "status"),
         "Migration": ("actor", "origin", "destination", "status", "industry")}
_FITS = {"Ban": ("authority",), "Migration": ("amount", "amount_max", "unit")}


def _fits(a, b) -> bool:
    return a is None or b is None or a == b


def _dates_fit(a: str | None, b: str | None) -> bool:
    """"2021-06" and "2021-06-18" fit; "2021-06" and "2021-07" do not."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _compatible(label: str, x: dict, y: dict) -> bool:
    return (all(x.get(k) == y.get(k) for k in _SAME[label])
            and all(_fits(x.get(k), y.get(k)) for k in _FITS[label])
            and _dates_fit(x.get("date"), y.get("date")))


def _batch_events(batch: GraphBatch) -> dict[str, list[dict]]:
    """The batch's bans and migrations as the fields resolution compares, in batch
    order, each with the set of articles that report it."""
    ends: dict[str, dict[str, str]] = {"AUTHORITY": {}, "ACTOR": {}}
    reporters: dict[str, set[str]] = {}
    for (rtype, _, _), rows in batch.rels.items():
        if rtype in ends:
            for r in rows:
                ends[rtype].setdefault(r["src"], r["dst"])
        elif rtype == "REPORTS":
            for r in rows:
                reporters.setdefault(r["dst"], set()).add(r["src"])
    out: dict[str, list[dict]] = {"Ban": [], "Migration": []}
    for row in batch.nodes.get("Ban", []):
        if not row.get("jurisdiction"):
            continue  # a ban of no known place: nothing says two such are one
        out["Ban"].append({k: row.get(k) for k in ("id", "target", "status", "date")}
                          | {"place": row["jurisdiction"], "authority": ends["AUTHORITY"].get(row["id"]),
                             "articles": reporters.get(row["id"], set())})
    for row in batch.nodes.get("Migration", []):
        actor = ends["ACTOR"].get(row["id"])
        if actor is None or not row.get("destination"):
            continue  # no one thing moves, or it goes nowhere the text says: nothing to match
        out["Migration"].append({k: row.get(k) for k in ("id", "date", *_SAME["Migration"], *_FITS["Migration"])}
                                | {"actor": actor, "articles": reporters.get(row["id"], set())})
    return out


class _Kin:
    """Events whose equal-arguments agree, by date, so that finding the ones a
    date fits looks at each distinct date once, not at every event."""

    __slots__ = ("by_date",)

    def __init__(self) -> None:
        self.by_date: dict[str | None, list[dict]] = {}  # date (None: none) -> events

    def add(self, ev: dict) -> None:
        self.by_date.setdefault(ev.get("date") or None, []).append(ev)

    def fill(self, ev: dict, report: dict, fields: tuple[str, ...]) -> None:
        """Fill what ``ev`` leaves empty from a report of it, as the store will (the first
        value wins, later ones fill the gaps), so that later reports are compared with
        the event as it is written ("2022-10-18" filled in an undated ban takes
        "2021-01" out of its reach, as it does when the two arrive in two groups)."""
        old = ev.get("date") or None
        for k in ("date", *fields):
            if ev.get(k) is None and report.get(k) is not None:
                ev[k] = report[k]
        new = ev.get("date") or None
        if new != old:
            self.by_date[old].remove(ev)
            self.by_date.setdefault(new, []).append(ev)

    def dated(self, date: str | None):
        """The events whose date fits ``date`` (:func:`_dates_fit`), undated first."""
        yield from self.by_date.get(None, ())
        for d, evs in self.by_date.items():
            if d is not None and _dates_fit(d, date):
                yield from evs


def _fitting(label: str, ev: dict, kin: _Kin) -> list[dict]:
    """``kin``'s events that ``ev`` may report again (one per id), up to two: one is
    taken, two or more leave ``ev`` a node of its own."""
    fit: dict[str, dict] = {}
    for p in kin.dated(ev.get("date")):
        if p["id"] not in fit and _compatible(label, ev, p) and not (ev["articles"] & p["articles"]):
            fit[p["id"]] = p
            if len(fit) > 1:
                break
    return list(fit.values())


def resolve_events(store, batch: GraphBatch) -> GraphBatch:
    """Re-key the batch's events that report an event already stored or told by an
    earlier article of the batch (see the module docstring); returns the batch."""
    events = _batch_events(batch)
    mapping: dict[str, str] = {}
    stored = frozenset()  # the articles of a stored event: none of the batch's
    for label, query, arg, key in (("Ban", _BANS, "places", "place"),
                                   ("Migration", _MIGRATIONS, "actors", "actor")):
        mine = events[label]
        wanted = sorted({e[key] for e in mine if e[key]})
        if not wanted:
            continue
        same = _SAME[label]
        pool: dict[tuple, _Kin] = {}  # the events that may be reported again, by what must be equal
        known: set[str] = set()
        for r in store.query(query, {arg: wanted}):
            r["articles"] = stored
            pool.setdefault(tuple(r.get(k) for k in same), _Kin()).add(r)
            known.add(r["id"])
        for ev in mine:
            if ev["id"] in known or ev["id"] in mapping:
                continue  # the same arguments: the same node already
            kin = pool.setdefault(tuple(ev.get(k) for k in same), _Kin())
            fit = _fitting(label, ev, kin)
            if len(fit) == 1:
                mapping[ev["id"]] = fit[0]["id"]
                kin.fill(fit[0], ev, _FITS[label])
            else:
                kin.add(ev)
                known.add(ev["id"])
    return batch.rekey(mapping).dedupe() if mapping else batch
