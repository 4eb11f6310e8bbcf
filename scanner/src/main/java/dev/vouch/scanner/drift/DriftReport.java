package dev.vouch.scanner.drift;

import dev.vouch.scanner.input.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        Map<String, String> before = ToolDigests.byName(previous);
        Map<String, String> after = ToolDigests.byName(current);
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
        return new DriftReport(added, removed, changed, ToolDigests.toolSet(previous), ToolDigests.toolSet(current));
    }

    public boolean drifted() {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }
}
