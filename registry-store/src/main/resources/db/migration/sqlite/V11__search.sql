-- Full-text search (FTS5, bundled with the SQLite driver). One document per server, holding the text of
-- its latest version: search finds servers, and the query then lists their served versions. The rowid
-- is the id of the server's first version, which never changes (versions are never removed).
--
-- short_name is the part after the slash and namespace the part before it, so "github" ranks the
-- GitHub server above every io.github.* name. bm25 weights live in ServerVersionRepository.
CREATE VIRTUAL TABLE catalog_search USING fts5(
    short_name, namespace, title, description, tools,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Typo tolerance: name and title as trigrams, queried with the trigrams of a term that found nothing.
CREATE VIRTUAL TABLE catalog_search_trigram USING fts5(
    name_title,
    tokenize = 'trigram'
);

INSERT INTO catalog_search (rowid, short_name, namespace, title, description, tools)
SELECT (SELECT min(f.id) FROM server_versions f WHERE f.server_name = v.server_name),
       substr(v.server_name, instr(v.server_name, '/') + 1),
       substr(v.server_name, 1, instr(v.server_name, '/') - 1),
       coalesce(v.title, ''),
       v.description,
       coalesce((SELECT group_concat(coalesce(json_extract(t.value, '$.name'), '') || ' '
                                     || coalesce(json_extract(t.value, '$.title'), '') || ' '
                                     || coalesce(json_extract(t.value, '$.description'), ''), ' ')
                 FROM server_version_details d,
                      json_each(CASE WHEN json_valid(d.tools) THEN d.tools ELSE '[]' END) t
                 WHERE d.version_id = v.id), '')
FROM server_versions v
WHERE v.is_latest = 1
  AND v.id = (SELECT max(l.id) FROM server_versions l WHERE l.server_name = v.server_name AND l.is_latest = 1);

INSERT INTO catalog_search_trigram (rowid, name_title)
SELECT (SELECT min(f.id) FROM server_versions f WHERE f.server_name = v.server_name),
       v.server_name || ' ' || coalesce(v.title, '')
FROM server_versions v
WHERE v.is_latest = 1
  AND v.id = (SELECT max(l.id) FROM server_versions l WHERE l.server_name = v.server_name AND l.is_latest = 1);
