package dev.vouch.scanner.corpus.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Counts of the corpus per split, written to STATS.md next to the data so the README never goes stale. */
final class Stats {

    private Stats() {}

    static Map<String, Long> countBy(List<ObjectNode> records, String field) {
        return records.stream()
                .collect(Collectors.groupingBy(r -> r.get(field).asText(), TreeMap::new, Collectors.counting()));
    }

    static String markdown(List<ObjectNode> records) {
        StringBuilder sb = new StringBuilder("# Vouch labelled corpus: counts\n\n");
        sb.append("Written by CorpusGenerator; do not edit by hand.\n\n");
        sb.append("## Records and families per label and split\n\n");
        sb.append("| label | train | test | families train | families test |\n|---|---:|---:|---:|---:|\n");
        for (String label : List.of("positive", "negative")) {
            List<ObjectNode> l = records.stream()
                    .filter(r -> r.get("label").asText().equals(label))
                    .toList();
            sb.append("| ")
                    .append(label)
                    .append(" | ")
                    .append(count(l, r -> split(r, "train")))
                    .append(" | ")
                    .append(count(l, r -> split(r, "test")))
                    .append(" | ")
                    .append(families(l, "train"))
                    .append(" | ")
                    .append(families(l, "test"))
                    .append(" |\n");
        }
        sb.append("\n## By source\n\n| source | positive train | positive test | negative train | negative test |\n");
        sb.append("|---|---:|---:|---:|---:|\n");
        for (String source : List.of("template", "hand-written")) {
            sb.append("| ").append(source);
            for (String label : List.of("positive", "negative")) {
                for (String split : List.of("train", "test")) {
                    sb.append(" | ")
                            .append(count(
                                    records,
                                    r -> source(r).equals(source)
                                            && r.get("label").asText().equals(label)
                                            && split(r, split)));
                }
            }
            sb.append(" |\n");
        }
        for (String field : List.of("kind", "risk", "style", "lang")) {
            sb.append("\n## By ").append(field).append("\n\n");
            sb.append("| ")
                    .append(field)
                    .append(" | positive train | positive test | negative train | negative test |\n");
            sb.append("|---|---:|---:|---:|---:|\n");
            TreeSet<String> values = new TreeSet<>(countBy(records, field).keySet());
            for (String v : values) {
                sb.append("| ").append(v);
                for (String label : List.of("positive", "negative")) {
                    for (String split : List.of("train", "test")) {
                        sb.append(" | ")
                                .append(count(
                                        records,
                                        r -> r.get(field).asText().equals(v)
                                                && r.get("label").asText().equals(label)
                                                && split(r, split)));
                    }
                }
                sb.append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String source(ObjectNode r) {
        return r.get("family").asText().startsWith("hand-") ? "hand-written" : "template";
    }

    private static boolean split(ObjectNode r, String split) {
        return r.get("split").asText().equals(split);
    }

    private static long count(List<ObjectNode> records, Predicate<ObjectNode> p) {
        return records.stream().filter(p).count();
    }

    private static long families(List<ObjectNode> records, String split) {
        return records.stream()
                .filter(r -> split(r, split))
                .map(r -> r.get("family").asText())
                .distinct()
                .count();
    }
}
