package dev.vouch.registry.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence, for showing how a tool's definition changed. Tool
 * definitions are small; above {@link #MAX_LINES} lines a side, the diff shows the whole old text
 * removed and the new text added rather than spend quadratic time.
 */
public final class TextDiff {

    static final int MAX_LINES = 400;

    /** One line of the diff: {@code ' '} kept, {@code '-'} removed, {@code '+'} added. */
    public record Line(char kind, String text) {
        public String css() {
            return kind == '+' ? "add" : kind == '-' ? "del" : "same";
        }

        public String sign() {
            return String.valueOf(kind);
        }
    }

    private TextDiff() {}

    static List<Line> lines(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
        List<Line> out = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String line : a) {
                out.add(new Line('-', line));
            }
            for (String line : b) {
                out.add(new Line('+', line));
            }
            return out;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(' ', a[i]));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line('-', a[i++]));
            } else {
                out.add(new Line('+', b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line('-', a[i++]));
        }
        while (j < b.length) {
            out.add(new Line('+', b[j++]));
        }
        return out;
    }
}
