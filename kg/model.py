"""The graph model: labels, relationship types, typed properties and ids.

This module is the one definition of the schema. Every store generates its
own DDL from :data:`NODES` and :data:`RELS` (LadybugDB node and relationship
tables, Neo4j uniqueness constraints), and :func:`record_to_batch` turns one
extraction record (see the contract) into the rows a store upserts.

Ids derive from content, never from chance, so that ingesting the same
article twice changes nothing:

- places: ISO 3166-1 alpha-2 / ISO 3166-2 codes (``KZ``, ``CN-SC``);
- other gazetteer entries: the gazetteer id (``BIT Mining``);
- entities found by cues only: ``type:normalised text``;
- DATE / CAPACITY values: ``date:2021-06``, ``capacity:320:machines``;
- articles: the id the input gave, else a hash of the normalised text;
- events: a hash of their arguments (:func:`event_id`).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from json.encoder import encode_basestring

__all__ = [
    "KEPT", "NODES", "RELS", "LABELS", "REL_TYPES", "GraphBatch", "event_id",
    "entity_node_id", "record_to_batch", "rel_id",
]

# label -> {property: type}. Types are the portable ones: STRING, INT64,
# DOUBLE, BOOLEAN. ``id`` is the key of every label.
NODES: dict[str, dict[str, str]] = {
    "Article": {
        "id": "STRING", "title": "STRING", "lang": "STRING", "published": "STRING",
        "source": "STRING", "url": "STRING", "content_hash": "STRING",
        "n_chars": "INT64", "text": "STRING",
    },
    "Entity": {
        "id": "STRING", "type": "STRING", "name": "STRING", "name_ar": "STRING",
        "name_en": "STRING", "country": "STRING", "parent": "STRING", "value": "STRING",
        "amount": "DOUBLE", "amount_max": "DOUBLE", "unit": "STRING",
        "mentions": "INT64", "articles": "INT64",
    },
    "Ban": {
        "id": "STRING", "jurisdiction": "STRING", "authority": "STRING",
        "date": "STRING", "target": "STRING", "status": "STRING",
        "article_id": "STRING", "sentence": "STRING", "start": "INT64", "end": "INT64",
    },
    "Migration": {
        "id": "STRING", "actor": "STRING", "origin": "STRING", "destination": "STRING",
        "destination_city": "STRING", "industry": "STRING", "origin_inferred": "BOOLEAN",
        "date": "STRING", "status": "STRING", "amount": "DOUBLE", "amount_max": "DOUBLE",
        "unit": "STRING", "article_id": "STRING", "sentence": "STRING",
        "start": "INT64", "end": "INT64",
    },
}

# Provenance carried by every relationship that comes from a text.
_PROV = {"id": "STRING", "article_id": "STRING", "start": "INT64", "end": "INT64",
         "sentence": "STRING"}

# type -> {"pairs": [(from_label, to_label)], "props": {...}}
RELS: dict[str, dict] = {
    "MENTIONS": {"pairs": [("Article", "Entity")],
                 "props": {**_PROV, "text": "STRING", "mention_start": "INT64",
                           "mention_end": "INT64"}},
    "REPORTS": {"pairs": [("Article", "Ban"), ("Article", "Migration")], "props": dict(_PROV)},
    "AUTHORITY": {"pairs": [("Ban", "Entity")], "props": dict(_PROV)},
    "JURISDICTION": {"pairs": [("Ban", "Entity")], "props": dict(_PROV)},
    "ACTOR": {"pairs": [("Migration", "Entity")], "props": dict(_PROV)},
    "ORIGIN": {"pairs": [("Migration", "Entity")], "props": dict(_PROV)},
    "DESTINATION": {"pairs": [("Migration", "Entity")], "props": dict(_PROV)},
    "QUANTITY": {"pairs": [("Migration", "Entity")], "props": dict(_PROV)},
    "LOCATED_IN": {"pairs": [("Entity", "Entity")], "props": {"id": "STRING", "source": "STRING"}},
    "TRIGGERED": {"pairs": [("Ban", "Migration")],
                  "props": {**_PROV, "confidence": "DOUBLE", "reason": "STRING",
                            "lag_days": "INT64", "cue": "STRING", "scope": "STRING"}},
}

# Properties the stores keep themselves, in the transaction that writes the
# relationships they count; a batch cannot set them. An entity's ``mentions``
# is its number of MENTIONS relationships, ``articles`` the number of
# distinct articles they come from (so listing entities by mentions does not
# count every relationship at query time). An entity nothing mentions has
# null for both.
KEPT: dict[str, tuple[str, ...]] = {"Entity": ("mentions", "articles")}

LABELS = frozenset(NODES)
REL_TYPES = frozenset(RELS)

PLACE_TYPES = ("COUNTRY", "PROVINCE", "CITY", "REGION")

# The schema as GraphBatch reads it for every row: a label's property names, and a
# relationship type's (from, to) label pairs and property names.
_NODE_PROPS = {label: tuple(props) for label, props in NODES.items()}
_REL_SPECS = {rtype: (frozenset(spec["pairs"]), tuple(spec["props"])) for rtype, spec in RELS.items()}


_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)
# How _JSON writes a value of these exact types inside a list (the string escaper is the
# one it calls itself); the parts of nearly every id are strings, None and ints.
_JSON_PART = {str: encode_basestring, type(None): lambda _: "null", int: int.__repr__}


def _h(*parts) -> str:
    try:
        raw = "[" + ", ".join([_JSON_PART[type(p)](p) for p in parts]) + "]"
    except KeyError:  # a float, a bool, a list...: the encoder itself
        raw = _JSON.encode(parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def rel_id(rtype: str, src: str, dst: str, *extra) -> str:
    """A deterministic relationship id (the MERGE key of every relationship)."""
    return _h(rtype, src, dst, *extra)


#: relationships of which there is one per pair of ends, however many sentences tell them
_ONE_PER_PAIR = frozenset({"TRIGGERED", "LOCATED_IN"})


def _rel_key(rtype: str, src: str, dst: str, props: dict) -> str:
    """A relationship's id when the batch gives none: its ends, and for one a sentence
    tells, where it is told (a MENTIONS id, by the mention's own offset, is given by
    :func:`record_to_batch` itself)."""
    if rtype in _ONE_PER_PAIR:
        return rel_id(rtype, src, dst)
    return rel_id(rtype, src, dst, props.get("article_id"), props.get("start"))


def _norm_text(s: str) -> str:
    from ingest.normalize import normalize_text  # late import: kg needs ingest only here
    return " ".join(normalize_text(s).lower().split())


def entity_node_id(ent: dict) -> str:
    """The node id of an extracted entity (see module docstring)."""
    t = ent.get("type")
    if t == "DATE":
        return f"date:{ent.get('value') or _norm_text(ent.get('text', ''))}"
    if t == "CAPACITY":
        v = ent.get("value") or {}
        amt = v.get("amount")
        if isinstance(amt, list):
            amt = "-".join(_num(a) for a in amt)
        elif amt is not None:
            amt = _num(amt)
        return f"capacity:{amt}:{v.get('unit')}"
    if ent.get("canonical"):
        return str(ent["canonical"])
    return f"{t.lower()}:{_norm_text(ent.get('text', ''))}"


def _num(x) -> str:
    f = float(x)
    return str(int(f)) if f.is_integer() else repr(f)


def event_id(ev: dict, actor_id: str | None = None, authority_id: str | None = None) -> str:
    """A hash of an event's arguments: the same ban reported twice is one node."""
    if ev["type"] == "BAN":
        return "ban:" + _h("BAN", ev.get("jurisdiction"), ev.get("date"), ev.get("target"),
                           ev.get("status"), authority_id)
    q = ev.get("quantity") or {}
    return "mig:" + _h("MIGRATION", actor_id, ev.get("origin"), ev.get("destination"),
                       ev.get("date"), ev.get("status"), q.get("amount"), q.get("unit"))


@dataclass
class GraphBatch:
    """Rows for one store transaction.

    ``nodes[label]`` is a list of property dicts (each with ``id``);
    ``rels[(type, from_label, to_label)]`` a list of dicts with ``src``,
    ``dst`` and the relationship's properties (each with ``id``).
    """
    nodes: dict[str, list[dict]] = field(default_factory=dict)
    rels: dict[tuple[str, str, str], list[dict]] = field(default_factory=dict)

    def add_node(self, label: str, props: dict) -> None:
        allowed = _NODE_PROPS.get(label)
        if allowed is None:
            raise ValueError(f"unknown label {label!r}")
        self.nodes.setdefault(label, []).append({k: props.get(k) for k in allowed})

    def add_rel(self, rtype: str, src_label: str, src: str, dst_label: str, dst: str,
                props: dict | None = None) -> None:
        spec = _REL_SPECS.get(rtype)
        if spec is None or (src_label, dst_label) not in spec[0]:
            raise ValueError(f"unknown relationship {src_label}-[{rtype}]->{dst_label}")
        props = props or {}
        row = {k: props.get(k) for k in spec[1]}
        if row.get("id") is None:
            row["id"] = _rel_key(rtype, src, dst, props)
        row["src"], row["dst"] = src, dst
        self.rels.setdefault((rtype, src_label, dst_label), []).append(row)

    def rekey(self, mapping: dict[str, str]) -> "GraphBatch":
        """Give the ban and migration nodes in ``mapping`` their new ids, and the
        relationships that touch them new ends and ids (rows are copied, not changed:
        the articles' own batches keep theirs). Call :meth:`dedupe` after it."""
        for label in ("Ban", "Migration"):
            self.nodes[label] = [dict(r, id=mapping[r["id"]]) if r["id"] in mapping else r
                                 for r in self.nodes.get(label, [])]
        for (rtype, a, b), rows in self.rels.items():
            if a not in ("Ban", "Migration") and b not in ("Ban", "Migration"):
                continue
            out = []
            for r in rows:
                if r["src"] in mapping or r["dst"] in mapping:
                    src, dst = mapping.get(r["src"], r["src"]), mapping.get(r["dst"], r["dst"])
                    r = dict(r, src=src, dst=dst, id=_rel_key(rtype, src, dst, r))
                out.append(r)
            self.rels[(rtype, a, b)] = out
        return self

    def dedupe(self) -> "GraphBatch":
        """Keep the first row of every id (merging non-null properties)."""
        for label, rows in self.nodes.items():
            seen: dict[str, dict] = {}
            for r in rows:
                first = seen.get(r["id"])
                if first is None:
                    seen[r["id"]] = dict(r)
                    continue
                for k, v in r.items():
                    if v is not None and first.get(k) is None:
                        first[k] = v
            self.nodes[label] = list(seen.values())
        for key, rows in self.rels.items():
            seen = {}
            for r in rows:
                seen.setdefault(r["id"], r)
            self.rels[key] = list(seen.values())
        return self

    def extend(self, other: "GraphBatch") -> "GraphBatch":
        for label, rows in other.nodes.items():
            self.nodes.setdefault(label, []).extend(rows)
        for key, rows in other.rels.items():
            self.rels.setdefault(key, []).extend(rows)
        return self

    def counts(self) -> dict[str, int]:
        return {"nodes": sum(len(r) for r in self.nodes.values()),
                "relationships": sum(len(r) for r in self.rels.values())}


def _entity_props(ent: dict, node_id: str) -> dict:
    p = {"id": node_id, "type": ent["type"], "name": ent.get("name") or ent.get("text"),
         "name_ar": ent.get("name_ar"), "name_en": ent.get("name_en"),
         "country": ent.get("country")}
    if ent["type"] == "DATE":
        p["value"] = ent.get("value")
        p["name"] = ent.get("value") or ent.get("text")
    elif ent["type"] == "CAPACITY":
        v = ent.get("value") or {}
        amt = v.get("amount")
        p["unit"] = v.get("unit")
        if isinstance(amt, list):
            p["amount"], p["amount_max"] = float(amt[0]), float(amt[-1])
        elif amt is not None:
            p["amount"] = p["amount_max"] = float(amt)
        p["value"] = json.dumps(v, ensure_ascii=False, sort_keys=True)
        p["name"] = ent.get("text")
    return p


def record_to_batch(rec: dict, places: dict | None = None) -> GraphBatch:
    """Turn one extraction record into the nodes and relationships to upsert.

    ``places`` maps a place id to ``{"name", "name_ar", "name_en", "type",
    "parent"}`` (the gazetteer) so that a migration's origin and destination
    nodes exist even when the text names them only through an argument, and
    so that LOCATED_IN edges join provinces to their countries.
    """
    places = places or {}
    b = GraphBatch()
    art = rec["article"]
    aid = art["id"]
    text = art.get("text")
    b.add_node("Article", {**art, "n_chars": len(text) if text else art.get("n_chars")})

    node_of: dict[str, str] = {}
    for ent in rec.get("entities", []):
        nid = entity_node_id(ent)
        node_of[ent["id"]] = nid
        b.add_node("Entity", _entity_props(ent, nid))
        b.add_rel("MENTIONS", "Article", aid, "Entity", nid, {
            "id": rel_id("MENTIONS", aid, nid, ent.get("start")),
            "article_id": aid, "start": ent.get("sentence_start"), "end": ent.get("sentence_end"),
            "sentence": ent.get("sentence"), "text": ent.get("text"),
            "mention_start": ent.get("start"), "mention_end": ent.get("end")})

    def place_node(pid: str) -> str:
        info = places.get(pid, {})
        b.add_node("Entity", {"id": pid, "type": info.get("type", "COUNTRY" if len(pid) == 2 else "PROVINCE"),
                              "name": info.get("name") or pid, "name_ar": info.get("name_ar"),
                              "name_en": info.get("name_en") or info.get("name"),
                              "country": info.get("country")})
        return pid

    ev_node: dict[str, tuple[str, str]] = {}
    for ev in rec.get("events", []):
        prov = {"article_id": aid, "start": ev.get("start"), "end": ev.get("end"),
                "sentence": ev.get("sentence")}
        if ev["type"] == "BAN":
            auth = node_of.get(ev.get("authority") or "")
            vid = event_id(ev, authority_id=auth)
            ev_node[ev["id"]] = ("Ban", vid)
            b.add_node("Ban", {"id": vid, "jurisdiction": ev.get("jurisdiction"),
                               "authority": _ent_text(rec, ev.get("authority")),
                               "date": ev.get("date"), "target": ev.get("target"),
                               "status": ev.get("status") or "enacted", **prov})
            b.add_rel("REPORTS", "Article", aid, "Ban", vid, prov)
            _more_reports(b, rec, aid, "Ban", vid, ev)
            if auth:
                b.add_rel("AUTHORITY", "Ban", vid, "Entity", auth, prov)
            if ev.get("jurisdiction"):
                b.add_rel("JURISDICTION", "Ban", vid, "Entity", place_node(ev["jurisdiction"]), prov)
        elif ev["type"] == "MIGRATION":
            actor = node_of.get(ev.get("actor") or "")
            # words naming a group ("miners", "المعدنون") are kept on the node but
            # are not part of its id: they name no one thing and differ by language
            vid = event_id(ev, actor_id=actor)
            ev_node[ev["id"]] = ("Migration", vid)
            q = ev.get("quantity") or {}
            amt = q.get("amount")
            lo = hi = None
            if isinstance(amt, list):
                lo, hi = float(amt[0]), float(amt[-1])
            elif amt is not None:
                lo = hi = float(amt)
            b.add_node("Migration", {"id": vid, "actor": _ent_text(rec, ev.get("actor")) or ev.get("actor_text"),
                                     "origin": ev.get("origin"), "destination": ev.get("destination"),
                                     "destination_city": ev.get("destination_city"),
                                     "industry": ev.get("industry"),
                                     "origin_inferred": bool(ev.get("origin_inferred")) if ev.get("origin") else None,
                                     "date": ev.get("date"), "status": ev.get("status"),
                                     "amount": lo, "amount_max": hi, "unit": q.get("unit"), **prov})
            b.add_rel("REPORTS", "Article", aid, "Migration", vid, prov)
            _more_reports(b, rec, aid, "Migration", vid, ev)
            if actor:
                b.add_rel("ACTOR", "Migration", vid, "Entity", actor, prov)
            for role, key in (("ORIGIN", "origin"), ("DESTINATION", "destination")):
                if ev.get(key):
                    b.add_rel(role, "Migration", vid, "Entity", place_node(ev[key]), prov)
            qent = node_of.get(ev.get("quantity_entity") or "")
            if qent:
                b.add_rel("QUANTITY", "Migration", vid, "Entity", qent, prov)

    for link in rec.get("links", []):
        src, dst = ev_node.get(link["from"]), ev_node.get(link["to"])
        if not src or not dst:
            continue
        mig = next((e for e in rec["events"] if e["id"] == link["to"]), {})
        b.add_rel("TRIGGERED", "Ban", src[1], "Migration", dst[1], {
            "article_id": aid, "start": mig.get("start"), "end": mig.get("end"),
            "sentence": mig.get("sentence"), "confidence": link.get("confidence"),
            "reason": link.get("reason"), "lag_days": link.get("lag_days"),
            "cue": link.get("cue"), "scope": link.get("scope", "article")})

    # containment of every place node this batch touches (each chain walked once)
    seen: set[str] = set()
    for pid in dict.fromkeys(row["id"] for row in b.nodes.get("Entity", [])):
        while pid in places and places[pid].get("parent") and pid not in seen:
            seen.add(pid)
            parent = places[pid]["parent"]
            place_node(parent)
            b.add_rel("LOCATED_IN", "Entity", pid, "Entity", parent,
                      {"source": "gazetteer"})
            # merged into the place's row by dedupe: the places query reads both
            b.add_node("Entity", {"id": pid, "parent": parent, "country": places[pid].get("country")})
            pid = parent
    return b.dedupe()


def _more_reports(b: GraphBatch, rec: dict, aid: str, label: str, vid: str, ev: dict) -> None:
    """One REPORTS relationship for every other sentence that tells the same event."""
    text = rec["article"].get("text")
    for m in ev.get("mentions", []):
        b.add_rel("REPORTS", "Article", aid, label, vid, {
            "article_id": aid, "start": m.get("start"), "end": m.get("end"),
            "sentence": text[m["start"]:m["end"]] if text and m.get("start") is not None else None})


def _ent_text(rec: dict, eid: str | None) -> str | None:
    if not eid:
        return None
    for e in rec.get("entities", []):
        if e["id"] == eid:
            return e.get("name") or e.get("canonical") or e.get("text")
    return eid
