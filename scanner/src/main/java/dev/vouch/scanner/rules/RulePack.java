package dev.vouch.scanner.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.JsonMappers;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.FieldKind;
import dev.vouch.scanner.match.HanVariants;
import dev.vouch.scanner.match.KeywordAutomaton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The versioned rule pack: pattern rules as data ({@code vouch-rules.yaml}), compiled for linear-time
 * matching, with one keyword automaton that picks the rules worth running on a text.
 */
public final class RulePack {

    public static final String RESOURCE = "vouch-rules.yaml";
    /** How far a match may reach from the keyword it contains; rule patterns stay well inside it. */
    static final int WINDOW = 200;

    private static final ObjectMapper YAML = JsonMappers.YAML;

    private final String version;
    private final List<Rule> rules;
    /** Lower-case keyword → the patterns it lets run and the rules naming it second; matched against lower-cased text. */
    private final KeywordAutomaton<KeywordUse> keywords;
    /**
     * The keyword sets of a rule's patterns, each once (patterns that name no keywords of their own
     * share the rule's): slotOf[i][p] is the slot of rule i's pattern p. Hits are gathered by slot.
     */
    private final int[][] slotOf;

    private final int[] ruleOfSlot;
    private final int slots;

    /**
     * The pattern slots one keyword lets run, and the rules that name it among their second keywords,
     * ascending: arrays, read at every hit, where iterating bit sets showed in the profile.
     */
    private record KeywordUse(int[] slots, int[] alsoRules) {}

    /** A {@link KeywordUse} while the pack is built. */
    private record KeywordUseBuilder(BitSet slots, BitSet alsoRules) {
        KeywordUseBuilder() {
            this(new BitSet(), new BitSet());
        }

        KeywordUse build() {
            return new KeywordUse(slots.stream().toArray(), alsoRules.stream().toArray());
        }
    }

    private RulePack(String version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
        this.slotOf = new int[rules.size()][];
        Map<String, KeywordUseBuilder> byKeyword = new TreeMap<>();
        int slot = 0;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            slotOf[i] = new int[rule.patterns().size()];
            Map<List<String>, Integer> slotOfKeywords = new HashMap<>();
            for (int p = 0; p < rule.patterns().size(); p++) {
                RulePattern pattern = rule.patterns().get(p);
                List<String> keywordSet = pattern.keywords().isEmpty() ? rule.keywords() : pattern.keywords();
                Integer existing = slotOfKeywords.get(keywordSet);
                if (existing != null) {
                    slotOf[i][p] = existing;
                    continue;
                }
                slotOfKeywords.put(keywordSet, slot);
                slotOf[i][p] = slot;
                for (String keyword : keywordSet) {
                    byKeyword
                            .computeIfAbsent(new String(lowerCase(keyword)), k -> new KeywordUseBuilder())
                            .slots()
                            .set(slot);
                }
                slot++;
            }
            for (String keyword : rule.alsoKeywords()) {
                byKeyword
                        .computeIfAbsent(new String(lowerCase(keyword)), k -> new KeywordUseBuilder())
                        .alsoRules()
                        .set(i);
            }
        }
        this.slots = slot;
        this.ruleOfSlot = new int[slot];
        for (int i = 0; i < rules.size(); i++) {
            for (int patternSlot : slotOf[i]) {
                ruleOfSlot[patternSlot] = i;
            }
        }
        // Caseless: it reads the text lower-cased, as lowerCase below would, without a copy of it.
        Map<String, KeywordUse> uses = new TreeMap<>();
        byKeyword.forEach((keyword, use) -> uses.put(keyword, use.build()));
        keywords = new KeywordAutomaton<>(uses, true);
    }

    /** The rule pack shipped with this scanner. */
    public static RulePack bundled() {
        try (InputStream in = RulePack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rule pack " + RESOURCE + " missing");
            }
            // Rules match normalised (NFKC) text, so their patterns and keywords are read normalised too:
            // Thai's SARA AM or a Devanagari nukta letter is written one way in the pack and another
            // way in the text it must match.
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            refuseCompatibilityMetacharacters(YAML.readTree(yaml));
            // Chinese patterns are written in simplified characters; a text in traditional ones is matched read
            // as simplified (Candidate#text), so patterns, keywords and examples are read that way too.
            return parse(YAML.readTree(
                    HanVariants.simplified(java.text.Normalizer.normalize(yaml, java.text.Normalizer.Form.NFKC))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String REGEX_METACHARACTERS = "\\^$.|?*+()[]{}";

    /**
     * A full-width "？" or "（" written in a CJK pattern means the character; NFKC would make it a regex
     * operator and change what the pattern matches, so a pack whose patterns hold one is refused.
     */
    static void refuseCompatibilityMetacharacters(JsonNode rawDocument) {
        for (JsonNode rule : rawDocument.path("rules")) {
            for (String regex : regexesOf(rule)) {
                for (int i = 0; i < regex.length(); i++) {
                    char c = regex.charAt(i);
                    String normalised = c < 0x80
                            ? ""
                            : java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC);
                    if (normalised.chars().anyMatch(n -> REGEX_METACHARACTERS.indexOf(n) >= 0)) {
                        throw new IllegalArgumentException(String.format(
                                "rule pack: rule %s has U+%04X in a pattern, which NFKC turns into the regex"
                                        + " operator '%s'; write the ASCII character, escaped as the pattern needs",
                                rule.path("id").asText(), (int) c, normalised));
                    }
                }
            }
        }
    }

    /**
     * Every regex a rule holds: its patterns (a string or {@code {regex: …}}, with its own {@code unlessAfter} and
     * {@code unlessWithin}),
     * {@code requires}, {@code unless} and {@code unlessAfter}.
     */
    private static List<String> regexesOf(JsonNode rule) {
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode pattern : rule.path("patterns")) {
            nodes.add(pattern);
            nodes.add(pattern.path("unlessAfter"));
            nodes.add(pattern.path("unlessWithin"));
        }
        JsonNode requires = rule.path("requires");
        if (requires.isArray()) {
            requires.forEach(nodes::add);
        } else {
            nodes.add(requires);
        }
        nodes.add(rule.path("unless"));
        nodes.add(rule.path("unlessAfter"));
        List<String> regexes = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            regexes.add(node.isTextual() ? node.asText() : node.path("regex").asText());
        }
        return regexes;
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
            List<RulePattern> patterns = new ArrayList<>();
            for (JsonNode pattern : node.path("patterns")) {
                patterns.add(pattern(pattern));
            }
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("needs at least one pattern");
            }
            if (keywords.isEmpty()
                    && patterns.stream().anyMatch(pattern -> pattern.keywords().isEmpty())) {
                throw new IllegalArgumentException("needs keywords for the patterns that name none of their own");
            }
            Set<FieldKind> fields = EnumSet.noneOf(FieldKind.class);
            for (String field : strings(node.path("fields"))) {
                fields.add(FieldKind.valueOf(field.toUpperCase(Locale.ROOT).replace('-', '_')));
            }
            return new Rule(
                    id,
                    Family.fromWire(node.path("family").asText()),
                    Severity.valueOf(node.path("severity").asText().toUpperCase(Locale.ROOT)),
                    node.path("description").asText(),
                    keywords,
                    strings(node.path("alsoKeywords")),
                    patterns,
                    requiredPatterns(node.path("requires")),
                    node.path("window").asInt(80),
                    optionalPattern(node.path("unless")),
                    optionalPattern(node.path("unlessAfter")),
                    node.path("unlessWindow").asInt(40),
                    fields,
                    strings(node.path("examples").path("positive")),
                    strings(node.path("examples").path("negative")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rule " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * A pattern: a regex (run on the rule's keywords), or {@code {regex: …}} with keywords of its own ({@code
     * keywords: […]}, else it runs on the rule's) and optionally an {@code unlessAfter} and an {@code unlessWithin}
     * of its own.
     */
    private static RulePattern pattern(JsonNode node) {
        if (node.isTextual()) {
            Pattern regex = compile(node.asText());
            return new RulePattern(
                    regex, List.of(), OpeningWords.of(node.asText(), regex), Optional.empty(), Optional.empty());
        }
        List<String> own = strings(node.path("keywords"));
        if (!node.path("regex").isTextual() || node.has("keywords") && own.isEmpty()) {
            throw new IllegalArgumentException(
                    "a pattern is a regex or {regex: …} whose keywords, when it names any, are at least one");
        }
        String source = node.get("regex").asText();
        Pattern regex = compile(source);
        return new RulePattern(
                regex,
                own,
                OpeningWords.of(source, regex),
                optionalPattern(node.path("unlessAfter")),
                optionalPattern(node.path("unlessWithin")));
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
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            } else if (c >= 0x80) {
                chars[i] = Character.toLowerCase(c);
            }
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

    /**
     * A rule worth running on a text, and for each of its patterns (indexed like {@link Rule#patterns})
     * the windows of the text where that pattern's keywords occur, or null where they do not; and the text as the
     * rules read it, char for char the one given but for traditional Chinese characters read as simplified.
     */
    public record Candidate(Rule rule, List<List<int[]>> windows, String text) {}

    /**
     * The rules whose keywords occur in {@code text} (for rules with two sets, a hit of the first set
     * with a hit of the second near enough to share a match and its context): the only ones that can
     * match it, each with the windows around its patterns' keyword hits, where any match must lie. One
     * pass of a keyword automaton.
     */
    public List<Candidate> candidates(String text) {
        KeywordHits hits = new KeywordHits();
        keywords.parse(text, hits);
        if (hits.rules == null) {
            return List.of();
        }
        // Read char for char as the patterns are, so the windows stand where they stood.
        String read = HanVariants.simplified(text);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = hits.rules.nextSetBit(0); i >= 0; i = hits.rules.nextSetBit(i + 1)) {
            Rule rule = rules.get(i);
            List<int[]> also = hits.alsoByRule == null ? null : hits.alsoByRule[i];
            if (!rule.alsoKeywords().isEmpty() && also == null) {
                continue;
            }
            // The second keyword lies in the match or in its required context.
            List<int[]> alsoReach = also == null ? null : windows(also, WINDOW + rule.window(), Integer.MAX_VALUE);
            List<List<int[]>> windows = null;
            // A rule's slots are numbered from its first pattern's, at most one per pattern.
            @SuppressWarnings("unchecked")
            List<int[]>[] windowsOfSlot = new List[rule.patterns().size()];
            for (int p = 0; p < rule.patterns().size(); p++) {
                int slot = slotOf[i][p];
                List<int[]> slotHits = hits.bySlot[slot];
                if (slotHits == null) {
                    continue;
                }
                int local = slot - slotOf[i][0];
                if (windowsOfSlot[local] == null) {
                    windowsOfSlot[local] =
                            windows(alsoReach == null ? slotHits : near(slotHits, alsoReach), WINDOW, text.length());
                }
                List<int[]> slotWindows = windowsOfSlot[local];
                if (!slotWindows.isEmpty()) {
                    if (windows == null) {
                        windows = new ArrayList<>(
                                Collections.nCopies(rule.patterns().size(), null));
                    }
                    windows.set(p, slotWindows);
                }
            }
            if (windows != null) {
                candidates.add(new Candidate(rule, windows, read));
            }
        }
        return candidates;
    }

    /**
     * The keyword hits of one text, by pattern slot and, for second keywords, by rule; allocated at the
     * first hit, because most texts hold no keyword at all.
     */
    private final class KeywordHits implements KeywordAutomaton.Hits<KeywordUse> {
        private List<int[]>[] bySlot;
        private List<int[]>[] alsoByRule;
        /** The rules a pattern keyword of which occurs; null until one does. */
        private BitSet rules;

        @Override
        @SuppressWarnings("unchecked")
        public void hit(int start, int end, KeywordUse use) {
            int[] span = {start, end};
            int[] slotsHit = use.slots();
            if (slotsHit.length > 0 && bySlot == null) {
                bySlot = new List[slots];
                rules = new BitSet();
            }
            for (int slot : slotsHit) {
                add(bySlot, slot, span);
                rules.set(ruleOfSlot[slot]);
            }
            int[] alsoRules = use.alsoRules();
            if (alsoRules.length > 0 && alsoByRule == null) {
                alsoByRule = new List[RulePack.this.rules.size()];
            }
            for (int rule : alsoRules) {
                add(alsoByRule, rule, span);
            }
        }

        private static void add(List<int[]>[] lists, int index, int[] span) {
            if (lists[index] == null) {
                lists[index] = new ArrayList<>(2);
            }
            lists[index].add(span);
        }
    }

    /** The {@code hits} that overlap {@code reach} (sorted, disjoint spans); linear after sorting. */
    private static List<int[]> near(List<int[]> hits, List<int[]> reach) {
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

    /** The spans by start. The automaton reports hits by end, which is nearly always by start too. */
    private static List<int[]> sortedByStart(List<int[]> spans) {
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i)[0] < spans.get(i - 1)[0]) {
                List<int[]> sorted = new ArrayList<>(spans);
                sorted.sort(Comparator.comparingInt(span -> span[0]));
                return sorted;
            }
        }
        return spans;
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
