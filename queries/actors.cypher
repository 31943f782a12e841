// title: Actors
// description: Companies, organisations and people that moved operations or machines,
// with how many migrations, to how many destinations, how many a ban triggered,
// and the first and last dates.
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (m:Migration)-[:ACTOR]->(e:Entity)
WITH DISTINCT e, m
WITH e, m, COUNT { MATCH (:Ban)-[:TRIGGERED]->(m) } AS bans
RETURN e.id AS id, e.type AS type, e.name AS name, count(m) AS migrations,
       count(DISTINCT m.destination) AS destinations, count(CASE WHEN bans > 0 THEN 1 END) AS triggered,
       min(m.date) AS first_date, max(m.date) AS last_date
ORDER BY migrations DESC, id
LIMIT $limit
