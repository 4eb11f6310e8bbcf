package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.scanner.input.ToolDefinition;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a tool's text is read against: its own name and arguments, and the names and arguments of the
 * other tools of the same set, which an instruction aimed at the agent names when it steers them.
 */
public record ToolContext(String ownName, Set<String> ownArguments, Set<String> otherTools, Set<String> otherArguments) {

    /** Argument names shorter than this are too common ("to", "id", "q") to count as references on their own. */
    private static final int MIN_ARGUMENT_NAME = 4;

    public static ToolContext of(ToolDefinition tool, List<ToolDefinition> all) {
        String own = key(tool.name());
        Set<String> ownArguments = arguments(tool.definition());
        Set<String> others = new HashSet<>();
        Set<String> otherArguments = new HashSet<>();
        for (ToolDefinition other : all) {
            String name = key(other.name());
            if (name.isEmpty() || name.equals(own)) {
                continue;
            }
            others.add(name);
            otherArguments.addAll(arguments(other.definition()));
        }
        otherArguments.removeAll(ownArguments);
        otherArguments.removeIf(a -> a.length() < MIN_ARGUMENT_NAME && !a.contains("_"));
        return new ToolContext(own, ownArguments, Set.copyOf(others), Set.copyOf(otherArguments));
    }

    /** A context for text that belongs to no tool (prompts, instructions): every tool of the set is "other". */
    public static ToolContext standalone(List<ToolDefinition> all) {
        Set<String> others = new HashSet<>();
        Set<String> arguments = new HashSet<>();
        for (ToolDefinition tool : all) {
            if (!tool.name().isEmpty()) {
                others.add(key(tool.name()));
                arguments.addAll(arguments(tool.definition()));
            }
        }
        arguments.removeIf(a -> a.length() < MIN_ARGUMENT_NAME && !a.contains("_"));
        return new ToolContext("", Set.of(), Set.copyOf(others), Set.copyOf(arguments));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Set<String> arguments(JsonNode definition) {
        Set<String> names = new HashSet<>();
        for (String container : new String[] {"inputSchema", "arguments", "input_schema", "parameters"}) {
            JsonNode schema = definition.path(container);
            JsonNode properties = schema.path("properties");
            if (properties.isObject()) {
                for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                    names.add(key(it.next()));
                }
            } else if (schema.isArray()) {
                // Docker's tools.json: "arguments": [{"name": …, "desc": …}]
                schema.forEach(argument -> {
                    if (argument.path("name").isTextual()) {
                        names.add(key(argument.path("name").asText()));
                    }
                });
            }
        }
        return names;
    }
}
