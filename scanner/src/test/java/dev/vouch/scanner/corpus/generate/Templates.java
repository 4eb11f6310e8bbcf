package dev.vouch.scanner.corpus.generate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generator's data, read from {@code templates/}: lexicons, how argument and tool names map to roles,
 * the pools of added tools, the template families and the hand-written entries. Nothing about an attack
 * lives in Java; the code only fills slots and places text.
 */
record Templates(
        Map<String, List<String>> lexicons,
        List<ArgClass> argClasses,
        Pattern sideEffectTool,
        Pattern providerTool,
        Map<String, List<String>> nouns,
        Map<String, List<NewTool>> pools,
        List<Family> families,
        Map<String, List<String>> mixes,
        List<JsonNode> handWritten) {

    static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** An argument class: which {@code server/tool/argument} names it covers and the risk tampering with it carries. */
    record ArgClass(String name, String match, String risk, Pattern pattern) {
        @com.fasterxml.jackson.annotation.JsonCreator
        ArgClass(
                @com.fasterxml.jackson.annotation.JsonProperty("name") String name,
                @com.fasterxml.jackson.annotation.JsonProperty("match") String match,
                @com.fasterxml.jackson.annotation.JsonProperty("risk") String risk) {
            this(name, match, risk, Pattern.compile(match));
        }
    }

    /** A tool a family may add to a server (the labelled tool is then new, not a poisoned version of a real one). */
    record NewTool(String name, String description, Map<String, String> properties) {}

    /**
     * One sentence structure with slots. {@code text} is filled with the server's real tool and argument names
     * and lexicon phrasings; {@code wrappers} say where the filled text goes (see {@link Placement}).
     */
    record Family(
            String id,
            String label,
            String kind,
            String risk,
            String register,
            String lang,
            String split,
            Integer count,
            String carrier,
            String carrierRole,
            String pool,
            List<String> servers,
            List<String> needs,
            List<String> argClasses,
            List<String> wrappers,
            String mix,
            List<String> disguises,
            Boolean standalone,
            Boolean keepCase,
            String text) {

        List<String> wrapperCycle(Map<String, List<String>> mixes) {
            if (wrappers != null) {
                return wrappers;
            }
            if (mix != null) {
                List<String> cycle = mixes.get(mix);
                if (cycle == null) {
                    throw new IllegalStateException("family " + id + ": no mix " + mix);
                }
                return cycle;
            }
            return List.of("none");
        }

        boolean needs(String what) {
            return needs != null && needs.contains(what);
        }
    }

    private record Bindings(
            List<ArgClass> argClasses,
            String sideEffectTool,
            String providerTool,
            Map<String, List<String>> nouns,
            Map<String, List<NewTool>> pools) {}

    /** A families file: named wrapper cycles ({@code mixes}) and the families, which may name a mix. */
    private record FamilyFile(Map<String, List<String>> mixes, List<Family> families) {}

    static Templates load(Path templatesDir) throws IOException {
        Map<String, List<String>> lexicons = new LinkedHashMap<>();
        List<Family> families = new ArrayList<>();
        Map<String, List<String>> mixes = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(templatesDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith("lexicon")) {
                JsonNode root = YAML.readTree(file.toFile());
                root.fields().forEachRemaining(e -> {
                    List<String> phrasings = new ArrayList<>();
                    e.getValue().forEach(v -> phrasings.add(v.asText()));
                    if (lexicons.put(e.getKey(), phrasings) != null) {
                        throw new IllegalStateException("lexicon " + e.getKey() + " defined twice (" + name + ")");
                    }
                });
            } else if (name.startsWith("families")) {
                FamilyFile f = YAML.readValue(file.toFile(), FamilyFile.class);
                if (f.mixes() != null) {
                    mixes.putAll(f.mixes());
                }
                families.addAll(f.families());
            }
        }
        Bindings bindings = YAML.readValue(templatesDir.resolve("bindings.yaml").toFile(), Bindings.class);
        List<JsonNode> hand = new ArrayList<>();
        YAML.readTree(templatesDir.resolve("hand-written.yaml").toFile())
                .get("entries")
                .forEach(hand::add);
        return new Templates(
                lexicons,
                bindings.argClasses(),
                Pattern.compile(bindings.sideEffectTool()),
                Pattern.compile(bindings.providerTool()),
                bindings.nouns(),
                bindings.pools(),
                families,
                mixes,
                hand);
    }
}
