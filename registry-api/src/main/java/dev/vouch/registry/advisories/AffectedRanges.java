package dev.vouch.registry.advisories;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a version lies in an OSV {@code affected} entry: listed in {@code versions}, or inside a
 * {@code SEMVER} or {@code ECOSYSTEM} range, whose events (introduced, fixed, last_affected) are
 * evaluated in version order as the OSV schema describes. {@code GIT} ranges name commits, not
 * versions, and are not evaluated.
 */
final class AffectedRanges {

    private AffectedRanges() {}

    static boolean affects(JsonNode affected, String version, Ecosystem ecosystem) {
        for (JsonNode listed : affected.path("versions")) {
            if (listed.asText().equals(version)) {
                return true;
            }
        }
        Comparator<String> order = ecosystem.versionOrder();
        for (JsonNode range : affected.path("ranges")) {
            String type = range.path("type").asText();
            if (("SEMVER".equals(type) || "ECOSYSTEM".equals(type)) && inRange(range.path("events"), version, order)) {
                return true;
            }
        }
        return false;
    }

    private record Event(String kind, String version) {}

    private static boolean inRange(JsonNode events, String version, Comparator<String> order) {
        List<Event> sorted = new ArrayList<>();
        for (JsonNode event : events) {
            for (String kind : new String[] {"introduced", "fixed", "last_affected", "limit"}) {
                if (event.has(kind)) {
                    sorted.add(new Event(kind, event.get(kind).asText()));
                }
            }
        }
        Comparator<String> withZero =
                (a, b) -> "0".equals(a) ? ("0".equals(b) ? 0 : -1) : "0".equals(b) ? 1 : order.compare(a, b);
        sorted.sort(Comparator.comparing(Event::version, withZero));
        boolean affected = false;
        for (Event event : sorted) {
            int position = withZero.compare(version, event.version());
            switch (event.kind()) {
                case "introduced" -> affected = affected || position >= 0;
                case "fixed" -> affected = affected && position < 0;
                case "last_affected" -> affected = affected && position <= 0;
                case "limit" -> affected = affected && position < 0;
                default -> {}
            }
        }
        return affected;
    }
}
