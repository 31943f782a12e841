// title: Bans that triggered migrations
// description: Every TRIGGERED link from a ban to a migration that followed it: the
// ban's authority, jurisdiction and date, the migration's actor, origin, destination,
// quantity and date, the days between them, and why the link was made (reason,
// confidence, whether it was found inside one article or across the corpus).
// @param country: only links whose ban jurisdiction is this place or lies in it (default: null)
// @param min_confidence: only links at least this confident, 0 to 1 (default: 0.0)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (b:Ban)-[t:TRIGGERED]->(m:Migration)
WITH b, t, m, coalesce($country, '') AS country
WHERE coalesce(t.confidence, 0.0) >= $min_confidence
  AND (country = '' OR EXISTS { MATCH (b)-[:JURISDICTION]->(:Entity)-[:LOCATED_IN*0..3]->(c:Entity) WHERE c.id = country })
RETURN b.id AS ban_id, b.authority AS authority, b.jurisdiction AS jurisdiction, b.date AS ban_date,
       m.id AS migration_id, m.actor AS actor, m.origin AS origin, m.destination AS destination,
       m.amount AS amount, m.unit AS unit, m.date AS migration_date, m.status AS status,
       t.lag_days AS lag_days, t.reason AS reason, t.confidence AS confidence, t.scope AS scope,
       t.article_id AS article_id
ORDER BY coalesce(ban_date, '~') + '\t' + coalesce(jurisdiction, '') + '\t' + coalesce(migration_date, '~') + '\t' + ban_id + '\t' + migration_id
LIMIT $limit
