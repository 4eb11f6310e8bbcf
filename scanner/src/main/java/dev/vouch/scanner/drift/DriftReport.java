package dev.vouch.scanner.drift;

import dev.vouch.scanner.input.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/** How a server's tool set changed between two versions: tools added, removed and changed. */
public record DriftReport(
        List<String> added,
        List<String> removed,
        List<String> changed,
        String previousToolSetDigest,
        String currentToolSetDigest) {

    public DriftReport {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public static DriftReport between(List<ToolDefinition> previous, List<ToolDefinition> current) {
        return between(ToolDigests.byName(previous), ToolDigests.byName(current));
    }

    /**
     * The drift between two tool sets' digests by name ({@link ToolDigests#byName}), iterated in name
     * order: each tool's canonical JSON is written once, for its digest and its set's.
     */
    public static DriftReport between(SortedMap<String, String> before, SortedMap<String, String> after) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        after.forEach((name, digest) -> {
            if (!before.containsKey(name)) {
                added.add(name);
            } else if (!Objects.equals(before.get(name), digest)) {
                changed.add(name);
            }
        });
        List<String> removed = before.keySet().stream()
                .filter(name -> !after.containsKey(name))
                .toList();
        return new DriftReport(added, removed, changed, ToolDigests.toolSet(before), ToolDigests.toolSet(after));
    }

    public boolean drifted() {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }
}
