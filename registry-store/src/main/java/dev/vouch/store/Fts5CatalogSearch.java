package dev.vouch.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Search over SQLite's FTS5 tables of {@code sqlite/V11__search.sql}, ranked by bm25; the typo fallback
 * reads FTS5's trigram tokenizer.
 */
final class Fts5CatalogSearch extends CatalogSearch {

    /** bm25 weights per column: short_name, namespace, title, description, tools. */
    static final String BM25 = "bm25(catalog_search, 10.0, 2.0, 8.0, 3.0, 1.0)";

    Fts5CatalogSearch(DSLContext dsl) {
        super(dsl);
    }

    @Override
    List<Match> wordMatches(List<String> words) {
        List<Match> matches = new ArrayList<>();
        // Read straight from the result set: a common word matches thousands of servers.
        try (java.sql.ResultSet rs = dsl.resultQuery(
                        "SELECT rowid, " + BM25 + " FROM catalog_search WHERE catalog_search MATCH ?", ftsQuery(words))
                .fetchResultSet()) {
            while (rs.next()) {
                matches.add(new Match(rs.getLong(1), rs.getDouble(2)));
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("full-text search failed: " + e.getMessage(), e);
        }
        return matches;
    }

    @Override
    List<Candidate> trigramCandidates(Set<String> trigrams) {
        String query =
                String.join(" OR ", trigrams.stream().map(t -> '"' + t + '"').toList());
        List<Candidate> candidates = new ArrayList<>();
        for (Record r : dsl.resultQuery(
                "SELECT rowid, name_title FROM catalog_search_trigram "
                        + "WHERE catalog_search_trigram MATCH ? ORDER BY rank LIMIT " + MAX_TRIGRAM_CANDIDATES,
                query)) {
            candidates.add(new Candidate(r.get(0, Long.class), r.get(1, String.class)));
        }
        return candidates;
    }

    @Override
    void refresh(String serverName) {
        dsl.execute("DELETE FROM catalog_tool_names WHERE server_name = ?", serverName);
        // As V13__tool_names.sql backfills it, each element read by itself: linear in the list.
        dsl.execute("""
                INSERT OR IGNORE INTO catalog_tool_names (server_name, tool_name, tool_key)
                SELECT server_name, name, lower(name)
                FROM (SELECT v.server_name,
                             CASE WHEN t.type = 'object' THEN
                                 coalesce(CASE WHEN json_type(t.value, '$.name') = 'text' THEN json_extract(t.value, '$.name') END,
                                          CASE WHEN json_type(t.value, '$.function.name') = 'text'
                                               THEN json_extract(t.value, '$.function.name') END) END AS name
                      FROM server_versions v
                      JOIN server_version_details d ON d.version_id = v.id,
                           json_each(CASE WHEN json_valid(d.tools) THEN d.tools ELSE '[]' END) t
                      WHERE v.server_name = ? AND v.is_latest = 1 AND t.type = 'object')
                WHERE name IS NOT NULL AND length(name) <= 200""", serverName);
        Long document = document(serverName);
        if (document == null) {
            return;
        }
        dsl.execute("DELETE FROM catalog_search WHERE rowid = ?", document);
        dsl.execute("DELETE FROM catalog_search_trigram WHERE rowid = ?", document);
        dsl.execute("""
                INSERT INTO catalog_search (rowid, short_name, namespace, title, description, tools)
                SELECT ?, substr(v.server_name, instr(v.server_name, '/') + 1),
                       substr(v.server_name, 1, instr(v.server_name, '/') - 1),
                       coalesce(v.title, ''), v.description,
                       coalesce((SELECT group_concat(coalesce(json_extract(t.value, '$.name'), '') || ' '
                                                     || coalesce(json_extract(t.value, '$.title'), '') || ' '
                                                     || coalesce(json_extract(t.value, '$.description'), ''), ' ')
                                 FROM server_version_details d,
                                      json_each(CASE WHEN json_valid(d.tools) THEN d.tools ELSE '[]' END) t
                                 WHERE d.version_id = v.id AND t.type = 'object'), '')
                FROM server_versions v
                WHERE v.server_name = ? AND v.is_latest = 1
                ORDER BY v.id DESC LIMIT 1""", document, serverName);
        dsl.execute("""
                INSERT INTO catalog_search_trigram (rowid, name_title)
                SELECT ?, v.server_name || ' ' || coalesce(v.title, '')
                FROM server_versions v
                WHERE v.server_name = ? AND v.is_latest = 1
                ORDER BY v.id DESC LIMIT 1""", document, serverName);
    }

    /** The FTS5 query of a term's words; words are letters and digits only, so quoting them is enough. */
    static String ftsQuery(List<String> words) {
        StringBuilder query = new StringBuilder("(");
        for (int i = 0; i < words.size(); i++) {
            query.append(i == 0 ? "" : " AND ").append('"').append(words.get(i)).append("\"*");
        }
        query.append(')');
        if (words.size() > 1) {
            query.append(" OR \"").append(String.join("", words)).append("\"*");
        }
        return query.toString();
    }
}
