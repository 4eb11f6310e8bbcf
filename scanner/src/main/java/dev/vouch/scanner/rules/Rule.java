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
 * <p>A rule fires when one of its {@code patterns} matches, {@code requires} (if any) matches within
 * {@code window} characters of that match, and {@code unless} (if any) does not match in the
 * {@code unlessWindow} characters just before it — how "never reads ~/.ssh" escapes a rule about
 * reading ~/.ssh. {@code keywords} are literals, one of which any match must contain; they let the
 * scanner skip the rule's regular expressions for text that cannot match.
 */
public record Rule(
        String id,
        Family family,
        Severity severity,
        String description,
        List<String> keywords,
        List<Pattern> patterns,
        Optional<Pattern> requires,
        int window,
        Optional<Pattern> unless,
        int unlessWindow,
        Set<FieldKind> fields,
        List<String> positiveExamples,
        List<String> negativeExamples) {

    /** Where in {@code text} the rule fires, if it does. */
    public Optional<int[]> match(String text) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            int from = 0;
            while (from <= text.length() && matcher.find(from)) {
                int start = matcher.start();
                int end = matcher.end();
                if (contextAllows(text, start, end)) {
                    return Optional.of(new int[] {start, end});
                }
                from = end > start ? end : start + 1;
            }
        }
        return Optional.empty();
    }

    public boolean appliesTo(FieldKind kind) {
        return fields.isEmpty() || fields.contains(kind);
    }

    private boolean contextAllows(String text, int start, int end) {
        if (requires.isPresent()) {
            String around = text.substring(Math.max(0, start - window), Math.min(text.length(), end + window));
            if (!requires.get().matcher(around).find()) {
                return false;
            }
        }
        if (unless.isPresent()) {
            String before = text.substring(Math.max(0, start - unlessWindow), start);
            return !unless.get().matcher(before).find();
        }
        return true;
    }
}
