package dev.vouch.scanner.corpus.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Writes Vouch's labelled corpus of tool definitions ({@code labelled.jsonl} and {@code STATS.md}) from the
 * templates, lexicons and hand-written entries under {@code corpora/vouch-labelled/templates}. The output is a
 * pure function of those files and {@link #SEED}: each family draws from its own random stream, so editing
 * one family changes no other family's entries.
 *
 * <p>Run from the repository root or the scanner module:
 * {@code mvn -B -q -pl scanner test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.vouch.scanner.corpus.generate.CorpusGenerator}. An optional argument names another
 * output folder.
 */
public final class CorpusGenerator {

    static final long SEED = 20261129L;
    static final String LABELLED = "labelled.jsonl";
    static final String STATS = "STATS.md";
    private static final Path IN_MODULE = Path.of("src", "test", "resources", "corpora", "vouch-labelled");

    private final Templates templates;
    private final Servers servers;

    CorpusGenerator(Path corpusDir) throws IOException {
        this.templates = Templates.load(corpusDir.resolve("templates"));
        this.servers = Servers.load(corpusDir.resolve("servers.json"));
    }

    public static void main(String[] args) throws IOException {
        Path corpus = corpusDir();
        Path out = args.length > 0 ? Path.of(args[0]) : corpus;
        List<ObjectNode> records = new CorpusGenerator(corpus).generate();
        write(records, out);
        System.out.println("wrote " + records.size() + " records to " + out.resolve(LABELLED));
        System.out.print(Stats.markdown(records));
    }

    /** The corpus folder, from the scanner module or the repository root. */
    static Path corpusDir() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate :
                new Path[] {cwd.resolve(IN_MODULE), cwd.resolve("scanner").resolve(IN_MODULE)}) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scanner/" + IN_MODULE + " not found from " + cwd);
    }

    static void write(List<ObjectNode> records, Path out) throws IOException {
        Files.createDirectories(out);
        StringBuilder sb = new StringBuilder();
        for (ObjectNode r : records) {
            sb.append(Templates.JSON.writeValueAsString(r)).append('\n');
        }
        Files.writeString(out.resolve(LABELLED), sb.toString(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(STATS), Stats.markdown(records), StandardCharsets.UTF_8);
    }

    List<ObjectNode> generate() {
        List<ObjectNode> records = new ArrayList<>();
        Set<String> seenFamilies = new HashSet<>();
        for (Templates.Family family : templates.families()) {
            if (!seenFamilies.add(family.id())) {
                throw new IllegalStateException("family " + family.id() + " defined twice");
            }
            records.addAll(generate(family));
        }
        for (JsonNode entry : templates.handWritten()) {
            if (!seenFamilies.add(entry.get("id").asText())) {
                throw new IllegalStateException(
                        "hand-written id " + entry.get("id").asText() + " clashes");
            }
            records.add(handWritten(entry));
        }
        return records;
    }

    private List<ObjectNode> generate(Templates.Family family) {
        Random random = new Random(SEED * 31 + family.id().hashCode());
        SlotFiller slots = new SlotFiller(templates.lexicons(), random);
        Binding binding = new Binding(templates, servers, random, slots);
        Placement placement = new Placement(random, slots);
        Disguise disguise = new Disguise(random, slots);
        boolean positive = family.label().equals("positive");
        String lang = family.lang() == null ? "en" : family.lang();
        String register = family.register() == null ? "formal" : family.register();
        List<String> wrappers = family.wrapperCycle(templates.mixes());
        int count = family.count() == null ? 20 : family.count();
        List<ObjectNode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int attempt = 0; out.size() < count && attempt < count * 8; attempt++) {
            Optional<Binding.Bound> maybe = binding.bind(family);
            if (maybe.isEmpty()) {
                throw new IllegalStateException("family " + family.id() + ": no server satisfies " + family.needs());
            }
            Binding.Bound b = maybe.get();
            String filled = slots.fill(family.text().strip(), b.slots());
            String text = Boolean.TRUE.equals(family.keepCase()) ? filled : SlotFiller.capitalise(filled);
            String wrapper = wrappers.get(out.size() % wrappers.size());
            String style;
            String base;
            Placement.Placed placed;
            ObjectNode schema = (ObjectNode) b.carrier().get("inputSchema");
            if (Boolean.TRUE.equals(family.standalone())) {
                base = "";
                wrapper = wrapper.equals("schema-property") ? wrapper : "standalone";
            } else {
                base = placement.base(b.baseDescription(), register, b.slots());
            }
            if (wrapper.equals("disguised")) {
                List<String> ways = family.disguises() == null ? Disguise.ALL : family.disguises();
                text = disguise.apply(ways.get(random.nextInt(ways.size())), text, b.slots());
                placed = placement.place(random.nextInt(3) == 0 ? "xml-tag" : "none", base, schema, text, b.slots());
                style = "disguised";
            } else {
                if (wrapper.equals("schema-property") && base.isEmpty()) {
                    base = b.baseDescription();
                }
                placed = placement.place(wrapper, base, schema, text, b.slots());
                style = switch (wrapper) {
                    case "none", "standalone" -> register;
                    default -> wrapper;
                };
            }
            if (!lang.equals("en") && !style.equals("disguised")) {
                style = "multilingual";
            }
            ObjectNode tool = Templates.JSON.createObjectNode();
            tool.put("name", b.carrier().get("name").asText());
            tool.put("description", placed.description());
            tool.set("inputSchema", placed.schema());
            if (!seen.add(b.server() + "\u0000" + tool)) {
                continue;
            }
            String risk = !positive
                    ? "none"
                    : "from-arg".equals(family.risk()) ? binding.riskOf(b.argClass()) : family.risk();
            out.add(record(
                    String.format("%s-%03d", family.id(), out.size() + 1),
                    family.label(),
                    family.split(),
                    family.id(),
                    family.kind(),
                    risk,
                    style,
                    lang,
                    b.server(),
                    tool));
        }
        if (out.size() < count) {
            throw new IllegalStateException("family " + family.id() + " gave only " + out.size() + " distinct entries");
        }
        return out;
    }

    private ObjectNode handWritten(JsonNode entry) {
        String id = entry.get("id").asText();
        String server = entry.get("server").asText();
        if (!servers.has(server)) {
            throw new IllegalStateException(id + ": unknown server " + server);
        }
        JsonNode given = entry.get("tool");
        ObjectNode tool = Templates.JSON.createObjectNode();
        String name = given.get("name").asText();
        tool.put("name", name);
        tool.put("description", given.get("description").asText().strip());
        if (given.has("inputSchema")) {
            tool.set("inputSchema", Templates.JSON.valueToTree(given.get("inputSchema")));
        } else {
            // A hand-written poisoned version of a real tool keeps that tool's schema; a new tool without one
            // takes no arguments.
            JsonNode schema = servers.tools(server).stream()
                    .filter(t -> t.get("name").asText().equals(name))
                    .findFirst()
                    .map(t -> t.get("inputSchema"))
                    .orElseGet(() -> Templates.JSON
                            .createObjectNode()
                            .put("type", "object")
                            .<ObjectNode>set("properties", Templates.JSON.createObjectNode())
                            .set("required", Templates.JSON.createArrayNode()));
            tool.set("inputSchema", schema.deepCopy());
        }
        String split = Math.floorMod(id.hashCode(), 10) < 3 ? "test" : "train";
        return record(
                id,
                entry.get("label").asText(),
                split,
                id,
                entry.get("kind").asText(),
                entry.path("risk").asText("none"),
                entry.get("style").asText(),
                entry.path("lang").asText("en"),
                server,
                tool);
    }

    private static ObjectNode record(
            String id,
            String label,
            String split,
            String family,
            String kind,
            String risk,
            String style,
            String lang,
            String server,
            ObjectNode tool) {
        ObjectNode r = Templates.JSON.createObjectNode();
        r.put("id", id);
        r.put("label", label);
        r.put("split", split);
        r.put("family", family);
        r.put("kind", kind);
        r.put("risk", risk);
        r.put("style", style);
        r.put("lang", lang);
        r.put("server", server);
        r.set("tool", tool);
        return r;
    }
}
