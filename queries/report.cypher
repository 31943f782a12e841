// title: What each ban set moving
// description: A compact table for reading: each ban (authority, jurisdiction, date) and
// each migration it triggered (actor, origin, destination, quantity, date), the days
// between them and the reason for the link. Bans that triggered nothing are listed too.
// @param country: only bans whose jurisdiction is this place or lies in it (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (b:Ban)
WITH b, coalesce($country, '') AS country
WHERE country = '' OR b.jurisdiction = country OR b.jurisdiction STARTS WITH (country + '-')
OPTIONAL MATCH (b)-[t:TRIGGERED]->(m:Migration)
RETURN b.authority AS authority, b.jurisdiction AS jurisdiction, b.date AS ban_date,
       m.actor AS actor, m.origin AS origin, m.destination AS destination,
       m.amount AS amount, m.unit AS unit, m.date AS moved, t.lag_days AS lag_days,
       t.reason AS reason
ORDER BY coalesce(ban_date, '~') + '\t' + coalesce(jurisdiction, '~') + '\t' + coalesce(moved, '~') + '\t' + coalesce(destination, '~')
LIMIT $limit
