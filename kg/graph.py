"""Read a store into a :class:`networkx.MultiDiGraph`, with filters.

Every export and picture (:mod:`kg.export`) starts from the graph this
module builds, so they all take the same filters:

``country``
    an ISO code (``CN``, ``CN-SC``). A BAN is kept when its jurisdiction is
    that place or inside it, a MIGRATION when its origin or destination is.
    "Inside" means the id starts with ``CN-``, or the place node's
    ``country`` property is ``CN``, or it is ``LOCATED_IN`` it (up to three
    hops).
``since`` / ``until``
    ISO dates compared as strings with the events' dates (``2021-06`` is
    kept by ``until="2021-06-30"``). Undated events are dropped when either
    is given.
``types``
    entity types (``PROVINCE``, ``COMPANY`` …) and/or event types (``BAN``,
    ``MIGRATION``) to keep. Event types filter events, entity types filter
    entities; a kind that the list does not mention is not filtered.

When a filter on events is given, only the entities linked to a kept event
(as authority, jurisdiction, actor, origin, destination or quantity) and
the articles reporting one are kept. Edges are kept when both ends are.

The queries use only the portable Cypher subset
(``MATCH``/``WHERE``/``EXISTS``/``IN $list``/``STARTS WITH``), labels and
relationship types come from :data:`kg.model.NODES` and
:data:`kg.model.RELS`, and every value is a parameter.

Examples
--------
>>> from kg.stores.ladybug import LadybugStore      # doctest: +SKIP
>>> G = to_networkx(LadybugStore("kg.db"), country="CN", since="2021")  # doctest: +SKIP
>>> sorted({d["label"] for _, d in G.nodes(data=True)})  # doctest: +SKIP
['Article', 'Ban', 'Entity', 'Migration']
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.errors import QueryError
from kg.model import NODES, PLACE_TYPES, RELS

__all__ = ["EVENT_TYPES", "EVENT_LABELS", "to_networkx", "event_places", "place_country"]

#: event type -> node label
EVENT_LABELS = {"BAN": "Ban", "MIGRATION": "Migration"}
EVENT_TYPES = frozenset(EVENT_LABELS)

# The place arguments of each event label (property, relationship type).
_PLACE_ARGS = {
    "Ban": (("jurisdiction", "JURISDICTION"),),
    "Migration": (("origin", "ORIGIN"), ("destination", "DESTINATION")),
}
# Article.text is left out: an export carries sentences, not whole articles.
_SKIP_PROPS = {"Article": {"text"}}


def _props(label: str) -> list[str]:
    return [p for p in NODES[label] if p not in _SKIP_PROPS.get(label, ())]


def _return_clause(var: str, props: Iterable[str]) -> str:
    # back-quoted: ``end``, ``start`` and ``date`` are keywords somewhere
    return ", ".join(f"{var}.`{p}` AS `{p}`" for p in props)


def _run(store, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        return store.query(cypher, params)
    except QueryError:
        raise
    except Exception as exc:  # a backend error: say which query failed
        raise QueryError(f"export query failed: {exc}\n{cypher}") from exc


def place_country(place_id: str | None) -> str | None:
    """The ISO 3166-1 country part of a place id (``CN-SC`` -> ``CN``), or None.

    >>> place_country("CN-SC"), place_country("KZ"), place_country("city:boston")
    ('CN', 'KZ', None)
    """
    if not place_id:
        return None
    head = place_id.split("-", 1)[0]
    return head if len(head) == 2 and head.isalpha() and head.isupper() else None


def event_places(attrs: dict) -> list[str]:
    """The place ids an event node names (jurisdiction, origin, destination)."""
    return [attrs[k] for k in ("jurisdiction", "origin", "destination") if attrs.get(k)]


def _event_query(label: str, *, country: str | None, since: str | None,
                 until: str | None) -> tuple[str, dict[str, Any]]:
    """The MATCH of one event label with the filter fragments it needs."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if country:
        params["country"] = country
        params["prefix"] = country + "-"
        alts = []
        for prop, rtype in _PLACE_ARGS[label]:
            alts.append(f"ev.{prop} = $country")
            alts.append(f"ev.{prop} STARTS WITH $prefix")
            alts.append(f"EXISTS {{ MATCH (ev)-[:{rtype}]->(p:Entity) WHERE p.country = $country }}")
            alts.append(f"EXISTS {{ MATCH (ev)-[:{rtype}]->(p:Entity)-[:LOCATED_IN*1..3]->(c:Entity) "
                        f"WHERE c.id = $country }}")
        where.append("(" + " OR ".join(alts) + ")")
    if since:
        params["since"] = since
        where.append("ev.date IS NOT NULL AND ev.date >= $since")
    if until:
        params["until"] = until
        where.append("ev.date IS NOT NULL AND ev.date <= $until")
    cypher = f"MATCH (ev:{label})"
    if where:
        cypher += " WHERE " + " AND ".join(where)
    cypher += " RETURN " + _return_clause("ev", _props(label))
    return cypher, params


def _event_name(label: str, p: dict) -> str:
    if label == "Ban":
        bits = ["Ban", p.get("jurisdiction") or "?"]
        if p.get("target"):
            bits.append(f"({p['target']})")
    else:
        bits = ["Migration", f"{p.get('origin') or '?'} \u2192 {p.get('destination') or '?'}"]
        if p.get("actor"):
            bits.append(f"(\u2068{p['actor']}\u2069)")  # isolated: an Arabic actor keeps its place
    if p.get("date"):
        bits.append(str(p["date"]))
    return " ".join(bits)


def to_networkx(store, *, country: str | None = None, since: str | None = None,
                until: str | None = None, types: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Build a MultiDiGraph from a store, keeping what the filters select.

    Parameters
    ----------
    store : kg.stores.base.Store
        Any store (``LadybugStore``, ``Neo4jStore``).
    country : str, optional
        ISO 3166-1/-2 code; keep events in that place (see module docstring).
    since, until : str, optional
        ISO dates (any precision), inclusive, compared as strings.
    types : iterable of str, optional
        Entity and/or event types to keep (``BAN``, ``MIGRATION``, ``PROVINCE`` …).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by their store id, with ``label``, ``type``, ``name``,
        ``name_ar``, ``name_en``, ``date`` and the stored properties (None
        values left out); event nodes also carry ``article_title``,
        ``article_source`` and ``article_url``. Edges keyed by relationship
        id with ``type`` and the relationship's properties.
        ``G.graph["filters"]`` records the filters.
    """
    type_set = {t.upper() for t in (types or ())}
    event_types = type_set & EVENT_TYPES
    entity_types = type_set - EVENT_TYPES
    event_filter = bool(country or since or until or event_types)
    filtered = event_filter or bool(entity_types)

    G = nx.MultiDiGraph()
    G.graph["filters"] = {"country": country, "since": since, "until": until,
                          "types": sorted(type_set) or None}

    # 1. events
    kept: dict[str, dict[str, dict]] = {}
    for etype, label in EVENT_LABELS.items():
        if event_types and etype not in event_types:
            kept[label] = {}
            continue
        cypher, params = _event_query(label, country=country, since=since, until=until)
        kept[label] = {r["id"]: r for r in _run(store, cypher, params)}
    event_ids = [i for label in EVENT_LABELS.values() for i in kept[label]]

    # 2. entities
    ent_props = _props("Entity")
    if event_filter:
        rows: dict[str, dict] = {}
        for label, args in (("Ban", ("AUTHORITY", "JURISDICTION")),
                            ("Migration", ("ACTOR", "ORIGIN", "DESTINATION", "QUANTITY"))):
            ids = list(kept[label])
            if not ids:
                continue
            for rtype in args:
                cypher = (f"MATCH (ev:{label})-[:{rtype}]->(e:Entity) WHERE ev.id IN $ids "
                          f"RETURN DISTINCT " + _return_clause("e", ent_props))
                for r in _run(store, cypher, {"ids": ids}):
                    rows[r["id"]] = r
    else:
        rows = {r["id"]: r for r in _run(store, "MATCH (e:Entity) RETURN "
                                         + _return_clause("e", ent_props), {})}
    if entity_types:
        rows = {k: r for k, r in rows.items() if (r.get("type") or "").upper() in entity_types}
    kept["Entity"] = rows

    # 3. articles
    art_props = _props("Article")
    if filtered:
        arts: dict[str, dict] = {}
        if event_ids:
            for label in EVENT_LABELS.values():
                ids = list(kept[label])
                if not ids:
                    continue
                cypher = (f"MATCH (a:Article)-[:REPORTS]->(ev:{label}) WHERE ev.id IN $ids "
                          "RETURN DISTINCT " + _return_clause("a", art_props))
                for r in _run(store, cypher, {"ids": ids}):
                    arts[r["id"]] = r
        if not event_filter and kept["Entity"]:
            cypher = ("MATCH (a:Article)-[:MENTIONS]->(e:Entity) WHERE e.id IN $ids "
                      "RETURN DISTINCT " + _return_clause("a", art_props))
            for r in _run(store, cypher, {"ids": list(kept["Entity"])}):
                arts[r["id"]] = r
    else:
        arts = {r["id"]: r for r in _run(store, "MATCH (a:Article) RETURN "
                                         + _return_clause("a", art_props), {})}
    kept["Article"] = arts
    # article info for events whose article was kept or not
    art_info = dict(arts)
    missing = {p.get("article_id") for label in EVENT_LABELS.values() for p in kept[label].values()}
    missing = [m for m in missing if m and m not in art_info]
    if missing:
        cypher = "MATCH (a:Article) WHERE a.id IN $ids RETURN " + _return_clause("a", art_props)
        art_info.update({r["id"]: r for r in _run(store, cypher, {"ids": missing})})

    # 4. nodes
    key_of: dict[tuple[str, str], str] = {}
    for label in ("Article", "Entity", "Ban", "Migration"):
        for sid, props in kept[label].items():
            key = sid if sid not in G else f"{label}:{sid}"
            key_of[(label, sid)] = key
            G.add_node(key, **_node_attrs(label, props, art_info))

    # 5. edges
    for rtype, spec in RELS.items():
        rprops = list(spec["props"])
        for src_label, dst_label in spec["pairs"]:
            src_ids, dst_ids = list(kept[src_label]), list(kept[dst_label])
            if not src_ids or not dst_ids:
                continue
            cypher = f"MATCH (a:{src_label})-[r:{rtype}]->(b:{dst_label})"
            params: dict[str, Any] = {}
            if filtered:
                cypher += " WHERE a.id IN $src AND b.id IN $dst"
                params = {"src": src_ids, "dst": dst_ids}
            cypher += " RETURN a.id AS src__, b.id AS dst__, " + _return_clause("r", rprops)
            for r in _run(store, cypher, params):
                s, d = key_of.get((src_label, r.pop("src__"))), key_of.get((dst_label, r.pop("dst__")))
                if s is None or d is None:
                    continue
                attrs = {k: v for k, v in r.items() if v is not None}
                attrs["type"] = rtype
                G.add_edge(s, d, key=attrs.get("id") or f"{rtype}:{s}:{d}", **attrs)
    return G


def _node_attrs(label: str, props: dict, art_info: dict[str, dict]) -> dict:
    p = {k: v for k, v in props.items() if v is not None}
    attrs: dict[str, Any] = {"label": label}
    if label == "Entity":
        attrs["type"] = p.get("type") or "ENTITY"
        attrs["name"] = p.get("name") or p.get("name_en") or p.get("name_ar") or p["id"]
        if attrs["type"] == "DATE" and p.get("value"):
            attrs["date"] = p["value"]
    elif label == "Article":
        attrs["type"] = "ARTICLE"
        attrs["name"] = p.get("title") or p.get("source") or p["id"]
        if p.get("published"):
            attrs["date"] = p["published"]
    else:
        attrs["type"] = "BAN" if label == "Ban" else "MIGRATION"
        attrs["name"] = _event_name(label, p)
        art = art_info.get(p.get("article_id") or "")
        if art:
            for k in ("title", "source", "url", "published"):
                if art.get(k) is not None:
                    attrs[f"article_{k}"] = art[k]
    for k, v in p.items():
        attrs.setdefault(k, v)
    if label in ("Ban", "Migration") and p.get("date"):
        attrs["date"] = p["date"]
    if label == "Entity" and attrs["type"] in PLACE_TYPES and "country" not in attrs:
        c = place_country(p["id"])
        if c:
            attrs["country"] = c
    return attrs
