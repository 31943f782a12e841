// title: Places
// description: Countries, provinces, cities and regions with the bans that apply to
// them and the migrations that leave or reach them, most active first.
// @param country: only this place and the places inside it, e.g. CN (default: null)
// @param limit: at most this many rows; raise it to see more (default: 1000)
MATCH (p:Entity)
WITH p, coalesce($country, '') AS country
WHERE p.type IN ['COUNTRY', 'PROVINCE', 'CITY', 'REGION']
  // inside: the place itself, a place of that country, or one whose parent it is
  // (the gazetteer's places are at most a city in a province in a country); as
  // properties, not a LOCATED_IN path, which LadybugDB tests for every place
  AND (country = '' OR p.id = country OR p.country = country OR p.parent = country)
// each event meets its place once (by property, not by one edge per report),
// so count() is exact; count(DISTINCT …) cost LadybugDB a third of the query
OPTIONAL MATCH (b:Ban) WHERE b.jurisdiction = p.id
WITH p, count(b) AS bans
OPTIONAL MATCH (mo:Migration) WHERE mo.origin = p.id
WITH p, bans, count(mo) AS migrations_out
OPTIONAL MATCH (mi:Migration) WHERE mi.destination = p.id
WITH p, bans, migrations_out, count(mi) AS migrations_in
RETURN p.id AS id, p.type AS type, p.name AS name, p.name_ar AS name_ar, p.country AS country,
       bans AS bans, migrations_out AS migrations_out, migrations_in AS migrations_in,
       coalesce(p.articles, 0) AS articles
ORDER BY bans + migrations_out + migrations_in DESC, id
LIMIT $limit
