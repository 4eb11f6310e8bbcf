package dev.vouch.scanner.corpus.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Character-level disguise and encodings applied to a filled sentence, the way evasive text hides its key
 * words from a phrase matcher. The encoded forms are framed by lexicon phrasings ({@code enc.<name>}).
 */
final class Disguise {

    static final List<String> ALL =
            List.of("leet", "spaced", "punct", "combining", "base64", "html", "uescape", "hex");

    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final char[] COMBINING = {'\u0301', '\u0300', '\u0308', '\u0332', '\u0335', '\u0306'};
    private static final char[] INNER = {'.', '-', '_', '\u00b7', '*'};

    private final Random random;
    private final SlotFiller slots;

    Disguise(Random random, SlotFiller slots) {
        this.random = random;
        this.slots = slots;
    }

    String apply(String how, String text, Map<String, String> bound) {
        return switch (how) {
            case "leet" -> words(text, 0.6, this::leet);
            case "spaced" -> words(text, 0.25, w -> String.join(" ", w.split("")));
            case "punct" -> {
                char sep = INNER[random.nextInt(INNER.length)];
                yield words(text, 0.3, w -> String.join(String.valueOf(sep), w.split("")));
            }
            case "combining" -> words(text, 0.35, this::combining);
            case "base64" -> frame("enc.base64",
                    Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)), bound);
            case "html" -> random.nextBoolean()
                    ? frame("enc.html", htmlEntities(text), bound)
                    : text.replace("<", "&lt;").replace(">", "&gt;");
            case "uescape" -> frame("enc.uescape", uEscapes(text), bound);
            case "hex" -> frame("enc.hex", HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)), bound);
            default -> throw new IllegalStateException("unknown disguise " + how);
        };
    }

    private String frame(String lexicon, String encoded, Map<String, String> bound) {
        Map<String, String> withPayload = new java.util.HashMap<>(bound);
        withPayload.put("enc", encoded);
        return slots.pick(lexicon, withPayload);
    }

    /** Disguises a share of the longer words, always at least one, so the sentence keeps its shape. */
    private String words(String text, double share, java.util.function.UnaryOperator<String> how) {
        Matcher m = WORD.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        boolean[] chosen = new boolean[spans.size()];
        boolean any = false;
        for (int i = 0; i < spans.size(); i++) {
            chosen[i] = random.nextDouble() < share;
            any |= chosen[i];
        }
        if (!any) {
            chosen[random.nextInt(spans.size())] = true;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < spans.size(); i++) {
            int[] s = spans.get(i);
            out.append(text, at, s[0]);
            String w = text.substring(s[0], s[1]);
            out.append(chosen[i] ? how.apply(w) : w);
            at = s[1];
        }
        return out.append(text.substring(at)).toString();
    }

    private String leet(String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            out.append(switch (Character.toLowerCase(c)) {
                case 'a' -> random.nextInt(4) == 0 ? '@' : '4';
                case 'e' -> '3';
                case 'i' -> '1';
                case 'o' -> '0';
                case 's' -> '5';
                case 't' -> '7';
                default -> c;
            });
        }
        return out.toString();
    }

    private String combining(String word) {
        StringBuilder out = new StringBuilder();
        char mark = COMBINING[random.nextInt(COMBINING.length)];
        for (char c : word.toCharArray()) {
            out.append(c);
            if (random.nextInt(3) != 0) {
                out.append(mark);
            }
        }
        return out.toString();
    }

    private static String htmlEntities(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
        return out.toString();
    }

    private static String uEscapes(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
