package dev.vouch.scanner.intent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lexicon's slots: per language, named lists of words a phrase can hold in one place. Romance languages put
 * their object pronouns between the negation and the verb ("no se lo digas", "ne le lui dis pas", "non gliene
 * parlare", "não lho digas"), and a list of phrases written one combination at a time always missed some; a phrase
 * written once as {@code "no {clitic} digas"} stands for every combination. A value may be empty (the phrase
 * without the pronoun) and may end in an apostrophe, which elides the space after it ("ne l'affiche pas").
 * A slot a phrase names that its language does not declare is refused when the lexicon is read.
 */
final class LexiconSlots {

    /** More combinations than this from one phrase are a mistake in the lexicon, not a phrase. */
    static final int MAX_EXPANSIONS = 4096;

    private final Map<String, Map<String, List<String>>> byLanguage;

    private LexiconSlots(Map<String, Map<String, List<String>>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The {@code slots} section: {@code language: {slot: [values…]}}. */
    static LexiconSlots of(JsonNode node) {
        Map<String, Map<String, List<String>>> byLanguage = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> languages = node.fields(); languages.hasNext(); ) {
            Map.Entry<String, JsonNode> language = languages.next();
            Map<String, List<String>> slots = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> named =
                            language.getValue().fields();
                    named.hasNext(); ) {
                Map.Entry<String, JsonNode> slot = named.next();
                if (!slot.getValue().isArray() || slot.getValue().isEmpty()) {
                    throw new IllegalArgumentException(
                            "lexicon slot " + slot.getKey() + " of " + language.getKey() + " is not a list of words");
                }
                List<String> values = new ArrayList<>();
                slot.getValue().forEach(value -> values.add(value.asText().strip()));
                slots.put(slot.getKey(), List.copyOf(values));
            }
            byLanguage.put(language.getKey(), slots);
        }
        return new LexiconSlots(byLanguage);
    }

    /** The phrases {@code phrase} stands for in {@code language}: itself where it names no slot. */
    List<String> expand(String language, String phrase) {
        int open = phrase.indexOf('{');
        if (open < 0) {
            return List.of(phrase);
        }
        int close = phrase.indexOf('}', open);
        if (close < 0) {
            throw new IllegalArgumentException("unclosed slot in lexicon phrase: " + phrase);
        }
        String name = phrase.substring(open + 1, close);
        List<String> values = byLanguage.getOrDefault(language, Map.of()).get(name);
        if (values == null) {
            throw new IllegalArgumentException("lexicon phrase \"" + phrase + "\" names slot {" + name + "}, which "
                    + language + " does not declare");
        }
        Set<String> expanded = new LinkedHashSet<>();
        String before = phrase.substring(0, open);
        String after = phrase.substring(close + 1);
        for (String value : values) {
            for (String rest : expand(language, join(before, value, after))) {
                expanded.add(rest);
                if (expanded.size() > MAX_EXPANSIONS) {
                    throw new IllegalArgumentException(
                            "lexicon phrase \"" + phrase + "\" stands for more than " + MAX_EXPANSIONS + " phrases");
                }
            }
        }
        return List.copyOf(expanded);
    }

    /** One value in its place: an empty one leaves one space, an elided one ("l'") none after it. */
    private static String join(String before, String value, String after) {
        if (value.isEmpty()) {
            return before.endsWith(" ") && after.startsWith(" ") ? before + after.substring(1) : before + after;
        }
        if (value.endsWith("'") && after.startsWith(" ")) {
            return before + value + after.substring(1);
        }
        return before + value + after;
    }
}
