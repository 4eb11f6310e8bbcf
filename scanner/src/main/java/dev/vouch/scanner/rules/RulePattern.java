package dev.vouch.scanner.rules;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * One pattern of a rule, and the keywords one of which any of its matches contains. Empty
 * {@code keywords} means the rule's own: a pattern names its keywords only when they are a narrower
 * set, so that text holding another pattern's keyword does not run this one.
 */
public record RulePattern(Pattern regex, List<String> keywords) {

    public RulePattern {
        keywords = List.copyOf(keywords);
    }
}
