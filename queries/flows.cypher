// title: Migration flows
// description: Migrations grouped by origin and destination (and by the unit of their
// quantities): how many migrations, how many a ban triggered, and the summed amounts.
// A null origin means the text did not say where the move started; a null amount,
// that no migration of the flow gave a quantity.
// @param country: only flows whose origin or destination is this place or lies in it (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (m:Migration)
WITH m, coalesce($country, '') AS country
WHERE m.destination IS NOT NULL
  AND (country = '' OR EXISTS { MATCH (m)-[:ORIGIN|DESTINATION]->(:Entity)-[:LOCATED_IN*0..3]->(c:Entity) WHERE c.id = country })
WITH m, COUNT { MATCH (:Ban)-[:TRIGGERED]->(m) } AS bans
WITH m.origin AS origin, m.destination AS destination, m.unit AS unit, count(m) AS migrations,
     count(CASE WHEN bans > 0 THEN 1 END) AS triggered,
     count(m.amount) AS quantified, sum(m.amount) AS amount, sum(m.amount_max) AS amount_max
ORDER BY coalesce(origin, '') + '\t' + destination + '\t' + coalesce(unit, '')
LIMIT $limit
OPTIONAL MATCH (o:Entity {id: origin})
OPTIONAL MATCH (d:Entity {id: destination})
RETURN origin AS origin, o.name AS origin_name, destination AS destination,
       d.name AS destination_name, unit AS unit, migrations AS migrations, triggered AS triggered,
       CASE WHEN quantified > 0 THEN amount END AS amount,
       CASE WHEN quantified > 0 THEN amount_max END AS amount_max
ORDER BY coalesce(origin, '') + '\t' + destination + '\t' + coalesce(unit, '')
LIMIT $limit
