package dev.vouch.scanner.bench;

import dev.vouch.scanner.Hashes;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.corpus.Corpora;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.intent.IntentFeatures;
import dev.vouch.scanner.intent.train.LabelledTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SHA-256 over everything the scanner says about every corpus (not a test): each report whole
 * (verdicts, digests, findings with their evidence and model signals, drift against itself) and each
 * tool's instruction vector with its spans. A change meant only to make the scanner faster must leave
 * it unchanged.
 *
 * <pre>java -cp … dev.vouch.scanner.bench.ScanFingerprint</pre>
 */
public final class ScanFingerprint {

    private ScanFingerprint() {}

    public static void main(String[] args) throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        Map<String, List<ScanInput>> corpora = new java.util.LinkedHashMap<>();
        corpora.put("docker-servers", dockerServers());
        corpora.put("vouch-labelled", distinctInputs(LabelledTools.vouch()));
        corpora.put("atr", distinctInputs(LabelledTools.atr()));
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, List<ScanInput>> corpus : corpora.entrySet()) {
            // Hashed as it is written: one corpus's text (every vector of four thousand inputs, as text) grew
            // past what one string holds. The digest is the same as that of the text whole.
            MessageDigest sha256 = sha256();
            for (ScanInput input : corpus.getValue()) {
                update(sha256, scanner.scan(input) + "\n");
                update(sha256, scanner.scan(input, Optional.of(input)) + "\n");
                for (IntentFeatures.Vector vector : scanner.instructionVectors(input)) {
                    update(sha256, vectorText(vector) + "\n");
                }
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            System.out.printf(
                    "%-16s %5d inputs  %s%n", corpus.getKey(), corpus.getValue().size(), digest);
            all.append(digest);
        }
        System.out.printf(
                "%-16s %5s         %s%n",
                "all", "", Hashes.sha256Hex(all.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String vectorText(IntentFeatures.Vector vector) {
        StringBuilder out = new StringBuilder(Arrays.toString(vector.values()));
        for (int i = 0; i < vector.values().length; i++) {
            IntentFeatures.Span span = vector.span(i);
            if (span != null) {
                out.append(" ")
                        .append(i)
                        .append('@')
                        .append(span.pointer())
                        .append(':')
                        .append(span.start())
                        .append('-')
                        .append(span.end())
                        .append('/')
                        .append(span.sentenceStart())
                        .append('-')
                        .append(span.sentenceEnd())
                        .append('/')
                        .append(span.decodedFrom())
                        .append('/')
                        .append(span.text());
            }
        }
        return out.toString();
    }

    private static List<ScanInput> dockerServers() throws IOException {
        return Corpora.readableDockerServers().stream()
                .map(Corpora.ToolsFile::input)
                .toList();
    }

    /** The labelled examples of one server share its input: each is scanned once. */
    private static List<ScanInput> distinctInputs(List<LabelledTools.Example> examples) {
        Map<ScanInput, Boolean> seen = new IdentityHashMap<>();
        List<ScanInput> inputs = new ArrayList<>();
        for (LabelledTools.Example example : examples) {
            if (seen.put(example.input(), Boolean.TRUE) == null) {
                inputs.add(example.input());
            }
        }
        return inputs;
    }
}
