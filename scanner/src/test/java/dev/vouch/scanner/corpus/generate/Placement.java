package dev.vouch.scanner.corpus.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Puts a filled sentence into a tool definition: inside the running description, in a tag block, in a
 * Markdown section, in an "Args:" block built from the schema, or in a schema property's description. The
 * same placements serve positives and negatives, so where a sentence sits says nothing about its label.
 */
final class Placement {

    /** A tool's description and input schema after placement. */
    record Placed(String description, ObjectNode schema) {}

    private static final java.util.regex.Pattern BOUNDARY =
            java.util.regex.Pattern.compile("(?<=[.!?])\\s+(?=[A-Z`*(])");

    private final Random random;
    private final SlotFiller slots;

    Placement(Random random, SlotFiller slots) {
        this.random = random;
        this.slots = slots;
    }

    /** The carrier's own description, shortened or padded to the register. */
    String base(String description, String register, Map<String, String> bound) {
        String intro = description.split("\n\n", 2)[0];
        return switch (register) {
            case "terse" -> random.nextBoolean() ? firstSentence(intro) : intro;
            case "verbose" -> {
                StringBuilder sb = new StringBuilder(description);
                int extra = 2 + random.nextInt(3);
                for (int i = 0; i < extra; i++) {
                    sb.append(random.nextInt(3) == 0 ? "\n\n" : " ").append(slots.pick("filler", bound));
                }
                yield sb.toString();
            }
            default -> random.nextInt(3) == 0 ? description + " " + slots.pick("filler", bound) : description;
        };
    }

    Placed place(String wrapper, String base, ObjectNode schema, String text, Map<String, String> bound) {
        return switch (wrapper) {
            case "none" -> new Placed(insert(base, text), schema);
            case "standalone" -> new Placed(text, schema);
            case "xml-tag" -> new Placed(tagged(base, text, bound), schema);
            case "markdown" -> new Placed(markdown(base, text, bound), schema);
            case "arguments-section" -> new Placed(argsSection(base, schema, text, bound), schema);
            case "schema-property" -> new Placed(base, inProperty(schema, text, bound));
            default -> throw new IllegalStateException("unknown wrapper " + wrapper);
        };
    }

    /** Inserts the sentence at the start, at a sentence boundary in the middle, or at the end of the text. */
    String insert(String base, String text) {
        List<Integer> bounds = new ArrayList<>();
        java.util.regex.Matcher m = BOUNDARY.matcher(base);
        while (m.find()) {
            bounds.add(m.end());
        }
        int roll = random.nextInt(10);
        if (roll < 2 || base.isBlank()) {
            return base.isBlank() ? text : text + " " + base;
        }
        if (roll < 5 && !bounds.isEmpty()) {
            int at = bounds.get(random.nextInt(bounds.size()));
            return base.substring(0, at) + text + " " + base.substring(at);
        }
        return base + (random.nextInt(4) == 0 ? "\n\n" : " ") + text;
    }

    private String tagged(String base, String text, Map<String, String> bound) {
        String tag = slots.pick("xmltag", bound);
        String block = random.nextBoolean()
                ? "<" + tag + ">\n" + text + "\n</" + tag + ">"
                : "<" + tag + ">" + text + "</" + tag + ">";
        int roll = random.nextInt(10);
        if (roll < 2) {
            return block + "\n\n" + base;
        }
        if (roll < 4) {
            return base + " " + block;
        }
        return base + "\n\n" + block;
    }

    private String markdown(String base, String text, Map<String, String> bound) {
        String title = SlotFiller.capitalise(bound.get("self").replace('_', ' '));
        String heading = slots.pick("mdheader", bound);
        String filler = slots.pick("filler", bound);
        return switch (random.nextInt(5)) {
            case 0 -> "## " + title + "\n\n" + base + "\n\n### " + heading + "\n\n- **" + text + "**\n- " + filler;
            case 1 -> base + "\n\n**" + heading + ":** " + text;
            case 2 -> "# " + title + "\n\n" + base + "\n\n> " + text;
            case 3 -> "### " + heading + "\n\n" + text + "\n\n### Description\n\n" + base;
            default -> base + "\n\n## " + heading + "\n\n1. " + filler + "\n2. " + text;
        };
    }

    private String argsSection(String base, ObjectNode schema, String text, Map<String, String> bound) {
        String intro = base.split("\n\n", 2)[0];
        String header = slots.pick("argsheader", bound);
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        boolean bullets = random.nextInt(3) == 0;
        StringBuilder sb =
                new StringBuilder(intro).append("\n\n").append(header).append('\n');
        int inject = names.isEmpty() ? -1 : random.nextInt(names.size() + 1) - 1;
        if (inject < 0) {
            sb.append(bullets ? "- " : "    ").append(text).append('\n');
        }
        for (int i = 0; i < names.size(); i++) {
            JsonNode p = schema.path("properties").path(names.get(i));
            String line = bullets
                    ? "- `" + names.get(i) + "`: " + p.path("description").asText()
                    : "    " + names.get(i) + " (" + p.path("type").asText("string") + "): "
                            + p.path("description").asText();
            sb.append(line);
            if (i == inject) {
                sb.append(random.nextBoolean() ? ". " + text : "\n" + (bullets ? "  " : "        ") + text);
            }
            sb.append('\n');
        }
        if (random.nextBoolean()) {
            sb.append('\n').append(slots.pick("returns", bound)).append('\n');
        }
        return sb.toString().strip();
    }

    private ObjectNode inProperty(ObjectNode schema, String text, Map<String, String> bound) {
        ObjectNode copy = schema.deepCopy();
        ObjectNode props = copy.has("properties") ? (ObjectNode) copy.get("properties") : copy.putObject("properties");
        List<String> names = new ArrayList<>();
        props.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty() && random.nextBoolean()) {
            ObjectNode p = (ObjectNode) props.get(names.get(random.nextInt(names.size())));
            String own = p.path("description").asText();
            p.put("description", own.isEmpty() ? text : own + (own.endsWith(".") ? " " : ". ") + text);
            return copy;
        }
        String name = slots.pick("extraprop", bound);
        if (!props.has(name)) {
            ObjectNode p = props.putObject(name);
            p.put("type", "string");
            p.put("description", text);
        } else {
            ObjectNode p = (ObjectNode) props.get(name);
            p.put("description", p.path("description").asText() + " " + text);
        }
        return copy;
    }

    static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot < 0 ? s : s.substring(0, dot + 1);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
