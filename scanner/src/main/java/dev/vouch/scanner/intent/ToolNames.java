package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a tool's name says it does: a name with a reading word ({@code list_projects}, {@code getRates})
 * and no writing word only reads, and so does one that opens on a reading verb, whatever nouns follow
 * ({@code get_order}, {@code read_email}). Honest preconditions point the agent at tools that read;
 * hijacking points it at tools that change something, whatever the name's verb ({@code weed_item}). The names
 * of well-known servers' tools are known too ({@link #wellKnown}): an agent has them beside the set being scanned.
 */
public final class ToolNames {

    private final Set<String> read;
    private final Set<String> write;
    private final Set<String> leadingRead;
    private final Set<String> conjunctions;
    /** Writing words that are nouns too ({@code issue}, {@code log}): before a reading head they name what is read. */
    private final Set<String> nounWrites;
    /** The last words of a name whose head reads: what searches, views or states ({@code search}, {@code viewer}). */
    private final Set<String> readingHeads;
    /** The tools of well-known servers, by lower case, as their servers spell them (getConsoleLogs). */
    private final OtherTools wellKnown;

    ToolNames(
            Set<String> read,
            Set<String> write,
            Set<String> leadingRead,
            Set<String> conjunctions,
            Set<String> nounWrites,
            Set<String> readingHeads,
            List<String> wellKnown) {
        this.read = Set.copyOf(read);
        this.write = Set.copyOf(write);
        this.leadingRead = Set.copyOf(leadingRead);
        this.conjunctions = Set.copyOf(conjunctions);
        this.nounWrites = Set.copyOf(nounWrites);
        this.readingHeads = Set.copyOf(readingHeads);
        this.wellKnown = OtherTools.of(wellKnown);
    }

    static ToolNames of(JsonNode node) {
        return new ToolNames(
                words(node.path("read")),
                words(node.path("write")),
                words(node.path("leadingRead")),
                words(node.path("conjunctions")),
                words(node.path("nounWrites")),
                words(node.path("readingHeads")),
                spellings(node.path("wellKnown")));
    }

    /**
     * The tools of well-known servers ({@code send_email}, {@code read_file}): a text that names one steers a tool the
     * agent may well have from another server, which a set's own names do not show.
     */
    public OtherTools wellKnown() {
        return wellKnown;
    }

    private static List<String> spellings(JsonNode array) {
        List<String> spellings = new ArrayList<>();
        array.forEach(name -> spellings.add(name.asText()));
        return spellings;
    }

    private static Set<String> words(JsonNode array) {
        Set<String> words = new HashSet<>();
        array.forEach(word -> words.add(word.asText().toLowerCase(Locale.ROOT)));
        return words;
    }

    /**
     * Whether the name has a reading word and no writing word, or opens on a reading verb with no
     * writing word past a conjunction: in {@code get_order} "order" is what is read, in
     * {@code get_or_create_user} "create" is a second verb. A name that ends on a word for what searches, views or
     * states ({@link #readingHeads}: {@code issue_search}, {@code log_viewer}, {@code order_status}) is a compound whose
     * head reads, and a writing word before it that is a noun too names what is read; an output such as a summary or
     * a preview is no such head ({@code email_summary} sends one).
     */
    public boolean readsOnly(String name) {
        return readsOnly(words(name));
    }

    private boolean readsOnly(String[] words) {
        boolean verbFirst = leadingRead.contains(words[0]);
        boolean twoVerbs = false;
        for (String word : words) {
            twoVerbs |= conjunctions.contains(word);
        }
        boolean headReads = !twoVerbs && words.length > 1 && readingHeads.contains(words[words.length - 1]);
        boolean secondVerb = false;
        boolean reads = false;
        for (String word : words) {
            secondVerb |= conjunctions.contains(word);
            if (write.contains(word) && (!verbFirst || secondVerb) && !(headReads && nounWrites.contains(word))) {
                return false;
            }
            reads |= read.contains(word);
        }
        return reads;
    }

    /**
     * Whether the name says the tool changes something: a writing word that {@link #readsOnly} does not read as the
     * object of a reading verb. {@code usage_report}, {@code lead_score} and {@code changelog} say no act.
     */
    public boolean saysItWrites(String name) {
        String[] words = words(name);
        if (readsOnly(words)) {
            return false;
        }
        for (String word : words) {
            if (write.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The words of a name split at {@code _ - . /}, spaces and lower-to-upper case changes, lower-cased. */
    static String[] words(String name) {
        // Split by hand: a regular expression compiled per name was a twentieth of a scan's time.
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                endWord(word, words);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else {
                endWord(word, words);
            }
        }
        endWord(word, words);
        // As String.split did, a name without a letter or digit is one empty word.
        return words.isEmpty() ? new String[] {""} : words.toArray(new String[0]);
    }

    private static void endWord(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
