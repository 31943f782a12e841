"""Turn a processed Doc into an extraction record (shared/contract/extraction-record.md)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ingest.components.sentences import doc_text, entity_spans, sentence_at, token_view
from ingest.gazetteer import names

__all__ = ["doc_to_record"]


def _canonical(span: Span) -> str | None:
    return span.kb_id_ or None


def doc_to_record(doc: Doc, article: dict) -> dict:
    """The record of one article: its entities, events (links are added in kg/)."""
    gaz = names()
    # each span with its label, text and last token's NORM, read once (a Span builds
    # Token objects for its text and its tokens on every access)
    full_text, norms = doc_text(doc), token_view(doc)["norm"]
    ents = [(sp, sp.label_, full_text[sp.start_char:sp.end_char], norms[sp.end - 1])
            for sp in entity_spans(doc)]
    # one canonical per person: the longest name ending with the same word
    person_full: dict[str, str] = {}
    for sp, label, sp_text, last_norm in ents:
        if label == "PERSON":
            if len(sp_text) > len(person_full.get(last_norm, "")):
                person_full[last_norm] = sp_text
    out_ents: list[dict] = []
    unresolved: list[dict] = []
    ids: dict[tuple, str] = {}
    for sp, label, sp_text, last_norm in ents:
        if label == "DATE" and not sp._.kg_value:
            # a relative date with no publication date to resolve it: kept aside, not a node
            unresolved.append({"text": sp_text, "start": sp.start_char, "end": sp.end_char})
            continue
        if label in ("COUNTRY", "PROVINCE", "CITY", "REGION", "COMPANY", "ORGANIZATION", "REGULATOR") and \
                sp_text[:1].isascii() and sp_text[:1].islower() and _canonical(sp) \
                and not _canonical(sp).startswith("authorities:"):
            # a gazetteer name in lower case is a common word ("china", "turkey")
            continue
        eid = f"e{len(out_ents) + 1}"
        ids[(sp.start_char, sp.end_char, label)] = eid
        sent = sentence_at(doc, sp.start)
        text, end = sp_text, sp.end_char
        while text and text[-1] in ".,;:" and (text[:1].isascii() or text[-2:-1].isascii()) and label not in ("DATE", "CAPACITY"):
            text, end = text[:-1], end - 1
        rec = {"id": eid, "type": label, "text": text, "start": sp.start_char, "end": end,
               "sentence_start": sent.start_char, "sentence_end": sent.end_char}
        canon = _canonical(sp)
        if label in ("DATE", "CAPACITY"):
            rec["value"] = sp._.kg_value
        else:
            if label == "PERSON" and not canon:
                full = person_full.get(last_norm)
                canon = None
                rec["name"] = full or sp_text
            info = gaz.get(canon or "", {})
            rec["canonical"] = canon
            if info.get("county"):
                rec["type"] = "REGION"  # read as a town of its state, written as the area it is
            if canon and canon.startswith("authorities:"):
                place = gaz.get(canon.split(":", 1)[1], {})
                rec["name"] = f"authorities of {place.get('en') or canon.split(':', 1)[1]}"
            else:
                rec.setdefault("name", info.get("en") or sp_text)
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
            # an entity's id, else the words naming a group of movers
            # ("المعدنون الصينيون", "Chinese miners"), else null
            e["actor"] = eid_of(ev.get("_actor_span")) or ev.get("actor_text")
            e["quantity_entity"] = eid_of(ev.get("_quantity_span"))
        events.append(e)
    article = dict(article)
    article.setdefault("place", doc._.salient_place)
    return {"article": article, "entities": out_ents, "events": events, "links": [],
            "unresolved_dates": unresolved}
