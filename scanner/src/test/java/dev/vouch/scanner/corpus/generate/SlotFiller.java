package dev.vouch.scanner.corpus.generate;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {slot}} references: a slot is first looked up among the entry's bound values (tool and
 * argument names of the chosen server), then among the lexicons, whose phrasings may hold slots of their own.
 * {@code {^slot}} capitalises the first letter of what the slot gives.
 */
final class SlotFiller {

    private static final Pattern SLOT = Pattern.compile("\\{(\\^?)([a-z][a-z0-9_.]*)\\}");
    private static final int MAX_DEPTH = 10;

    private final Map<String, List<String>> lexicons;
    private final Random random;

    SlotFiller(Map<String, List<String>> lexicons, Random random) {
        this.lexicons = lexicons;
        this.random = random;
    }

    String fill(String template, Map<String, String> bound) {
        return fill(template, bound, 0);
    }

    String pick(String lexicon, Map<String, String> bound) {
        return fill(choose(lexicon), bound, 1);
    }

    boolean hasLexicon(String name) {
        return lexicons.containsKey(name);
    }

    private String fill(String template, Map<String, String> bound, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("slots nested too deep in: " + template);
        }
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value;
            if (bound.containsKey(name)) {
                value = bound.get(name);
            } else if (lexicons.containsKey(name)) {
                value = fill(choose(name), bound, depth + 1);
            } else {
                throw new IllegalStateException("unknown slot {" + name + "} in: " + template);
            }
            if (!m.group(1).isEmpty()) {
                value = capitalise(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String choose(String lexicon) {
        List<String> phrasings = lexicons.get(lexicon);
        if (phrasings == null || phrasings.isEmpty()) {
            throw new IllegalStateException("no lexicon " + lexicon);
        }
        return phrasings.get(random.nextInt(phrasings.size()));
    }

    static String capitalise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        String firstWord = s.split("\\s", 2)[0];
        if (first == '`' || first == '"' || first == '\'' || firstWord.contains("_") || firstWord.contains("(")) {
            return s;
        }
        return new StringBuilder()
                .appendCodePoint(Character.toUpperCase(first))
                .append(s.substring(Character.charCount(first)))
                .toString();
    }
}
