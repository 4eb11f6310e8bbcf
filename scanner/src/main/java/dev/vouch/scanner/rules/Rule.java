package dev.vouch.scanner.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.input.FieldKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One pattern rule of the rule pack.
 *
 * <p>A rule fires when one of its {@code patterns} matches, each of {@code requires} matches within
 * {@code window} characters of that match ({@link ContextMatches}), and {@code unless} (if any) does not match in the
 * {@code unlessWindow} characters just before it — how "never reads ~/.ssh" escapes a rule about
 * reading ~/.ssh — nor {@code unlessAfter} in as many characters just after it: "upload credentials are
 * generated for you" says what credentials are, it asks for none to be uploaded (a pattern may hold an
 * {@code unlessAfter} of its own, {@link RulePattern#unlessAfter}, and an {@code unlessWithin} that escapes a match
 * holding it, {@link RulePattern#unlessWithin}). {@code keywords} are
 * literals, one of which any match must contain, and {@code alsoKeywords} (when given) a second set of
 * which one must occur too; they let the scanner skip the rule's regular expressions for text that
 * cannot match, which is nearly all text. A pattern may name keywords of its own instead ({@link
 * RulePattern#keywords}).
 */
public record Rule(
        String id,
        Family family,
        Severity severity,
        String description,
        List<String> keywords,
        List<String> alsoKeywords,
        List<RulePattern> patterns,
        List<Pattern> requires,
        int window,
        Optional<Pattern> unless,
        Optional<Pattern> unlessAfter,
        int unlessWindow,
        Set<FieldKind> fields,
        List<String> positiveExamples,
        List<String> negativeExamples) {

    /**
     * Where in {@code text} the rule fires, running each pattern only inside its windows (start, end
     * pairs; {@code windowsByPattern} is indexed like {@link #patterns}, null where a pattern has none).
     */
    public Optional<int[]> match(String text, List<List<int[]>> windowsByPattern) {
        ContextMatches context = new ContextMatches(text);
        for (int p = 0; p < patterns.size(); p++) {
            List<int[]> windows = windowsByPattern.get(p);
            if (windows == null) {
                continue;
            }
            RulePattern rulePattern = patterns.get(p);
            Pattern pattern = rulePattern.regex();
            for (int[] window : windows) {
                if (rulePattern.opening() != null) {
                    Optional<int[]> found = matchAtOpenings(text, window, rulePattern, context);
                    if (found.isPresent()) {
                        return found;
                    }
                    continue;
                }
                String part = text.substring(window[0], window[1]);
                Matcher matcher = pattern.matcher(part);
                int from = 0;
                while (from <= part.length() && matcher.find(from)) {
                    int start = window[0] + matcher.start();
                    int end = window[0] + matcher.end();
                    if (contextAllows(context, text, start, end, rulePattern)) {
                        return Optional.of(new int[] {start, end});
                    }
                    from = matcher.end() > matcher.start() ? matcher.end() : matcher.start() + 1;
                }
            }
        }
        return Optional.empty();
    }

    /** What the search in {@link #match} finds in one window, for a pattern whose matches open with known words. */
    private Optional<int[]> matchAtOpenings(
            String text, int[] window, RulePattern rulePattern, ContextMatches context) {
        WindowSearch search = rulePattern.opening().search(text, window[0], window[1]);
        int from = window[0];
        int[] span;
        while ((span = search.next(from)) != null) {
            if (contextAllows(context, text, span[0], span[1], rulePattern)) {
                return Optional.of(span);
            }
            from = span[1] > span[0] ? span[1] : span[0] + 1;
        }
        return Optional.empty();
    }

    public boolean appliesTo(FieldKind kind) {
        return fields.isEmpty() || fields.contains(kind);
    }

    private boolean contextAllows(ContextMatches context, String text, int start, int end, RulePattern rulePattern) {
        for (Pattern required : requires) {
            if (!context.within(required, start - window, end + window)) {
                return false;
            }
        }
        // The escapes are read in their windows: they anchor at the match ("…never$", "^are generated").
        if (unless.isPresent()) {
            String before = text.substring(Math.max(0, start - unlessWindow), start);
            if (unless.get().matcher(before).find()) {
                return false;
            }
        }
        return !escapedWithin(rulePattern.unlessWithin(), text, start, end)
                && !escapedAfter(unlessAfter, text, end)
                && !escapedAfter(rulePattern.unlessAfter(), text, end);
    }

    /** Whether {@code escape} matches inside the match {@code [start, end)}. */
    private static boolean escapedWithin(Optional<Pattern> escape, String text, int start, int end) {
        return escape.isPresent()
                && escape.get().matcher(text.substring(start, end)).find();
    }

    /** Whether {@code escape} matches in the {@code unlessWindow} characters just after a match ending at {@code end}. */
    private boolean escapedAfter(Optional<Pattern> escape, String text, int end) {
        return escape.isPresent()
                && escape.get()
                        .matcher(text.substring(end, Math.min(text.length(), end + unlessWindow)))
                        .find();
    }
}
