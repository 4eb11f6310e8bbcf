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
import org.jooq.SQLDialect;

/**
 * Ranked full-text search: one document per server, with the text of its latest version. Each dialect
 * keeps its own index ({@code V11__search.sql} of its migration folder); what a term means is common.
 *
 * <p>A term becomes a prefix query on each of its words ({@code "file system"} → {@code file* AND
 * system*}), or'ed with the words run together ({@code filesystem*}), ranked with the name and title
 * weighted above the description, and the description above the tools. When that finds nothing, the
 * trigrams of the term are matched against names and titles, which forgives a typo.
 */
abstract class CatalogSearch {

    /** A document must share this share of the term's trigrams to count as a typo of it. */
    static final double MIN_TRIGRAM_OVERLAP = 0.5;

    static final int MAX_TRIGRAM_CANDIDATES = 200;

    final DSLContext dsl;

    CatalogSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The search of the context's dialect. */
    static CatalogSearch on(DSLContext dsl) {
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            return new PostgresCatalogSearch(dsl);
        }
        return new Fts5CatalogSearch(dsl);
    }

    /** A matched server document with its score (lower is better, as bm25 gives it). */
    record Match(long documentId, double score) {
        static final Comparator<Match> ORDER =
                Comparator.comparingDouble(Match::score).thenComparingLong(Match::documentId);
    }

    /** A document found by its trigrams, with the name and title it was found by. */
    record Candidate(long documentId, String nameTitle) {}

    /** Every document matching {@code term}, best first; empty when the term has no words. */
    final List<Match> matches(String term) {
        List<String> words = words(term);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Match> matches = wordMatches(words);
        if (matches.isEmpty()) {
            matches = typoMatches(String.join("", words));
        }
        matches.sort(Match.ORDER);
        return matches;
    }

    /** The documents matching every word as a prefix, or the words run together; scored, lower is better. */
    abstract List<Match> wordMatches(List<String> words);

    /** Up to {@link #MAX_TRIGRAM_CANDIDATES} documents sharing trigrams with the term, most shared first. */
    abstract List<Candidate> trigramCandidates(Set<String> trigrams);

    /**
     * Replaces a server's search document and its tool names ({@code catalog_tool_names}) with those of its
     * latest version (or removes them when it has none). Called wherever the latest mark moves.
     */
    abstract void refresh(String serverName);

    /** The document of a server: the id of its first version, which never changes (versions are never removed). */
    final Long document(String serverName) {
        return dsl.resultQuery("SELECT min(id) FROM server_versions WHERE server_name = ?", serverName)
                .fetchOne(0, Long.class);
    }

    /** The server name of each document. */
    final Map<Long, String> serverNames(List<Long> documents) {
        Map<Long, String> names = new HashMap<>();
        dsl.select(Tables.ServerVersions.ID, Tables.ServerVersions.SERVER_NAME)
                .from(Tables.ServerVersions.TABLE)
                .where(Tables.ServerVersions.ID.in(documents))
                .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    /** The words of a search term: letters and digits, lower-cased, accents removed. */
    static List<String> words(String term) {
        String folded = Normalizer.normalize(term, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    private List<Match> typoMatches(String word) {
        Set<String> trigrams = trigrams(word);
        if (trigrams.isEmpty()) {
            return new ArrayList<>();
        }
        List<Match> matches = new ArrayList<>();
        for (Candidate candidate : trigramCandidates(trigrams)) {
            Set<String> text = trigrams(String.join("", words(candidate.nameTitle())));
            long shared = trigrams.stream().filter(text::contains).count();
            double overlap = (double) shared / trigrams.size();
            if (overlap >= MIN_TRIGRAM_OVERLAP) {
                // Negated so that, as with bm25, lower is better.
                matches.add(new Match(candidate.documentId(), -overlap));
            }
        }
        return matches;
    }

    static Set<String> trigrams(String word) {
        Set<String> trigrams = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= word.length(); i++) {
            trigrams.add(word.substring(i, i + 3));
        }
        return trigrams;
    }
}
