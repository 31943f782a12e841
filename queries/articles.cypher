// title: Articles
// description: Every stored article with its language, date, source and how many
// entities, bans and migrations were extracted from it. Ordered by date.
// @param lang: only articles in this language, e.g. ar or en (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (a:Article)
WITH a, coalesce($lang, '') AS lang
WHERE lang = '' OR a.lang = lang
RETURN a.id AS id, a.title AS title, a.lang AS lang, a.published AS published, a.source AS source,
       a.url AS url, a.n_chars AS n_chars,
       COUNT { MATCH (a)-[:MENTIONS]->(:Entity) } AS mentions,
       COUNT { MATCH (a)-[:REPORTS]->(:Ban) } AS bans,
       COUNT { MATCH (a)-[:REPORTS]->(:Migration) } AS migrations
ORDER BY coalesce(published, ''), id
LIMIT $limit
