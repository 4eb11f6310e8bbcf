package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.scanner.Hashes;
import dev.vouch.scanner.JsonMappers;
import dev.vouch.scanner.match.KeywordAutomaton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instruction-analysis lexicons ({@code intent-lexicon.yaml}): phrases per cue and language,
 * folded like the texts they are matched against, in one Aho-Corasick automaton.
 */
public final class Lexicon {

    public static final String RESOURCE = "/dev/vouch/scanner/rules/intent-lexicon.yaml";

    /**
     * Receives each phrase matched in a folded text with all its cues at once, as bits by ordinal: a
     * caller drops the cues it already holds with one mask, where one call per cue did the same work
     * again for each.
     */
    @FunctionalInterface
    public interface CueHits {
        void hit(long cues, int start, int end);
    }

    /** The cues of one phrase while the lexicon is read. */
    private record Builder(EnumSet<Cue> cues, EnumSet<Cue> prefixCues, boolean anywhere) {

        Entry entry() {
            return new Entry(mask(cues), mask(prefixCues), anywhere);
        }

        private static long mask(EnumSet<Cue> cues) {
            return Cue.mask(cues.toArray(new Cue[0]));
        }
    }

    /**
     * A phrase's cues as bits by ordinal, whole-word and prefix: a hit reads two fields of the entry it
     * holds, where arrays of cues cost a further load (and a cache miss) each.
     */
    private record Entry(long whole, long prefix, boolean anywhere) {}

    /** Phrases at word starts, and those that match inside words too (CJK phrases) anywhere. */
    private final KeywordAutomaton<Entry> automaton;

    private final long startOnlyMask;
    private final ToolNames toolNames;
    private final String digest;

    private Lexicon(Map<String, Builder> phrases, EnumSet<Cue> startOnly, ToolNames toolNames, String digest) {
        Map<String, Entry> entries = new TreeMap<>();
        phrases.forEach((phrase, builder) -> entries.put(phrase, builder.entry()));
        automaton = KeywordAutomaton.atWordStarts(entries, Entry::anywhere);
        this.startOnlyMask = Builder.mask(startOnly);
        this.toolNames = toolNames;
        this.digest = digest;
    }

    public static Lexicon bundled() {
        try {
            return parse(bundledSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled lexicon file as it is written. */
    static byte[] bundledSource() throws IOException {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return in.readAllBytes();
        }
    }

    static Lexicon parse(byte[] yaml) throws IOException {
        JsonNode root = JsonMappers.YAML.readTree(yaml);
        EnumSet<Cue> startOnly = EnumSet.noneOf(Cue.class);
        for (Iterator<Map.Entry<String, JsonNode>> cues = root.path("cues").fields(); cues.hasNext(); ) {
            Map.Entry<String, JsonNode> cue = cues.next();
            Cue known = Cue.ofLexiconKey(cue.getKey());
            if (known == null) {
                throw new IllegalArgumentException("unknown cue in lexicon: " + cue.getKey());
            }
            if (cue.getValue().path("start").asBoolean(false)) {
                startOnly.add(known);
            }
        }
        Map<String, Builder> phrases = new TreeMap<>();
        for (Written phrase : written(root)) {
            add(phrases, Cue.ofLexiconKey(phrase.cue()), phrase.phrase());
        }
        return new Lexicon(phrases, startOnly, ToolNames.of(root.path("toolNames")), sha256(yaml));
    }

    /** One phrase as a lexicon writes it, its slots filled: the key of its cue, its language and the phrase. */
    record Written(String cue, String language, String phrase) {

        /** The cue and the phrase as the automaton holds it: what two languages' phrases share when they are equal. */
        String cuedKey() {
            return cue + " " + folded(phrase);
        }
    }

    /** Every phrase of the bundled lexicon ({@link #written}). */
    static List<Written> bundledWritten() throws IOException {
        return written(JsonMappers.YAML.readTree(bundledSource()));
    }

    /** Every phrase of a lexicon document, in the document's order, each slot filled in every way its language has. */
    static List<Written> written(JsonNode root) {
        LexiconSlots slots = LexiconSlots.of(root.path("slots"));
        List<Written> written = new ArrayList<>();
        root.path("cues")
                .fields()
                .forEachRemaining(cue -> cue.getValue().fields().forEachRemaining(language -> {
                    if (!language.getValue().isArray()) {
                        return; // start: true
                    }
                    for (JsonNode phrase : language.getValue()) {
                        for (String expanded : slots.expand(language.getKey(), phrase.asText())) {
                            written.add(new Written(cue.getKey(), language.getKey(), expanded));
                        }
                    }
                }));
        return written;
    }

    /** A phrase as the automaton holds it: folded like the texts, without the star that marks a prefix. */
    static String folded(String phrase) {
        boolean prefix = phrase.endsWith("*");
        return FoldedText.phrase(prefix ? phrase.substring(0, phrase.length() - 1) : phrase)
                .strip();
    }

    private static void add(Map<String, Builder> phrases, Cue cue, String raw) {
        String folded = folded(raw);
        if (folded.isEmpty()) {
            return;
        }
        Builder entry = phrases.computeIfAbsent(
                folded, f -> new Builder(EnumSet.noneOf(Cue.class), EnumSet.noneOf(Cue.class), !isWordScript(f)));
        (raw.endsWith("*") ? entry.prefixCues() : entry.cues()).add(cue);
    }

    /**
     * Scripts written with spaces between words get word boundaries; CJK phrases, and those of the
     * scripts of South-East Asia that write no spaces between words (Thai, Lao, Khmer, Burmese), match
     * anywhere.
     */
    private static boolean isWordScript(String phrase) {
        for (int i = 0; i < phrase.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(phrase.charAt(i));
            if (script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.THAI
                    || script == Character.UnicodeScript.LAO
                    || script == Character.UnicodeScript.KHMER
                    || script == Character.UnicodeScript.MYANMAR) {
                return false;
            }
        }
        return true;
    }

    /** The cues counted only where a clause begins, as bits by ordinal. */
    long startOnlyMask() {
        return startOnlyMask;
    }

    /** The words that tell a tool that only reads from one that may change something. */
    public ToolNames toolNames() {
        return toolNames;
    }

    /** SHA-256 of the lexicon file: the model records the lexicon it was fitted with. */
    public String digest() {
        return digest;
    }

    /**
     * Every phrase of the lexicon in the folded characters {@code f} (read, not kept), at word
     * boundaries, with its cues: a phrase's whole-word cues where a word ends with it, its prefix cues
     * wherever it matches.
     */
    void match(char[] f, CueHits hits) {
        automaton.parse(f, (begin, end, entry) -> {
            boolean right = entry.anywhere()
                    || end == f.length
                    || !KeywordAutomaton.isWordChar(f[end])
                    || !KeywordAutomaton.isWordChar(f[end - 1]);
            long cues = right ? entry.whole() | entry.prefix() : entry.prefix();
            if (cues != 0) {
                hits.hit(cues, begin, end);
            }
        });
    }

    /**
     * Whether {@code [begin, end)} lies inside a snake_case word: {@code create_transfer} names a tool, it
     * does not ask for a creation, and the names of tools are read as names elsewhere ({@link ToolNames}).
     */
    static boolean insideName(char[] folded, int begin, int end) {
        if (begin > 0 && folded[begin - 1] == '_') {
            return true;
        }
        int wordEnd = end;
        while (wordEnd < folded.length && KeywordAutomaton.isWordChar(folded[wordEnd])) {
            wordEnd++;
        }
        return wordEnd < folded.length && folded[wordEnd] == '_';
    }

    private static String sha256(byte[] bytes) {
        return Hashes.sha256Hex(bytes);
    }
}
