"""Turn a processed Doc into an extraction record (shared/contract/extraction-record.md)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ingest.components.sentences import sentence_of
from ingest.gazetteer import names

__all__ = ["doc_to_record"]


def _canonical(span: Span) -> str | None:
    return span.kb_id_ or None


def doc_to_record(doc: Doc, article: dict) -> dict:
    """The record of one article: its entities, events (links are added in kg/)."""
    gaz = names()
    ents = list(doc.spans.get("entities", []))
    # one canonical per person: the longest name ending with the same word
    person_full: dict[str, str] = {}
    for sp in ents:
        if sp.label_ == "PERSON":
            key = sp[-1].norm_
            if len(sp.text) > len(person_full.get(key, "")):
                person_full[key] = sp.text
    out_ents: list[dict] = []
    unresolved: list[dict] = []
    ids: dict[tuple, str] = {}
    for sp in ents:
        if sp.label_ == "DATE" and not sp._.kg_value:
            # a relative date with no publication date to resolve it: kept aside, not a node
            unresolved.append({"text": sp.text, "start": sp.start_char, "end": sp.end_char})
            continue
        if sp.label_ in ("COUNTRY", "PROVINCE", "CITY", "REGION", "COMPANY", "ORGANIZATION", "REGULATOR") and \
                sp.text[:1].isascii() and sp.text[:1].islower() and _canonical(sp) \
                and not _canonical(sp).startswith("authorities:"):
            # a gazetteer name in lower case is a common word ("china", "turkey")
            continue
        eid = f"e{len(out_ents) + 1}"
        ids[(sp.start_char, sp.end_char, sp.label_)] = eid
        sent = sentence_of(doc, sp)
        text, end = sp.text, sp.end_char
        while text and text[-1] in ".,;:" and (text[:1].isascii() or text[-2:-1].isascii()) and sp.label_ not in ("DATE", "CAPACITY"):
            text, end = text[:-1], end - 1
        rec = {"id": eid, "type": sp.label_, "text": text, "start": sp.start_char, "end": end,
               "sentence_start": sent.start_char, "sentence_end": sent.end_char}
        canon = _canonical(sp)
        if sp.label_ in ("DATE", "CAPACITY"):
            rec["value"] = sp._.kg_value
        else:
            if sp.label_ == "PERSON" and not canon:
                full = person_full.get(sp[-1].norm_)
                canon = None
                rec["name"] = full or sp.text
            info = gaz.get(canon or "", {})
            rec["canonical"] = canon
            if canon and canon.startswith("authorities:"):
                place = gaz.get(canon.split(":", 1)[1], {})
                rec["name"] = f"authorities of {place.get('en') or canon.split(':', 1)[1]}"
            else:
                rec.setdefault("name", info.get("en") or sp.text)
            if info.get("ar"):
                rec["name_ar"] = info["ar"]
            if info.get("country"):
                rec["country"] = info["country"]
        out_ents.append(rec)

    def eid_of(sp: Span | None) -> str | None:
        if sp is None:
            return None
        return ids.get((sp.start_char, sp.end_char, sp.label_))

    events = []
    for ev in doc._.events or []:
        e = {k: v for k, v in ev.items() if not k.startswith("_")}
        if ev["type"] == "BAN":
            e["authority"] = eid_of(ev.get("_authority_span"))
        else:
            e["actor"] = eid_of(ev.get("_actor_span"))
            e["quantity_entity"] = eid_of(ev.get("_quantity_span"))
        events.append(e)
    article = dict(article)
    article.setdefault("place", doc._.salient_place)
    return {"article": article, "entities": out_ents, "events": events, "links": [],
            "unresolved_dates": unresolved}
