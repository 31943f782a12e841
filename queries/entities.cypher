// title: Entities
// description: Every entity (place, company, regulator, person, date, capacity) with
// how many times and in how many articles it is mentioned, most mentioned first.
// The counts are kept on the entity by the store as articles are written.
// @param type: only this entity type, e.g. COMPANY or PROVINCE (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (e:Entity)
WITH e, coalesce($type, '') AS wanted
WHERE wanted = '' OR e.type = toUpper(wanted)
RETURN e.id AS id, e.type AS type, e.name AS name, e.name_ar AS name_ar, e.name_en AS name_en,
       coalesce(e.mentions, 0) AS mentions, coalesce(e.articles, 0) AS articles
ORDER BY mentions DESC, type, id
LIMIT $limit
