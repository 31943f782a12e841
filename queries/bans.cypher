// title: Bans
// description: Every ban (an order to halt, a shutdown, a power cut-off, a crackdown)
// with its jurisdiction, authority, date and target, how many articles report it,
// and the sentence of the first article that did. Ordered by date.
// @param country: only bans in this place or in a place inside it, e.g. CN or CN-SC (default: null)
// @param since: only bans dated on or after this ISO date, e.g. 2021-05 (default: null)
// @param until: only bans dated on or before this ISO date (a prefix counts: 2021-06 keeps 2021-06-30) (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (b:Ban)
WITH b, coalesce($country, '') AS country, coalesce($since, '') AS since, coalesce($until, '') AS until
WHERE (country = '' OR EXISTS { MATCH (b)-[:JURISDICTION]->(:Entity)-[:LOCATED_IN*0..3]->(c:Entity) WHERE c.id = country })
  AND (since = '' OR b.date >= since)
  AND (until = '' OR b.date <= until OR b.date STARTS WITH until)
WITH b ORDER BY coalesce(b.date, '~') + '\t' + coalesce(b.jurisdiction, '') + '\t' + b.id LIMIT $limit
OPTIONAL MATCH (j:Entity {id: b.jurisdiction})
RETURN b.id AS id, b.date AS date, b.jurisdiction AS jurisdiction, j.name AS jurisdiction_name,
       b.authority AS authority, b.target AS target, b.status AS status,
       COUNT { MATCH (:Article)-[:REPORTS]->(b) } AS reports,
       COUNT { MATCH (b)-[:TRIGGERED]->(:Migration) } AS migrations_triggered,
       b.article_id AS article_id, b.sentence AS sentence
ORDER BY coalesce(date, '~') + '\t' + coalesce(jurisdiction, '') + '\t' + id
LIMIT $limit
