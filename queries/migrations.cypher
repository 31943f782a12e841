// title: Migrations
// description: Every migration (a relocation of operations, machines or companies:
// completed, in progress or planned) with its actor, origin, destination, quantity,
// date and status, and whether a ban triggered it. Ordered by date.
// @param country: only migrations whose origin or destination is this place or lies in it, e.g. KZ (default: null)
// @param status: only this status: completed, in_progress or planned (default: null)
// @param since: only migrations dated on or after this ISO date (default: null)
// @param until: only migrations dated on or before this ISO date (a prefix counts) (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (m:Migration)
WITH m, coalesce($country, '') AS country, coalesce($status, '') AS status,
     coalesce($since, '') AS since, coalesce($until, '') AS until
WHERE (country = '' OR EXISTS { MATCH (m)-[:ORIGIN|DESTINATION]->(:Entity)-[:LOCATED_IN*0..3]->(c:Entity) WHERE c.id = country })
  AND (status = '' OR m.status = status)
  AND (since = '' OR m.date >= since)
  AND (until = '' OR m.date <= until OR m.date STARTS WITH until)
WITH m ORDER BY coalesce(m.date, '~') + '\t' + coalesce(m.origin, '') + '\t' + coalesce(m.destination, '') + '\t' + m.id LIMIT $limit
OPTIONAL MATCH (o:Entity {id: m.origin})
OPTIONAL MATCH (d:Entity {id: m.destination})
RETURN m.id AS id, m.date AS date, m.status AS status, m.actor AS actor,
       m.origin AS origin, o.name AS origin_name, m.destination AS destination, d.name AS destination_name,
       m.amount AS amount, m.amount_max AS amount_max, m.unit AS unit,
       COUNT { MATCH (:Ban)-[:TRIGGERED]->(m) } AS triggered_by,
       m.article_id AS article_id, m.sentence AS sentence
ORDER BY coalesce(date, '~') + '\t' + coalesce(origin, '') + '\t' + coalesce(destination, '') + '\t' + id
LIMIT $limit
