package dev.vouch.scanner;

/**
 * Slips a reader reads through, made to a word of five letters or more at its middle letter: dropped, doubled, or
 * changed to the next letter of the alphabet. The disguise tests write them into every long word of a text.
 */
public final class Slips {

    private Slips() {}

    public static String dropped(String word) {
        int middle = word.length() / 2;
        return word.substring(0, middle) + word.substring(middle + 1);
    }

    public static String doubled(String word) {
        int middle = word.length() / 2;
        return word.substring(0, middle + 1) + word.substring(middle);
    }

    public static String changed(String word) {
        int middle = word.length() / 2;
        char c = word.charAt(middle);
        char base = Character.isUpperCase(c) ? 'A' : 'a';
        return word.substring(0, middle) + (char) (base + (c - base + 1) % 26) + word.substring(middle + 1);
    }
}
