package dev.vouch.scanner.rules;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * One pattern of a rule, and the keywords one of which any of its matches contains. Empty
 * {@code keywords} means the rule's: a pattern names its own when they differ from its siblings', so
 * that text holding another pattern's keyword does not run it, and its keywords do not run them.
 * {@code opening}, when not null, holds the words every match begins with, where the rule runs the
 * regex anchored rather than searching. {@code unlessAfter}, when present, escapes this pattern's matches alone,
 * as the rule's own does all of them: "do not refuse to search" is an exception to refusing, not to "never say
 * you cannot find it", which another pattern of the same rule reads. {@code unlessWithin}, when present, escapes a
 * match it finds inside: a pattern that lets a few words stand between "silently" and "send" reads "will silently
 * fail to send" too, where the words between say the sending does not happen (RE2 has no lookahead to keep them
 * out of the gap).
 */
public record RulePattern(
        Pattern regex,
        List<String> keywords,
        OpeningWords opening,
        Optional<Pattern> unlessAfter,
        Optional<Pattern> unlessWithin) {

    public RulePattern {
        keywords = List.copyOf(keywords);
    }
}
