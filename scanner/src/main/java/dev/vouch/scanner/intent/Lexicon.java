package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.scanner.Hashes;
import dev.vouch.scanner.JsonMappers;
import dev.vouch.scanner.match.KeywordAutomaton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instruction-analysis lexicons ({@code intent-lexicon.yaml}): phrases per cue and language,
 * folded like the texts they are matched against, in one Aho-Corasick automaton.
 */
public final class Lexicon {

    public static final String RESOURCE = "/dev/vouch/scanner/rules/intent-lexicon.yaml";

    /** Receives each phrase matched in a folded text, in the automaton's order, without a record per hit. */
    @FunctionalInterface
    public interface Hits {
        void hit(Cue cue, int start, int end);
    }

    private record Entry(EnumSet<Cue> cues, EnumSet<Cue> prefixCues, boolean anywhere, Cue[][] arrays) {

        Entry(EnumSet<Cue> cues, EnumSet<Cue> prefixCues, boolean anywhere) {
            this(cues, prefixCues, anywhere, new Cue[2][]);
        }

        /** The cues as arrays, made once the automaton is built: matching allocates nothing per hit. */
        Cue[] whole() {
            if (arrays[0] == null) {
                arrays[0] = cues.toArray(new Cue[0]);
            }
            return arrays[0];
        }

        Cue[] prefix() {
            if (arrays[1] == null) {
                arrays[1] = prefixCues.toArray(new Cue[0]);
            }
            return arrays[1];
        }
    }

    /** Phrases at word starts, and those that match inside words too (CJK phrases) anywhere. */
    private final KeywordAutomaton<Entry> automaton;

    private final EnumSet<Cue> startOnly;
    private final ToolNames toolNames;
    private final String digest;

    private Lexicon(Map<String, Entry> phrases, EnumSet<Cue> startOnly, ToolNames toolNames, String digest) {
        automaton = KeywordAutomaton.atWordStarts(new TreeMap<>(phrases), Entry::anywhere);
        this.startOnly = startOnly;
        this.toolNames = toolNames;
        this.digest = digest;
    }

    public static Lexicon bundled() {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon parse(byte[] yaml) throws IOException {
        JsonNode root = JsonMappers.YAML.readTree(yaml);
        Map<String, Entry> phrases = new TreeMap<>();
        EnumSet<Cue> startOnly = EnumSet.noneOf(Cue.class);
        JsonNode cues = root.path("cues");
        for (Cue cue : Cue.values()) {
            JsonNode node = cues.get(cue.lexiconKey());
            if (node == null) {
                continue;
            }
            if (node.path("start").asBoolean(false)) {
                startOnly.add(cue);
            }
            for (Iterator<Map.Entry<String, JsonNode>> languages = node.fields(); languages.hasNext(); ) {
                Map.Entry<String, JsonNode> language = languages.next();
                if (!language.getValue().isArray()) {
                    continue;
                }
                for (JsonNode phrase : language.getValue()) {
                    add(phrases, cue, phrase.asText());
                }
            }
        }
        for (Iterator<String> names = cues.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (java.util.Arrays.stream(Cue.values())
                    .noneMatch(c -> c.lexiconKey().equals(name))) {
                throw new IllegalArgumentException("unknown cue in lexicon: " + name);
            }
        }
        return new Lexicon(phrases, startOnly, ToolNames.of(root.path("toolNames")), sha256(yaml));
    }

    private static void add(Map<String, Entry> phrases, Cue cue, String raw) {
        boolean prefix = raw.endsWith("*");
        String folded = FoldedText.phrase(prefix ? raw.substring(0, raw.length() - 1) : raw)
                .strip();
        if (folded.isEmpty()) {
            return;
        }
        Entry entry = phrases.computeIfAbsent(
                folded, f -> new Entry(EnumSet.noneOf(Cue.class), EnumSet.noneOf(Cue.class), !isWordScript(f)));
        (prefix ? entry.prefixCues() : entry.cues()).add(cue);
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

    /** Cues counted only where a clause begins. */
    public boolean startOnly(Cue cue) {
        return startOnly.contains(cue);
    }

    /** The words that tell a tool that only reads from one that may change something. */
    public ToolNames toolNames() {
        return toolNames;
    }

    /** SHA-256 of the lexicon file: the model records the lexicon it was fitted with. */
    public String digest() {
        return digest;
    }

    /** Every phrase of the lexicon in {@code folded}, at word boundaries, handed to {@code hits} in order. */
    public void match(String folded, Hits hits) {
        automaton.parse(folded, (begin, end, entry) -> {
            boolean right = entry.anywhere()
                    || end == folded.length()
                    || !KeywordAutomaton.isWordChar(folded.charAt(end))
                    || !KeywordAutomaton.isWordChar(folded.charAt(end - 1));
            if (right) {
                for (Cue cue : entry.whole()) {
                    hits.hit(cue, begin, end);
                }
            }
            for (Cue cue : entry.prefix()) {
                hits.hit(cue, begin, end);
            }
        });
    }

    /**
     * Whether {@code [begin, end)} lies inside a snake_case word: {@code create_transfer} names a tool, it
     * does not ask for a creation, and the names of tools are read as names elsewhere ({@link ToolNames}).
     */
    static boolean insideName(String folded, int begin, int end) {
        if (begin > 0 && folded.charAt(begin - 1) == '_') {
            return true;
        }
        int wordEnd = end;
        while (wordEnd < folded.length() && KeywordAutomaton.isWordChar(folded.charAt(wordEnd))) {
            wordEnd++;
        }
        return wordEnd < folded.length() && folded.charAt(wordEnd) == '_';
    }

    private static String sha256(byte[] bytes) {
        return Hashes.sha256Hex(bytes);
    }
}
