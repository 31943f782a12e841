// title: Timeline
// description: Bans and migrations in one list ordered by date (undated events last),
// with the place, actor and quantity of each and the article that reports it.
// @param since: only events dated on or after this ISO date (default: null)
// @param until: only events dated on or before this ISO date (a prefix counts) (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (e:Ban|Migration)
WITH e, coalesce($since, '') AS since, coalesce($until, '') AS until
WHERE (since = '' OR e.date >= since)
  AND (until = '' OR e.date <= until OR e.date STARTS WITH until)
RETURN e.date AS date, CASE WHEN e.id STARTS WITH 'ban:' THEN 'BAN' ELSE 'MIGRATION' END AS kind,
       e.id AS id, e.jurisdiction AS jurisdiction, e.authority AS authority, e.actor AS actor,
       e.origin AS origin, e.destination AS destination, e.amount AS amount, e.unit AS unit,
       e.status AS status, e.article_id AS article_id, e.sentence AS sentence
ORDER BY coalesce(date, '~') + '\t' + kind + '\t' + id
LIMIT $limit
