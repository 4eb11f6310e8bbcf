package dev.vouch.scanner.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.FieldKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * The versioned rule pack: pattern rules as data ({@code vouch-rules.yaml}), compiled for linear-time
 * matching, with one keyword automaton that picks the rules worth running on a text.
 */
public final class RulePack {

    public static final String RESOURCE = "vouch-rules.yaml";
    /** How far a match may reach from the keyword it contains; rule patterns stay well inside it. */
    static final int WINDOW = 200;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String version;
    private final List<Rule> rules;
    private final Trie keywords;
    private final Map<String, BitSet> rulesByKeyword = new HashMap<>();
    private final Map<String, BitSet> rulesByAlsoKeyword = new HashMap<>();
    private final BitSet rulesWithAlsoKeywords = new BitSet();

    private RulePack(String version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
        Trie.TrieBuilder builder = Trie.builder().ignoreCase();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            for (String keyword : rule.keywords()) {
                builder.addKeyword(keyword.toLowerCase(Locale.ROOT));
                rulesByKeyword.computeIfAbsent(keyword.toLowerCase(Locale.ROOT), k -> new BitSet()).set(i);
            }
            for (String keyword : rule.alsoKeywords()) {
                builder.addKeyword(keyword.toLowerCase(Locale.ROOT));
                rulesByAlsoKeyword.computeIfAbsent(keyword.toLowerCase(Locale.ROOT), k -> new BitSet()).set(i);
            }
            if (!rule.alsoKeywords().isEmpty()) {
                rulesWithAlsoKeywords.set(i);
            }
        }
        this.keywords = builder.build();
    }

    /** The rule pack shipped with this scanner. */
    public static RulePack bundled() {
        try (InputStream in = RulePack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rule pack " + RESOURCE + " missing");
            }
            return parse(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RulePack parse(JsonNode document) {
        String version = document.path("version").asText();
        if (version.isEmpty()) {
            throw new IllegalArgumentException("rule pack has no version");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : document.path("rules")) {
            Rule rule = rule(node);
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("duplicate rule id " + rule.id());
            }
            rules.add(rule);
        }
        return new RulePack(version, rules);
    }

    private static Rule rule(JsonNode node) {
        String id = node.path("id").asText();
        try {
            List<String> keywords = strings(node.path("keywords"));
            if (keywords.isEmpty()) {
                throw new IllegalArgumentException("needs at least one keyword");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String pattern : strings(node.path("patterns"))) {
                patterns.add(compile(pattern));
            }
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("needs at least one pattern");
            }
            Set<FieldKind> fields = EnumSet.noneOf(FieldKind.class);
            for (String field : strings(node.path("fields"))) {
                fields.add(FieldKind.valueOf(field.toUpperCase(Locale.ROOT).replace('-', '_')));
            }
            return new Rule(id,
                    Family.fromWire(node.path("family").asText()),
                    Severity.valueOf(node.path("severity").asText().toUpperCase(Locale.ROOT)),
                    node.path("description").asText(),
                    keywords,
                    strings(node.path("alsoKeywords")),
                    patterns,
                    requiredPatterns(node.path("requires")),
                    node.path("window").asInt(80),
                    optionalPattern(node.path("unless")),
                    node.path("unlessWindow").asInt(40),
                    fields,
                    strings(node.path("examples").path("positive")),
                    strings(node.path("examples").path("negative")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rule " + id + ": " + e.getMessage(), e);
        }
    }

    private static List<Pattern> requiredPatterns(JsonNode node) {
        List<Pattern> patterns = new ArrayList<>();
        if (node.isTextual()) {
            patterns.add(compile(node.asText()));
        }
        for (String pattern : strings(node.isArray() ? node : YAML.createArrayNode())) {
            patterns.add(compile(pattern));
        }
        return patterns;
    }

    private static Optional<Pattern> optionalPattern(JsonNode node) {
        return node.isTextual() ? Optional.of(compile(node.asText())) : Optional.empty();
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(nonCapturing(regex), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad pattern " + regex + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rewrites every capturing group as non-capturing. Rules only need where a match starts and ends,
     * and RE2/J's automaton runs markedly faster without capture slots to copy.
     */
    static String nonCapturing(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    out.append(c).append(regex.charAt(++i));
                    continue;
                }
            } else if (c == '(' && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
                out.append("(?:");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** A rule worth running on a text, and the windows of the text where its keywords occur. */
    public record Candidate(Rule rule, List<int[]> windows) {
    }

    /**
     * The rules whose keywords occur in {@code text} (both sets, for rules with two): the only ones
     * that can match it, each with the windows around its keyword hits, where any match must lie. One
     * pass of a keyword automaton over the text.
     */
    public List<Candidate> candidates(String text) {
        Map<Integer, List<int[]>> hits = new HashMap<>();
        BitSet also = new BitSet(rules.size());
        for (Emit emit : keywords.parseText(text)) {
            BitSet first = rulesByKeyword.get(emit.getKeyword());
            if (first != null) {
                for (int i = first.nextSetBit(0); i >= 0; i = first.nextSetBit(i + 1)) {
                    hits.computeIfAbsent(i, k -> new ArrayList<>()).add(new int[] {emit.getStart(), emit.getEnd() + 1});
                }
            }
            BitSet second = rulesByAlsoKeyword.get(emit.getKeyword());
            if (second != null) {
                also.or(second);
            }
        }
        List<Candidate> candidates = new ArrayList<>(hits.size());
        hits.keySet().stream().sorted().forEach(i -> {
            if (!rulesWithAlsoKeywords.get(i) || also.get(i)) {
                candidates.add(new Candidate(rules.get(i), windows(hits.get(i), text.length())));
            }
        });
        return candidates;
    }

    /** Merges keyword hits into windows wide enough to hold any match that contains them. */
    private static List<int[]> windows(List<int[]> hits, int length) {
        List<int[]> merged = new ArrayList<>();
        for (int[] hit : hits) {
            int start = Math.max(0, hit[0] - WINDOW);
            int end = Math.min(length, hit[1] + WINDOW);
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && start <= last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                merged.add(new int[] {start, end});
            }
        }
        return merged;
    }
}
