package dev.vouch.scanner.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.Slips;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.intent.train.LabelledTools;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import dev.vouch.scanner.intent.train.Slice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The blind sets' English attacks, each scanned among its server with every word of five letters or more in its
 * description disguised, one disguise at a time: letters cut by emoji, stars, dots, commas, zero-width spaces, inline
 * tags or markdown, a word cut in two by a star, a bar, an underscore, a slash or a space, letters in brackets, leetspeak,
 * Cyrillic and Greek lookalikes, struck-through letters, every word's inner letters shuffled, a letter dropped, doubled
 * or changed, each word backwards. Where {@code DisguisedInstructionTest} shows one
 * instruction in each disguise, this shows two thousand attacks no writer disguised. Prints each disguise's figures.
 */
class DisguisedCorpusTest {

    // With 2026.12.03.2 every disguise keeps at least 92% of the attacks flagged and 60% blocked (the plain text 93.9%
    // and 71.6%). Before folding read letters parted by one repeated symbol or punctuation, letters in brackets and
    // words cut by inline tags or markdown, those disguises left (flagged / blocked) 69.9% / 32.6% (emoji), 71.3% /
    // 33.7% (stars), 73.9% / 39.4% (tags), 74.4% / 37.2% (markdown), 68.0% / 30.6% (brackets), 70.2% / 33.0%
    // (commas) and 68.8% / 20.2% (a dot after each letter); Greek lookalikes without ε blocked 51.2%.
    // Letters spaced or dotted out one by one, where two long words meet ("e v e r y m e s s a g e"), were read as
    // one run of letters until 2026.12.04.1: spaced letters were 92.3% / 64.5%, a dot after each letter 92.4% / 60.5%.
    private static final double MIN_FLAGGED = 0.90;
    private static final double MIN_BLOCKED = 0.60;

    // Every space removed ("Beforecallingsend_email,alwayssetthebcc…") is harder: a run may be a name or a long word.
    // Before 2026.12.04.1 read such a text's runs as words wherever every letter falls in a word, these attacks were
    // 75.0% / 45.5%; before 2026.12.04.4 read its runs of six to nine letters ("calldome_control"), 85.7% / 60.0%.
    private static final double MIN_FLAGGED_WITHOUT_SPACES = 0.85;
    private static final double MIN_BLOCKED_WITHOUT_SPACES = 0.60;

    private static final Pattern LONG_WORD = Pattern.compile("\\b[A-Za-z]{5,}\\b");

    @Test
    void attacksWhoseWordsAreDisguisedAreFlaggedAsTheirPlainTextIs() throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        Map<String, UnaryOperator<String>> disguises = disguises();
        Map<String, Slice> slices = new LinkedHashMap<>();
        disguises.keySet().forEach(name -> slices.put(name, Slice.EMPTY));
        for (Example example : LabelledTools.blind()) {
            if (!example.positive() || !"en".equals(example.lang())) {
                continue;
            }
            disguises.forEach((name, disguise) -> slices.merge(name, verdict(scanner, example, disguise), Slice::plus));
        }
        System.out.println("blind sets' English attacks, each long word of the description disguised:");
        slices.forEach((name, slice) -> System.out.printf("  %-28s %s%n", name, slice));

        assertThat(slices.get("as written").total()).isGreaterThan(1500);
        assertThat(slices.values()).allSatisfy(slice -> {
            assertThat(slice.flaggedRate()).isGreaterThanOrEqualTo(MIN_FLAGGED);
            assertThat(slice.blockedRate()).isGreaterThanOrEqualTo(MIN_BLOCKED);
        });
    }

    @Test
    void attacksWrittenWithoutSpacesAreStillMostlyFlagged() throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        Slice slice = Slice.EMPTY;
        for (Example example : LabelledTools.blind()) {
            if (example.positive() && "en".equals(example.lang())) {
                slice = slice.plus(verdict(scanner, example, text -> text.replace(" ", "")));
            }
        }
        System.out.printf("blind sets' English attacks, every space of the description removed: %s%n", slice);

        assertThat(slice.flaggedRate()).isGreaterThanOrEqualTo(MIN_FLAGGED_WITHOUT_SPACES);
        assertThat(slice.blockedRate()).isGreaterThanOrEqualTo(MIN_BLOCKED_WITHOUT_SPACES);
    }

    private static Slice verdict(Scanner scanner, Example example, UnaryOperator<String> disguise) {
        List<ToolDefinition> tools = new ArrayList<>(example.input().tools());
        ToolDefinition tool = tools.get(example.index());
        ObjectNode disguised = ((ObjectNode) tool.definition()).deepCopy();
        disguised.put(
                "description", disguise.apply(disguised.path("description").asText()));
        tools.set(example.index(), new ToolDefinition(tool.pointer(), disguised));
        Verdict verdict = scanner.scan(ScanInput.ofTools(tools))
                .tools()
                .get(example.index())
                .verdict();
        return Slice.EMPTY.plus(verdict);
    }

    private static Map<String, UnaryOperator<String>> disguises() {
        Map<String, UnaryOperator<String>> d = new LinkedHashMap<>();
        d.put("as written", s -> s);
        d.put("emoji between letters", s -> eachLongWord(s, w -> String.join("\uD83D\uDD25", w.split(""))));
        d.put("stars between letters", s -> eachLongWord(s, w -> String.join("\u2605", w.split(""))));
        d.put("tags inside words", s -> eachLongWord(s, w -> w.substring(0, 2) + "<b>" + w.substring(2) + "</b>"));
        d.put(
                "markdown bold inside words",
                s -> eachLongWord(s, w -> w.substring(0, 2) + "**" + w.substring(2) + "**"));
        d.put("letters in brackets", s -> eachLongWord(s, w -> w.replaceAll("(.)", "($1)")));
        d.put("commas between letters", s -> eachLongWord(s, w -> String.join(",", w.split(""))));
        d.put("a dot after each letter", s -> eachLongWord(s, w -> String.join(". ", w.split("")) + "."));
        d.put("dots between letters", s -> eachLongWord(s, w -> String.join(".", w.split(""))));
        d.put("spaced letters", s -> eachLongWord(s, w -> String.join(" ", w.split(""))));
        d.put("zero-width spaces", s -> eachLongWord(s, w -> String.join("\u200b", w.split(""))));
        d.put("hyphen inside words", s -> eachLongWord(s, w -> w.substring(0, 2) + "-" + w.substring(2)));
        d.put("a star inside words", s -> eachLongWord(s, cutInTheMiddle("*")));
        d.put("a bar inside words", s -> eachLongWord(s, cutInTheMiddle("|")));
        d.put("an underscore inside words", s -> eachLongWord(s, cutInTheMiddle("_")));
        d.put("a slash inside words", s -> eachLongWord(s, cutInTheMiddle("/")));
        d.put("a space inside words", s -> eachLongWord(s, cutInTheMiddle(" ")));
        d.put("inner letters shuffled", shuffledInside());
        // Slips a reader reads through: the middle letter of each long word dropped, doubled or changed.
        d.put("a letter dropped", s -> eachLongWord(s, Slips::dropped));
        d.put("a letter doubled", s -> eachLongWord(s, Slips::doubled));
        d.put("a letter changed", s -> eachLongWord(s, Slips::changed));
        d.put(
                "each word backwards",
                s -> eachLongWord(s, w -> new StringBuilder(w).reverse().toString()));
        d.put("leetspeak", s -> eachLongWord(s, replacing("aeios", "43105")));
        d.put("Cyrillic lookalikes", s -> eachLongWord(s, replacing("aeopc", "\u0430\u0435\u043e\u0440\u0441")));
        d.put("Greek lookalikes", s -> eachLongWord(s, replacing("oae", "\u03bf\u03b1\u03b5")));
        d.put("struck through", s -> eachLongWord(s, w -> w.replaceAll("(.)", "$1\u0336")));
        return d;
    }

    private static UnaryOperator<String> cutInTheMiddle(String cut) {
        return word -> word.substring(0, word.length() / 2) + cut + word.substring(word.length() / 2);
    }

    /**
     * Every word of four letters or more with its inner letters in another order, the first and last kept, as a
     * person and a model still read it ("Ignroe all prveious isnturctions"); each text shuffled by a generator seeded
     * by the text, so the figures repeat.
     */
    private static UnaryOperator<String> shuffledInside() {
        return text -> {
            Random random = new Random(text.hashCode());
            Matcher words = WORD_TO_SHUFFLE.matcher(text);
            StringBuilder out = new StringBuilder(text.length());
            int at = 0;
            while (words.find()) {
                List<Character> inner = new ArrayList<>();
                String word = words.group();
                for (char c : word.substring(1, word.length() - 1).toCharArray()) {
                    inner.add(c);
                }
                Collections.shuffle(inner, random);
                out.append(text, at, words.start()).append(word.charAt(0));
                inner.forEach(out::append);
                out.append(word.charAt(word.length() - 1));
                at = words.end();
            }
            return out.append(text.substring(at)).toString();
        };
    }

    private static final Pattern WORD_TO_SHUFFLE = Pattern.compile("\\b[A-Za-z]{4,}\\b");

    /** Each letter of {@code from} written as the letter at its place in {@code to}. */
    private static UnaryOperator<String> replacing(String from, String to) {
        return word -> {
            char[] letters = word.toCharArray();
            for (int i = 0; i < letters.length; i++) {
                int at = from.indexOf(letters[i]);
                letters[i] = at < 0 ? letters[i] : to.charAt(at);
            }
            return new String(letters);
        };
    }

    private static String eachLongWord(String text, UnaryOperator<String> disguise) {
        Matcher words = LONG_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        int at = 0;
        while (words.find()) {
            out.append(text, at, words.start()).append(disguise.apply(words.group()));
            at = words.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
