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

    static final List<String> ALL = List.of("leet", "spaced", "punct", "combining", "base64", "html", "uescape", "hex");

    /** Tokens of letters, digits and underscores; only plain words of four or more letters are disguised, never identifiers. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private static final char[] COMBINING = {'\u0301', '\u0300', '\u0308', '\u0332', '\u0335', '\u0306'};
    private static final char[] INNER = {'.', '-', '_', '\u00b7', '*'};

    private final Random random;
    private final SlotFiller slots;

    Disguise(Random random, SlotFiller slots) {
        this.random = random;
        this.slots = slots;
    }

    String apply(String how, String text, Map<String, String> bound) {
        String out = transform(how, text, bound);
        // A word-level disguise finds nothing to change in a sentence without plain (or plain ASCII) words.
        return out.equals(text) ? transform("base64", text, bound) : out;
    }

    private String transform(String how, String text, Map<String, String> bound) {
        return switch (how) {
            case "leet" -> words(text, 0.6, true, this::leet);
            case "spaced" -> words(text, 0.25, false, w -> String.join(" ", letters(w)));
            case "punct" -> {
                char sep = INNER[random.nextInt(INNER.length)];
                yield words(text, 0.3, false, w -> String.join(String.valueOf(sep), letters(w)));
            }
            case "combining" -> words(text, 0.35, false, this::combining);
            case "base64" ->
                frame("enc.base64", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)), bound);
            case "html" -> {
                if (random.nextBoolean()) {
                    yield frame("enc.html", htmlEntities(text), bound);
                }
                // Escaped markup: the tag only becomes a tag once the entities are decoded.
                String tag = slots.pick("xmltag", bound);
                yield "&lt;" + tag + "&gt;" + text.replace("<", "&lt;").replace(">", "&gt;") + "&lt;/" + tag + "&gt;";
            }
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
    private String words(String text, double share, boolean asciiOnly, java.util.function.UnaryOperator<String> how) {
        Matcher m = WORD.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            String token = m.group();
            boolean plain = asciiOnly
                    ? token.chars().allMatch(c -> c < 128 && Character.isLetter(c))
                    : token.chars().allMatch(Character::isLetter);
            if (token.codePointCount(0, token.length()) >= 4 && plain) {
                spans.add(new int[] {m.start(), m.end()});
            }
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

    private static List<String> letters(String word) {
        return word.codePoints().mapToObj(Character::toString).toList();
    }

    private String leet(String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            out.append(
                    switch (Character.toLowerCase(c)) {
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
