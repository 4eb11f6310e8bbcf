package dev.vouch.scanner;

import dev.vouch.scanner.checks.ScannedField;
import dev.vouch.scanner.input.FieldKind;
import dev.vouch.scanner.normalize.NormalizedText;
import dev.vouch.scanner.normalize.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The strings one scan has read, so that a string met again is not read again: a server's tools repeat
 * their argument names, types and descriptions ({@code "query"}, {@code "string"}, "The page to fetch"),
 * about half the strings of Docker's catalog. A string's normal form follows from its text alone, and its
 * rule and field findings from its text, kind and key, where it stands aside: met again, they are those of
 * its first reading at the new place. Lives for one scan.
 */
final class SeenFields {

    private record Reading(FieldKind kind, String key, String text) {}

    private record Read(String pointer, List<Finding> findings) {}

    private final Map<String, NormalizedText> normalized = new HashMap<>();
    private final Map<Reading, Read> findings = new HashMap<>();

    NormalizedText normalized(String text) {
        return normalized.computeIfAbsent(text, Normalizer::normalize);
    }

    /** The findings of {@code field}: read by {@code read} the first time, re-placed after. */
    List<Finding> findings(ScannedField field, Function<ScannedField, List<Finding>> read) {
        Reading reading = new Reading(
                field.field().kind(), field.field().key(), field.field().text());
        String pointer = field.field().pointer();
        Read first = findings.get(reading);
        if (first == null) {
            List<Finding> found = read.apply(field);
            // Only findings that point at the field itself can be re-placed; any other is read again.
            boolean placed =
                    found.stream().allMatch(finding -> finding.pointer().equals(pointer));
            if (placed) {
                findings.put(reading, new Read(pointer, List.copyOf(found)));
            }
            return found;
        }
        List<Finding> moved = new ArrayList<>(first.findings().size());
        for (Finding finding : first.findings()) {
            moved.add(new Finding(
                    finding.ruleId(),
                    finding.family(),
                    finding.severity(),
                    pointer,
                    finding.evidence(),
                    finding.signals()));
        }
        return moved;
    }
}
