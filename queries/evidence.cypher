// title: Evidence for a node
// description: The sentences that support a node: for an entity, every mention of it;
// for a ban or a migration, every article that reports it. With the article's id,
// title, source and date. Find ids with the entities, bans or migrations queries.
// @param id: the node id, e.g. CN-SC, BIT Mining or ban:…
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (a:Article)-[r:MENTIONS|REPORTS]->(x:Entity|Ban|Migration)
WHERE x.id = $id
RETURN x.id AS node_id,
       CASE WHEN x.id STARTS WITH 'ban:' OR x.id STARTS WITH 'mig:' THEN 'REPORTS' ELSE 'MENTIONS' END AS kind,
       a.id AS article_id, a.title AS title, a.source AS source, a.published AS published,
       r.text AS text, r.mention_start AS mention_start, r.sentence AS sentence
ORDER BY coalesce(published, ''), article_id, coalesce(mention_start, -1), coalesce(sentence, '')
LIMIT $limit
