package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.intent.IntentModel;
import dev.vouch.scanner.intent.train.IntentTrainer.Row;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a change to the cues or the features reaches, read before a refit. It writes, for every labelled,
 * blind, Docker and ATR example, the named features it fires and the bundled model's verdict; given the
 * census of another build, it prints how many examples of each corpus and label fire other features now, and
 * whose verdict the bundled trees alone would change. A refit moves the blind sets a–f by half a point either
 * way from one seed to the next, more than a change that reaches a few dozen texts can; the census shows
 * whether those texts are attacks or honest tools. A tool for choosing, not a test.
 *
 * <pre>
 * mvn -B -q -pl scanner exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.vouch.scanner.intent.train.FeatureCensus -Dexec.args="target/census-base.tsv"
 * (make the change, rebuild)
 * mvn -B -q -pl scanner exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.vouch.scanner.intent.train.FeatureCensus \
 *     -Dexec.args="target/census-change.tsv target/census-base.tsv"
 * </pre>
 */
public final class FeatureCensus {

    /** One example's place and what the scanner made of it. */
    record Entry(String corpus, boolean positive, String verdict, String features) {

        String line(String key) {
            return String.join("\t", key, corpus, positive ? "+" : "-", verdict, features);
        }

        static Entry parse(String[] cells) {
            return new Entry(cells[1], "+".equals(cells[2]), cells[3], cells.length > 4 ? cells[4] : "");
        }
    }

    private FeatureCensus() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: FeatureCensus OUT.tsv [BEFORE.tsv]");
            System.exit(2);
        }
        Map<String, Entry> census = census();
        write(Path.of(args[0]), census);
        if (args.length == 2) {
            compare(read(Path.of(args[1])), census).forEach(System.out::println);
        }
    }

    static Map<String, Entry> census() throws IOException {
        IntentModel model = bundledIfItLoads();
        List<Example> examples = new ArrayList<>(LabelledTools.all());
        examples.addAll(LabelledTools.blind());
        Map<String, Entry> census = new LinkedHashMap<>();
        for (Row row : IntentTrainer.rows(IntentTrainer.featureReader(), examples)) {
            Example example = row.example();
            census.put(
                    // A server may list a tool's name twice: its place in the list tells them apart.
                    example.source() + "/" + example.set() + "/" + example.id() + "#" + example.index(),
                    new Entry(
                            corpus(example),
                            example.positive(),
                            model == null
                                    ? UNSCORED
                                    : Figures.verdict(model, row).wireName(),
                            IntentTrainer.fired(row.x())));
        }
        return census;
    }

    /** The verdict of every example while the bundled model cannot score the changed inputs. */
    private static final String UNSCORED = "unscored";

    /**
     * The bundled model, or null once an edit has changed the number of inputs and it no longer loads: the
     * census of a new cue or feature comes before the refit it may call for, so it says what fires, not verdicts.
     */
    private static IntentModel bundledIfItLoads() {
        try {
            return IntentModel.bundled();
        } catch (IntentModel.FittedOnOtherInputs refitDue) {
            System.err.println("verdicts unscored: " + refitDue.getMessage());
            return null;
        }
    }

    /** The blind sets one by one, every other source as a whole: the blind sets are where a change is judged. */
    private static String corpus(Example example) {
        return "blind".equals(example.source()) ? example.set() : example.source();
    }

    /**
     * One line for each corpus and label with an example whose features moved: how many moved, and how many
     * of those the bundled trees would now give another verdict, by the verdicts before and after.
     */
    static List<String> compare(Map<String, Entry> before, Map<String, Entry> after) {
        Map<String, int[]> moved = new TreeMap<>();
        Map<String, Map<String, Integer>> verdicts = new TreeMap<>();
        for (Map.Entry<String, Entry> example : after.entrySet()) {
            Entry was = before.get(example.getKey());
            Entry now = example.getValue();
            if (was == null || was.features().equals(now.features())) {
                continue;
            }
            String slice = now.corpus() + (now.positive() ? " poisoned" : " clean");
            moved.computeIfAbsent(slice, s -> new int[1])[0]++;
            if (!was.verdict().equals(now.verdict())
                    && !UNSCORED.equals(now.verdict())
                    && !UNSCORED.equals(was.verdict())) {
                verdicts.computeIfAbsent(slice, s -> new TreeMap<>())
                        .merge(was.verdict() + "→" + now.verdict(), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        moved.forEach((slice, count) -> lines.add(
                String.format("%-36s %5d moved  %s", slice, count[0], verdicts.getOrDefault(slice, Map.of()))));
        if (lines.isEmpty()) {
            lines.add("no example fires other features");
        }
        return lines;
    }

    private static void write(Path file, Map<String, Entry> census) throws IOException {
        List<String> lines = new ArrayList<>(census.size());
        census.forEach((key, entry) -> lines.add(entry.line(key)));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> census = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t", -1);
            census.put(cells[0], Entry.parse(cells));
        }
        return census;
    }
}
