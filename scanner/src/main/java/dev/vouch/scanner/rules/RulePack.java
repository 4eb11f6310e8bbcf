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
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

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
    /** Lower-case keyword → the rules naming it; matched against lower-cased text. */
    private final AhoCorasickDoubleArrayTrie<KeywordRules> keywords = new AhoCorasickDoubleArrayTrie<>();
    private final BitSet rulesWithAlsoKeywords = new BitSet();

    /** The rules naming one keyword in their first set, and those naming it in their second. */
    private record KeywordRules(BitSet first, BitSet also) {
        KeywordRules() {
            this(new BitSet(), new BitSet());
        }
    }

    private RulePack(String version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
        Map<String, KeywordRules> byKeyword = new TreeMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            for (String keyword : rule.keywords()) {
                byKeyword.computeIfAbsent(new String(lowerCase(keyword)), k -> new KeywordRules()).first().set(i);
            }
            for (String keyword : rule.alsoKeywords()) {
                byKeyword.computeIfAbsent(new String(lowerCase(keyword)), k -> new KeywordRules()).also().set(i);
            }
            if (!rule.alsoKeywords().isEmpty()) {
                rulesWithAlsoKeywords.set(i);
            }
        }
        keywords.build(byKeyword);
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

    /** Lower case char by char, so that positions in the result are positions in {@code text}. */
    private static char[] lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return chars;
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
     * The rules whose keywords occur in {@code text} (for rules with two sets, a hit of the first set
     * with a hit of the second near enough to share a match and its context): the only ones that can match it, each with the
     * windows around its keyword hits, where any match must lie. One pass of a keyword automaton.
     */
    public List<Candidate> candidates(String text) {
        List<List<int[]>> hits = new ArrayList<>(Collections.nCopies(rules.size(), null));
        List<List<int[]>> alsoHits = new ArrayList<>(Collections.nCopies(rules.size(), null));
        keywords.parseText(lowerCase(text), (start, end, rulesNaming) -> {
            int[] span = {start, end};
            record(hits, rulesNaming.first(), span);
            record(alsoHits, rulesNaming.also(), span);
        });
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            List<int[]> ruleHits = hits.get(i);
            if (ruleHits != null && rulesWithAlsoKeywords.get(i)) {
                // The second keyword lies in the match or in its required context.
                ruleHits = near(ruleHits, alsoHits.get(i), WINDOW + rules.get(i).window());
            }
            if (ruleHits != null && !ruleHits.isEmpty()) {
                candidates.add(new Candidate(rules.get(i), windows(ruleHits, WINDOW, text.length())));
            }
        }
        return candidates;
    }

    private static void record(List<List<int[]>> hitsByRule, BitSet rules, int[] span) {
        for (int i = rules.nextSetBit(0); i >= 0; i = rules.nextSetBit(i + 1)) {
            if (hitsByRule.get(i) == null) {
                hitsByRule.set(i, new ArrayList<>());
            }
            hitsByRule.get(i).add(span);
        }
    }

    /** The {@code hits} with one of {@code others} within {@code distance} of them; linear after sorting. */
    private static List<int[]> near(List<int[]> hits, List<int[]> others, int distance) {
        if (others == null) {
            return null;
        }
        List<int[]> reach = windows(others, distance, Integer.MAX_VALUE);
        List<int[]> kept = new ArrayList<>();
        int next = 0;
        for (int[] hit : sortedByStart(hits)) {
            while (next < reach.size() && reach.get(next)[1] < hit[0]) {
                next++;
            }
            if (next < reach.size() && reach.get(next)[0] <= hit[1]) {
                kept.add(hit);
            }
        }
        return kept;
    }

    private static List<int[]> sortedByStart(List<int[]> spans) {
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(span -> span[0]));
        return sorted;
    }

    /** Merges keyword hits into windows wide enough to hold any match that contains them. */
    private static List<int[]> windows(List<int[]> hits, int reach, int length) {
        List<int[]> merged = new ArrayList<>();
        for (int[] hit : sortedByStart(hits)) {
            int start = Math.max(0, hit[0] - reach);
            int end = Math.min(length, hit[1] + reach);
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
