package dev.vouch.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Ranked full-text search over the SQLite FTS5 tables of {@code V11__search.sql}: one document per
 * server, with the text of its latest version.
 *
 * <p>A term becomes a prefix query on each of its words ({@code "file system"} → {@code file* AND
 * system*}), or'ed with the words run together ({@code filesystem*}), ranked by bm25 with the name and
 * title weighted above the description, and the description above the tools. When that finds nothing,
 * the trigrams of the term are matched against names and titles, which forgives a typo.
 */
final class CatalogSearch {

    /** bm25 weights per column: short_name, namespace, title, description, tools. */
    static final String BM25 = "bm25(catalog_search, 10.0, 2.0, 8.0, 3.0, 1.0)";
    /** A document must share this share of the term's trigrams to count as a typo of it. */
    private static final double MIN_TRIGRAM_OVERLAP = 0.5;
    private static final int MAX_TRIGRAM_CANDIDATES = 200;

    private final DSLContext dsl;

    CatalogSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A matched server document with its score (lower is better, as bm25 gives it). */
    record Match(long documentId, double score) {
        static final Comparator<Match> ORDER = Comparator.comparingDouble(Match::score)
                .thenComparingLong(Match::documentId);
    }

    /** Every document matching {@code term}, best first; empty when the term has no words. */
    List<Match> matches(String term) {
        List<String> words = words(term);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        // Read straight from the result set: a common word matches thousands of servers.
        try (java.sql.ResultSet rs = dsl.resultQuery("SELECT rowid, " + BM25
                + " FROM catalog_search WHERE catalog_search MATCH ?", ftsQuery(words)).fetchResultSet()) {
            while (rs.next()) {
                matches.add(new Match(rs.getLong(1), rs.getDouble(2)));
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("full-text search failed: " + e.getMessage(), e);
        }
        if (matches.isEmpty()) {
            matches = typoMatches(String.join("", words));
        }
        matches.sort(Match.ORDER);
        return matches;
    }

    /**
     * Replaces a server's search document with the text of its latest version (or removes it when it has
     * none). Called wherever the latest mark moves.
     */
    void refresh(String serverName) {
        Long document = dsl.resultQuery("SELECT min(id) FROM server_versions WHERE server_name = ?", serverName)
                .fetchOne(0, Long.class);
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
                                 WHERE d.version_id = v.id), '')
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

    /** The server name of each document. */
    Map<Long, String> serverNames(List<Long> documents) {
        Map<Long, String> names = new HashMap<>();
        dsl.select(Tables.ServerVersions.ID, Tables.ServerVersions.SERVER_NAME)
                .from(Tables.ServerVersions.TABLE)
                .where(Tables.ServerVersions.ID.in(documents))
                .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    /** The words of a search term: letters and digits, lower-cased, accents removed. */
    static List<String> words(String term) {
        String folded = Normalizer.normalize(term, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
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

    private List<Match> typoMatches(String word) {
        Set<String> trigrams = trigrams(word);
        if (trigrams.isEmpty()) {
            return new ArrayList<>();
        }
        String query = String.join(" OR ", trigrams.stream().map(t -> '"' + t + '"').toList());
        List<Match> matches = new ArrayList<>();
        for (Record r : dsl.resultQuery("SELECT rowid, name_title FROM catalog_search_trigram "
                + "WHERE catalog_search_trigram MATCH ? ORDER BY rank LIMIT " + MAX_TRIGRAM_CANDIDATES, query)) {
            Set<String> text = trigrams(String.join("", words(r.get(1, String.class))));
            long shared = trigrams.stream().filter(text::contains).count();
            double overlap = (double) shared / trigrams.size();
            if (overlap >= MIN_TRIGRAM_OVERLAP) {
                // Negated so that, as with bm25, lower is better.
                matches.add(new Match(r.get(0, Long.class), -overlap));
            }
        }
        return matches;
    }

    private static Set<String> trigrams(String word) {
        Set<String> trigrams = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= word.length(); i++) {
            trigrams.add(word.substring(i, i + 3));
        }
        return trigrams;
    }
}
