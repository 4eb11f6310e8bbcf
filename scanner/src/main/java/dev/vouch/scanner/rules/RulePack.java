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
import java.util.HashSet;
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
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String version;
    private final List<Rule> rules;
    private final Trie keywords;
    private final java.util.Map<String, BitSet> rulesByKeyword;

    private RulePack(String version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
        this.rulesByKeyword = new java.util.HashMap<>();
        Trie.TrieBuilder builder = Trie.builder().ignoreCase();
        for (int i = 0; i < rules.size(); i++) {
            for (String keyword : rules.get(i).keywords()) {
                String key = keyword.toLowerCase(Locale.ROOT);
                builder.addKeyword(key);
                rulesByKeyword.computeIfAbsent(key, k -> new BitSet()).set(i);
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
                    patterns,
                    optionalPattern(node.path("requires")),
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

    private static Optional<Pattern> optionalPattern(JsonNode node) {
        return node.isTextual() ? Optional.of(compile(node.asText())) : Optional.empty();
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad pattern " + regex + ": " + e.getMessage(), e);
        }
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

    /** The rules with a keyword in {@code text}: the only ones that can match it. */
    public List<Rule> candidates(String text) {
        BitSet selected = new BitSet(rules.size());
        for (Emit emit : keywords.parseText(text)) {
            selected.or(rulesByKeyword.get(emit.getKeyword()));
        }
        List<Rule> candidates = new ArrayList<>(selected.cardinality());
        selected.stream().forEach(i -> candidates.add(rules.get(i)));
        return candidates;
    }
}
