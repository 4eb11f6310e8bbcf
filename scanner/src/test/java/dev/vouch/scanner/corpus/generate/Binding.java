package dev.vouch.scanner.corpus.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Chooses, for one entry, the server and its tools a family's slots refer to: the carrier (the labelled
 * tool), the tool the user wanted ({@code target}), a side-effecting tool ({@code side}), a tool that lists
 * or reads ({@code provider}) and an argument of the target with its class. Everything named is real in
 * servers.json, because real attacks name the tools they sit beside.
 */
final class Binding {

    /** What one entry is bound to: the server, the carrier tool, and the slot values. */
    record Bound(
            String server, ObjectNode carrier, String baseDescription, Map<String, String> slots, String argClass) {}

    private final Templates templates;
    private final Servers servers;
    private final Random random;
    private final SlotFiller filler;
    /** Text in another language names tools and arguments bare or quoted, never with English words around them. */
    private boolean english = true;

    Binding(Templates templates, Servers servers, Random random, SlotFiller filler) {
        this.templates = templates;
        this.servers = servers;
        this.random = random;
        this.filler = filler;
    }

    Optional<Bound> bind(Templates.Family family) {
        List<String> ids = new ArrayList<>(family.servers() == null ? servers.ids() : family.servers());
        java.util.Collections.shuffle(ids, random);
        // Every server gets a few tries (the carrier and the tools around it are drawn at random), so a family
        // that only a handful of servers can satisfy is still bound.
        for (String server : ids) {
            for (int attempt = 0; attempt < 4; attempt++) {
                Optional<Bound> b = tryBind(family, server);
                if (b.isPresent()) {
                    return b;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Bound> tryBind(Templates.Family family, String server) {
        english = family.lang() == null || family.lang().equals("en");
        List<ObjectNode> tools = servers.tools(server);
        boolean added = switch (family.carrier() == null ? "any" : family.carrier()) {
            case "new" -> true;
            case "existing" -> false;
            // "any": a poisoned version of a real tool is the commoner case; an added tool a third of the time.
            default -> random.nextInt(3) == 0;
        };
        ObjectNode carrier;
        if (added) {
            Templates.NewTool nt = newTool(family, tools);
            if (nt == null) {
                return Optional.empty();
            }
            carrier = toTool(nt);
        } else {
            List<ObjectNode> eligible = tools;
            if (family.carrierRole() != null) {
                java.util.regex.Pattern role = switch (family.carrierRole()) {
                    case "provider" -> templates.providerTool();
                    case "side" -> templates.sideEffectTool();
                    default ->
                        throw new IllegalStateException(
                                "family " + family.id() + ": carrierRole " + family.carrierRole());
                };
                eligible = tools.stream()
                        .filter(t -> role.matcher(t.get("name").asText()).find())
                        .toList();
                if (eligible.isEmpty()) {
                    return Optional.empty();
                }
            }
            carrier = eligible.get(random.nextInt(eligible.size())).deepCopy();
        }
        String self = carrier.get("name").asText();
        List<ObjectNode> others =
                tools.stream().filter(t -> !t.get("name").asText().equals(self)).toList();
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("server", server);
        slots.put("self", self);
        slots.put("self_ref", random.nextInt(3) == 0 ? "this tool" : ref(self, null));
        slots.put("noun", pickNoun(server));

        String argClass = null;
        List<ObjectNode> targets = new ArrayList<>();
        List<String[]> targetArgs = new ArrayList<>();
        for (ObjectNode t : others) {
            for (String arg : Placement.fieldNames(t.path("inputSchema").path("properties"))) {
                String cls = classify(server, t.get("name").asText(), arg);
                boolean wanted = family.argClasses() == null
                        ? !cls.equals("other")
                        : family.argClasses().contains(cls);
                if (wanted) {
                    targets.add(t);
                    targetArgs.add(new String[] {arg, cls});
                }
            }
        }
        ObjectNode target;
        if (family.needs("arg")) {
            if (targets.isEmpty()) {
                return Optional.empty();
            }
            int i = random.nextInt(targets.size());
            target = targets.get(i);
            String arg = targetArgs.get(i)[0];
            argClass = targetArgs.get(i)[1];
            slots.put("arg", arg);
            slots.put("arg_ref", argRef(arg));
            slots.put(
                    "value",
                    filler.pick(filler.hasLexicon("value." + argClass) ? "value." + argClass : "value.other", slots));
        } else if (!others.isEmpty()) {
            target = others.get(random.nextInt(others.size()));
        } else {
            return Optional.empty();
        }
        String targetName = target.get("name").asText();
        slots.put("target", targetName);
        slots.put("target_ref", ref(targetName, server));

        List<ObjectNode> sides = others.stream()
                .filter(t -> templates
                        .sideEffectTool()
                        .matcher(t.get("name").asText())
                        .find())
                .toList();
        List<ObjectNode> sidesNotTarget = sides.stream()
                .filter(t -> !t.get("name").asText().equals(targetName))
                .toList();
        List<ObjectNode> sidePool = sidesNotTarget.isEmpty() ? sides : sidesNotTarget;
        if (!sidePool.isEmpty()) {
            ObjectNode side = sidePool.get(random.nextInt(sidePool.size()));
            slots.put("side", side.get("name").asText());
            slots.put("side_ref", ref(side.get("name").asText(), null));
            slots.put("side_args", renderArgs(server, side, slots, "fixed."));
        } else if (family.needs("side")) {
            return Optional.empty();
        }
        List<ObjectNode> providers = others.stream()
                .filter(t ->
                        templates.providerTool().matcher(t.get("name").asText()).find())
                .toList();
        if (!providers.isEmpty()) {
            String p =
                    providers.get(random.nextInt(providers.size())).get("name").asText();
            slots.put("provider", p);
            slots.put("provider_ref", ref(p, null));
            ObjectNode providerTool = providers.stream()
                    .filter(t -> t.get("name").asText().equals(p))
                    .findFirst()
                    .orElseThrow();
            slots.put("provider_example", renderArgs(server, providerTool, slots, "example."));
        } else if (family.needs("provider")) {
            return Optional.empty();
        }
        slots.put("self_example", renderArgs(server, carrier, slots, "example."));
        List<String> ownArgs = Placement.fieldNames(carrier.path("inputSchema").path("properties"));
        if (family.needs("self_classed")) {
            // The carrier tampers with (or, in a negative, documents) one of its own classed arguments.
            List<String[]> classed = new ArrayList<>();
            for (String a : ownArgs) {
                String cls = classify(server, self, a);
                if (family.argClasses() == null
                        ? !cls.equals("other")
                        : family.argClasses().contains(cls)) {
                    classed.add(new String[] {a, cls});
                }
            }
            if (classed.isEmpty()) {
                return Optional.empty();
            }
            String[] pick = classed.get(random.nextInt(classed.size()));
            slots.put("self_arg", pick[0]);
            slots.put("self_arg_ref", argRef(pick[0]));
            slots.put(
                    "self_value",
                    filler.pick(filler.hasLexicon("value." + pick[1]) ? "value." + pick[1] : "value.other", slots));
            slots.put(
                    "self_example_value",
                    filler.pick(
                            filler.hasLexicon("example." + pick[1]) ? "example." + pick[1] : "example.other", slots));
            if (argClass == null) {
                argClass = pick[1];
            }
        } else if (!ownArgs.isEmpty()) {
            String a = ownArgs.get(random.nextInt(ownArgs.size()));
            slots.put("self_arg", a);
            slots.put("self_arg_ref", argRef(a));
        } else if (family.needs("self_arg")) {
            return Optional.empty();
        }
        return Optional.of(new Bound(server, carrier, carrier.get("description").asText(), slots, argClass));
    }

    private Templates.NewTool newTool(Templates.Family family, List<ObjectNode> tools) {
        List<String> poolNames = family.pool() == null
                ? new ArrayList<>(templates.pools().keySet())
                : List.of(family.pool().split("\\|"));
        List<Templates.NewTool> candidates = new ArrayList<>();
        for (String p : poolNames) {
            List<Templates.NewTool> pool = templates.pools().get(p);
            if (pool == null) {
                throw new IllegalStateException("family " + family.id() + ": no pool " + p);
            }
            for (Templates.NewTool nt : pool) {
                if (tools.stream().noneMatch(t -> t.get("name").asText().equals(nt.name()))) {
                    candidates.add(nt);
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static ObjectNode toTool(Templates.NewTool nt) {
        ObjectNode tool = Templates.JSON.createObjectNode();
        tool.put("name", nt.name());
        tool.put("description", nt.description());
        ObjectNode schema = tool.putObject("inputSchema");
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        if (nt.properties() != null) {
            nt.properties().forEach((name, spec) -> {
                String[] typeAndDescription = spec.split("\\|", 2);
                ObjectNode p = props.putObject(name.replace("*", ""));
                p.put("type", typeAndDescription[0]);
                p.put("description", typeAndDescription[1]);
                if (name.endsWith("*")) {
                    required.add(name.replace("*", ""));
                }
            });
        }
        schema.set("required", Templates.JSON.valueToTree(required));
        return tool;
    }

    String classify(String server, String tool, String arg) {
        String key = server + "/" + tool + "/" + arg;
        for (Templates.ArgClass c : templates.argClasses()) {
            if (c.pattern().matcher(key).matches()) {
                return c.name();
            }
        }
        return "other";
    }

    String riskOf(String argClass) {
        return templates.argClasses().stream()
                .filter(c -> c.name().equals(argClass))
                .findFirst()
                .map(Templates.ArgClass::risk)
                .orElse("data-tampering");
    }

    /** How attacks and docs name a tool: bare, in backticks or quotes, "the X tool", or the server's vague noun. */
    private String ref(String name, String vagueFor) {
        int roll = random.nextInt(20);
        if (!english) {
            return switch (roll % 5) {
                case 0, 1 -> "`" + name + "`";
                case 2, 3 -> name;
                default -> "\"" + name + "\"";
            };
        }
        if (vagueFor != null && roll == 19) {
            return pickNoun(vagueFor);
        }
        return switch (roll % 10) {
            case 0, 1, 2 -> "`" + name + "`";
            case 3, 4 -> name;
            case 5 -> "the `" + name + "` tool";
            case 6 -> "the " + name + " tool";
            case 7 -> "\"" + name + "\"";
            case 8 -> name + "()";
            default -> "'" + name + "'";
        };
    }

    private String argRef(String arg) {
        if (!english) {
            return random.nextBoolean() ? "`" + arg + "`" : arg;
        }
        return switch (random.nextInt(6)) {
            case 0, 1 -> "`" + arg + "`";
            case 2 -> "the `" + arg + "` field";
            case 3 -> "the " + arg + " parameter";
            case 4 -> "\"" + arg + "\"";
            default -> arg;
        };
    }

    private String pickNoun(String server) {
        List<String> nouns = templates.nouns().get(server);
        if (nouns == null || nouns.isEmpty()) {
            throw new IllegalStateException("no nouns for server " + server);
        }
        return nouns.get(random.nextInt(nouns.size()));
    }

    /**
     * Arguments written out in the text, the way both attacks (fixed arguments of an injected call, lexicons
     * {@code fixed.*}) and honest documentation (examples, lexicons {@code example.*}) write them.
     */
    private String renderArgs(String server, ObjectNode tool, Map<String, String> slots, String prefix) {
        JsonNode props = tool.path("inputSchema").path("properties");
        List<String> names = new ArrayList<>();
        tool.path("inputSchema").path("required").forEach(r -> names.add(r.asText()));
        for (String n : Placement.fieldNames(props)) {
            if (!names.contains(n) && names.size() < 2 && random.nextBoolean()) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            return filler.pick(prefix + "noargs", slots);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String n : names) {
            String cls = classify(server, tool.get("name").asText(), n);
            String lex = filler.hasLexicon(prefix + cls)
                    ? prefix + cls
                    : prefix.equals("fixed.") && filler.hasLexicon("value." + cls) ? "value." + cls : prefix + "other";
            values.put(n, filler.pick(lex, slots));
        }
        StringBuilder sb = new StringBuilder();
        int style = random.nextInt(english ? 4 : 2);
        int i = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue().replace("\"", "'");
            switch (style) {
                case 0 ->
                    sb.append(i == 0 ? "{" : ", ")
                            .append('"')
                            .append(e.getKey())
                            .append("\": \"")
                            .append(v)
                            .append('"');
                case 1 ->
                    sb.append(i == 0 ? "" : ", ")
                            .append(e.getKey())
                            .append("=\"")
                            .append(v)
                            .append('"');
                case 2 ->
                    sb.append(i == 0 ? "" : i == values.size() - 1 ? " and " : ", ")
                            .append('`')
                            .append(e.getKey())
                            .append("` set to ")
                            .append(v);
                default ->
                    sb.append(i == 0 ? "" : ", ")
                            .append(e.getKey())
                            .append(": ")
                            .append(v);
            }
            i++;
        }
        if (style == 0) {
            sb.append('}');
        }
        return sb.toString();
    }
}
