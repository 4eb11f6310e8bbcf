package dev.vouch.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Search over the tsvector documents of {@code postgresql/V11__search.sql}, ranked by {@code ts_rank}; the
 * typo fallback reads the trigram table. Words are folded here, as the term's are, so both sides agree.
 */
final class PostgresCatalogSearch extends CatalogSearch {

    /** ts_rank weights for D, C, B, A: tools, namespace, description, short name and title. */
    private static final String WEIGHTS = "'{0.1, 0.2, 0.3, 1.0}'";

    PostgresCatalogSearch(DSLContext dsl) {
        super(dsl);
    }

    @Override
    List<Match> wordMatches(List<String> words) {
        List<Match> matches = new ArrayList<>();
        // float8: ts_rank's float4 reaches Java as a different double in the driver's text and binary
        // forms, and a cursor must find its own score again in the next request's ranking.
        try (java.sql.ResultSet rs = dsl.resultQuery(
                        "SELECT document_id, ts_rank(" + WEIGHTS + ", document, q)::float8 "
                                + "FROM catalog_search, to_tsquery('simple', ?) q WHERE document @@ q",
                        tsQuery(words))
                .fetchResultSet()) {
            while (rs.next()) {
                // Negated so that, as with bm25, lower is better.
                matches.add(new Match(rs.getLong(1), -rs.getDouble(2)));
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("full-text search failed: " + e.getMessage(), e);
        }
        return matches;
    }

    /** The tsquery of a term's words; words are letters and digits only, so they need no quoting. */
    static String tsQuery(List<String> words) {
        StringBuilder query = new StringBuilder("(");
        for (int i = 0; i < words.size(); i++) {
            query.append(i == 0 ? "" : " & ").append(words.get(i)).append(":*");
        }
        query.append(')');
        if (words.size() > 1) {
            query.append(" | ").append(String.join("", words)).append(":*");
        }
        return query.toString();
    }

    @Override
    List<Candidate> trigramCandidates(Set<String> trigrams) {
        List<Candidate> candidates = new ArrayList<>();
        String placeholders = String.join(", ", Collections.nCopies(trigrams.size(), "?"));
        for (Record r : dsl.resultQuery(
                "SELECT s.document_id, s.name_title FROM catalog_search s JOIN ("
                        + "SELECT document_id, count(*) AS shared FROM catalog_search_trigram WHERE trigram IN ("
                        + placeholders + ") GROUP BY document_id ORDER BY shared DESC, document_id LIMIT "
                        + MAX_TRIGRAM_CANDIDATES
                        + ") t ON t.document_id = s.document_id ORDER BY t.shared DESC, s.document_id",
                trigrams.toArray())) {
            candidates.add(new Candidate(r.get(0, Long.class), r.get(1, String.class)));
        }
        return candidates;
    }

    @Override
    void refresh(String serverName) {
        dsl.execute("DELETE FROM catalog_tool_names WHERE server_name = ?", serverName);
        // As V13__tool_names.sql backfills it.
        dsl.execute("""
                INSERT INTO catalog_tool_names (server_name, tool_name, tool_key)
                SELECT DISTINCT n.server_name, n.name, lower(n.name COLLATE "C")
                FROM (SELECT v.server_name,
                             coalesce(CASE WHEN jsonb_typeof(t.tool -> 'name') = 'string' THEN t.tool ->> 'name' END,
                                      CASE WHEN jsonb_typeof(t.tool -> 'function' -> 'name') = 'string'
                                           THEN t.tool -> 'function' ->> 'name' END) AS name
                      FROM server_versions v
                      JOIN server_version_details d ON d.version_id = v.id
                      CROSS JOIN LATERAL jsonb_array_elements(vouch_tools_array(d.tools)) AS t(tool)
                      WHERE v.server_name = ? AND v.is_latest) n
                WHERE n.name IS NOT NULL AND length(n.name) <= 200""", serverName);
        Long document = document(serverName);
        if (document == null) {
            return;
        }
        dsl.execute("DELETE FROM catalog_search WHERE document_id = ?", document);
        dsl.execute("DELETE FROM catalog_search_trigram WHERE document_id = ?", document);
        Record latest = dsl.resultQuery("""
                SELECT v.server_name, coalesce(v.title, ''), v.description,
                       coalesce((SELECT string_agg(coalesce(t ->> 'name', '') || ' ' || coalesce(t ->> 'title', '')
                                                   || ' ' || coalesce(t ->> 'description', ''), ' ')
                                 FROM server_version_details d, jsonb_array_elements(vouch_tools_array(d.tools)) t
                                 WHERE d.version_id = v.id), '')
                FROM server_versions v
                WHERE v.server_name = ? AND v.is_latest
                ORDER BY v.id DESC LIMIT 1""", serverName).fetchOne();
        if (latest == null) {
            return;
        }
        String name = latest.get(0, String.class);
        int slash = name.indexOf('/');
        String title = latest.get(1, String.class);
        dsl.execute(
                """
                INSERT INTO catalog_search (document_id, name_title, document)
                VALUES (?, ?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'C')
                              || setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')
                              || setweight(to_tsvector('simple', ?), 'D'))""",
                document,
                name + " " + title,
                folded(name.substring(slash + 1)),
                folded(slash < 0 ? "" : name.substring(0, slash)),
                folded(title),
                folded(latest.get(2, String.class)),
                folded(latest.get(3, String.class)));
        Set<String> trigrams = trigrams(String.join("", words(name + " " + title)));
        if (!trigrams.isEmpty()) {
            dsl.execute(
                    "INSERT INTO catalog_search_trigram (trigram, document_id) SELECT unnest(?::text[]), ?",
                    trigrams.toArray(String[]::new),
                    document);
        }
    }

    private static String folded(String text) {
        return String.join(" ", words(text));
    }
}
