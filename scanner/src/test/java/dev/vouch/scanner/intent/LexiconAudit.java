package dev.vouch.scanner.intent;

import dev.vouch.scanner.input.TextExtractor;
import dev.vouch.scanner.input.TextField;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.intent.train.LabelledTools;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which phrases of other languages than English fire mostly on the fitted honest tools: the filter each widening of
 * the lexicons was held to (2026.12.05.7, 2026.12.05.8), kept here so that the next one can be. For every tool of the
 * training sets (the generated corpus's train split and the hand-written sets), each phrase the lexicon matches in
 * its texts counts once; a phrase of another language that matches at least {@link #MIN_HONEST} honest tools, and
 * twice as many honest tools as attacks, is printed with its counts. Cues that honest text is meant to fire
 * ({@code protect}, {@code purpose}, {@code describe}) are left out, and {@code tell}, read only beside a negation.
 * English phrases are left out too: English is the language the training sets are mostly written in, and its
 * phrases were chosen against them; so is a phrase English holds with the same cue, which changes nothing. The words
 * a phrase shares with English are {@link BundledLexiconTest}'s. A tool for choosing, not a test.
 *
 * <pre>
 * mvn -B -q -pl scanner exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.vouch.scanner.intent.LexiconAudit
 * </pre>
 */
public final class LexiconAudit {

    static final int MIN_HONEST = 3;
    /** Cues honest text is meant to fire, and {@code tell}, which fires nothing on its own. */
    private static final Set<String> LEFT_OUT = Set.of("protect", "purpose", "describe", "tell");

    private LexiconAudit() {}

    /** How many attacks and honest tools a phrase matched. */
    private static final class Counts {
        int attacks;
        int honest;
    }

    public static void main(String[] args) throws IOException {
        Lexicon lexicon = Lexicon.bundled();
        List<Example> training = new ArrayList<>();
        LabelledTools.vouch().stream().filter(Example::train).forEach(training::add);
        training.addAll(LabelledTools.handwritten());

        Map<String, Counts> counts = new HashMap<>();
        for (Example example : training) {
            ToolDefinition tool = example.input().tools().get(example.index());
            Set<String> matched = new HashSet<>();
            for (TextField field : TextExtractor.tool(tool)) {
                char[] folded = FoldedText.of(field.text()).chars();
                lexicon.match(folded, (cues, start, end) -> matched.add(new String(folded, start, end - start)));
            }
            for (String phrase : matched) {
                Counts count = counts.computeIfAbsent(phrase, p -> new Counts());
                if (example.positive()) {
                    count.attacks++;
                } else {
                    count.honest++;
                }
            }
        }

        List<Lexicon.Written> written = Lexicon.bundledWritten();
        Set<String> english = BundledLexiconTest.englishKeys(written);
        List<String> found = new ArrayList<>();
        for (Lexicon.Written phrase : written) {
            String key = Lexicon.folded(phrase.phrase());
            if (phrase.language().equals("en")
                    || LEFT_OUT.contains(phrase.cue())
                    || english.contains(phrase.cuedKey())) {
                continue; // English's own, meant for honest text, or held by English with the same cue
            }
            Counts count = counts.get(key);
            if (count != null && count.honest >= MIN_HONEST && count.honest >= 2 * count.attacks) {
                found.add(String.format(
                        "%5d honest %5d attacks  %s %s \"%s\"",
                        count.honest, count.attacks, phrase.language(), phrase.cue(), phrase.phrase()));
            }
        }
        found.sort(null);
        found.forEach(System.out::println);
        System.out.printf(
                "%d tools read; %d phrases of other languages than English fire mostly on honest tools%n",
                training.size(), found.size());
    }
}
