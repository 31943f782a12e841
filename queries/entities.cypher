// title: Entities
// description: Every entity (place, company, regulator, person, date, capacity) with
// how many times and in how many articles it is mentioned, most mentioned first.
// @param type: only this entity type, e.g. COMPANY or PROVINCE (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (e:Entity)
WITH e, coalesce($type, '') AS type
WHERE type = '' OR e.type = toUpper(type)
OPTIONAL MATCH (a:Article)-[r:MENTIONS]->(e)
RETURN e.id AS id, e.type AS type, e.name AS name, e.name_ar AS name_ar, e.name_en AS name_en,
       count(r) AS mentions, count(DISTINCT a) AS articles
ORDER BY mentions DESC, type, id
LIMIT $limit
