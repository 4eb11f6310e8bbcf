package dev.vouch.scanner.intent.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vouch.scanner.corpus.Corpora;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.ToolDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The labelled tools the instruction model is fitted and measured on, each scanned the way a publish
 * envelope carries it: beside the other tools of its server.
 *
 * <ul>
 *   <li>Vouch's own corpus ({@code corpora/vouch-labelled}): positives and hard negatives, split into
 *       train and test by template family, so the test split holds phrasings the model never saw.</li>
 *   <li>Docker's benign catalog and the live tool lists of popular MCP servers on npm: every tool a
 *       negative, servers split in halves by a stable hash of their name; the model is fitted on one half.</li>
 * </ul>
 */
public final class LabelledTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One labelled tool.
     *
     * @param source   {@code vouch}, {@code handwritten}, {@code blind}, {@code docker}, {@code npm} or {@code atr}
     * @param set      the folder the example comes from ({@code vouch-blind-b})
     * @param group    the template family (or Docker server): cross-validation folds never split one
     * @param input    the whole tool set the tool is scanned with
     * @param index    the labelled tool's place in {@code input.tools()}
     */
    public record Example(
            String id,
            String source,
            String set,
            boolean positive,
            boolean train,
            String group,
            String kind,
            String style,
            String lang,
            ScanInput input,
            int index) {

        /**
         * Honest vendor text that addresses the model firmly ("MANDATORY FIRST STEP"): review is allowed for it, so it
         * is counted apart from the hard negatives.
         */
        public boolean pushy() {
            return "benign-pushy".equals(kind);
        }
    }

    private LabelledTools() {}

    public static List<Example> all() throws IOException {
        List<Example> examples = new ArrayList<>(vouch());
        examples.addAll(handwritten());
        examples.addAll(docker());
        examples.addAll(npm());
        examples.addAll(atr());
        return examples;
    }

    /**
     * The ATR labelled strings, each scanned as the description of a tool alone: measured, never fitted
     * on (their chat jailbreaks and questions pull the model away from tool text; fitted on half of them,
     * the vouch test split lost nine points of recall).
     */
    public static List<Example> atr() throws IOException {
        List<Example> examples = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(Corpora.root().resolve("atr/labelled.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String text = row.get("text").isTextual()
                    ? row.get("text").asText()
                    : row.get("text").toString();
            String rule = row.path("rule").asText();
            ArrayNode tools = JSON.createArrayNode();
            tools.addObject().put("name", "tool").put("description", text);
            examples.add(new Example(
                    "atr-" + n++,
                    "atr",
                    "atr",
                    "positive".equals(row.path("label").asText()),
                    false,
                    "atr:" + rule,
                    "atr-" + row.path("category").asText(),
                    "",
                    "en",
                    ScanInput.fromJson(tools),
                    0));
        }
        return examples;
    }

    public static List<Example> vouch() throws IOException {
        Path root = Corpora.root().resolve("vouch-labelled");
        Map<String, JsonNode> servers = new java.util.HashMap<>();
        JSON.readTree(root.resolve("servers.json").toFile())
                .fields()
                .forEachRemaining(
                        server -> servers.put(server.getKey(), server.getValue().path("tools")));
        return labelled(
                root,
                servers,
                "vouch",
                record -> "train".equals(record.path("split").asText()),
                record -> record.path("family").asText());
    }

    /**
     * The blind sets ({@code vouch-blind*}): tools written by hand for this repository without reading the
     * scanner's lexicons or the other corpora, each scanned beside its server's tools. Measured, never
     * fitted on.
     */
    public static List<Example> blind() throws IOException {
        return sets("vouch-blind", "blind", false);
    }

    /**
     * Hand-written training sets by other hands than the generator's ({@code vouch-handwritten-*}): the
     * voices of real vendors and of attackers the templates do not have. Fitted on; each set is one
     * family, so a cross-validation fold holds a writer out whole and measures a voice it never saw.
     */
    public static List<Example> handwritten() throws IOException {
        return sets("vouch-handwritten-", "handwritten", true);
    }

    /**
     * Docker's benign tools translated whole into twelve languages ({@code corpora/benign-docker-translated}),
     * every one a negative: {@code part} {@code read} and {@code read-2} hold servers of the half the model is
     * fitted on, read while the lexicons were edited; {@code unread} the other half's, measured only. Never
     * fitted on.
     */
    public static List<Example> translatedDocker(String part) throws IOException {
        return perServer(Corpora.root().resolve("benign-docker-translated").resolve(part), "translated", false);
    }

    /** Every set whose folder name starts with {@code prefix}, in name order. */
    private static List<Example> sets(String prefix, String source, boolean train) throws IOException {
        List<Example> examples = new ArrayList<>();
        List<Path> sets;
        try (Stream<Path> dirs = Files.list(Corpora.root())) {
            sets = dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        }
        for (Path set : sets) {
            examples.addAll(perServer(set, source, train));
        }
        return examples;
    }

    /** A set of {@code servers/<id>.json} tool sets and {@code labelled.jsonl} records naming their server. */
    private static List<Example> perServer(Path root, String source, boolean train) throws IOException {
        Map<String, JsonNode> servers = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(root.resolve("servers"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode server = JSON.readTree(file.toFile());
                servers.put(server.path("server").asText(), server.path("tools"));
            }
        }
        return labelled(root, servers, source, record -> train, record -> source + ":" + root.getFileName());
    }

    /**
     * The records of {@code root/labelled.jsonl}, each scanned among the tools of the server it names;
     * {@code train} and {@code group} say how a set marks its split and its cross-validation family.
     */
    private static List<Example> labelled(
            Path root,
            Map<String, JsonNode> toolsByServer,
            String source,
            java.util.function.Predicate<JsonNode> train,
            java.util.function.Function<JsonNode, String> group)
            throws IOException {
        List<Example> examples = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("labelled.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            ArrayNode tools = JSON.createArrayNode();
            int index = placeAmong(
                    record.get("tool"),
                    toolsByServer.getOrDefault(record.path("server").asText(), JSON.createArrayNode()),
                    tools);
            examples.add(new Example(
                    record.path("id").asText(),
                    source,
                    root.getFileName().toString(),
                    "positive".equals(record.path("label").asText()),
                    train.test(record),
                    group.apply(record),
                    record.path("kind").asText(),
                    record.path("style").asText(),
                    record.path("lang").asText("en"),
                    ScanInput.fromJson(tools),
                    index));
        }
        return examples;
    }

    /**
     * Writes the server's tools into {@code tools} with the labelled one in place of its namesake (a
     * poisoned or rewritten version of a real tool) or after them (a new tool); returns its index.
     */
    private static int placeAmong(JsonNode tool, JsonNode serverTools, ArrayNode tools) {
        int index = -1;
        for (JsonNode sibling : serverTools) {
            if (sibling.path("name").asText().equals(tool.path("name").asText())) {
                index = tools.size();
                tools.add(tool);
            } else {
                tools.add(sibling);
            }
        }
        if (index < 0) {
            index = tools.size();
            tools.add(tool);
        }
        return index;
    }

    public static List<Example> docker() throws IOException {
        return realTools(Corpora.dockerToolsFiles(), "docker", "benign-docker-tools");
    }

    /**
     * The live tool lists of MCP servers on npm, three harvests: real vendors' text with output schemas, annotations and
     * notes to the model, which Docker's catalog (arguments only) lacks. The second harvest's servers write more of
     * their workflows across tools ("if `authenticated=false`, run `setup_auth`"); fitted on half of them (and nothing
     * else changed), the model flagged 3.8% of the other half's tools rather than 4.7% and blocked 0.61% rather than
     * 0.85%, with the blind sets' attacks flagged as before (91.8% against 91.9%). Half the third harvest's servers
     * took every real set's unseen half further down (Docker's 2.5% flagged to 1.9%, the second harvest's 3.5% to
     * 2.7%, the third's 3.1% to 2.0%), the blind sets' attacks flagged 91.9% to 91.7%.
     */
    public static List<Example> npm() throws IOException {
        List<Example> examples = new ArrayList<>(realTools(Corpora.npmToolsFiles(), "npm", "benign-npm-tools"));
        examples.addAll(realTools(Corpora.npmSecondHarvestToolsFiles(), "npm", "benign-npm-tools-2"));
        examples.addAll(realTools(Corpora.npmThirdHarvestToolsFiles(), "npm", "benign-npm-tools-3"));
        return examples;
    }

    /** Every tool of real servers a negative, the servers in halves by a stable hash of their names. */
    private static List<Example> realTools(List<Path> files, String source, String set) throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            String server = file.getParent().getFileName().toString();
            ScanInput input;
            try {
                input = ScanInput.fromJson(JSON.readTree(file.toFile()));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            boolean train = Corpora.isFittedServer(server);
            List<ToolDefinition> tools = input.tools();
            for (int i = 0; i < tools.size(); i++) {
                examples.add(new Example(
                        server + "/" + tools.get(i).name(),
                        source,
                        set,
                        false,
                        train,
                        source + ":" + server,
                        "benign-" + source,
                        "",
                        "en",
                        input,
                        i));
            }
        }
        return examples;
    }
}
