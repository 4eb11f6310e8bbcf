package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.Verdict;
import java.util.Locale;

/** Counts of one slice of scanned tools: how many, how many flagged (review or block), how many blocked. */
public record Slice(int total, int flagged, int blocked) {

    public static final Slice EMPTY = new Slice(0, 0, 0);

    public double flaggedRate() {
        return total == 0 ? 0 : (double) flagged / total;
    }

    public double blockedRate() {
        return total == 0 ? 0 : (double) blocked / total;
    }

    public Slice plus(Verdict verdict) {
        return new Slice(
                total + 1, flagged + (verdict != Verdict.PASS ? 1 : 0), blocked + (verdict == Verdict.BLOCK ? 1 : 0));
    }

    /** This slice and {@code other} counted together. */
    public Slice plus(Slice other) {
        return new Slice(total + other.total, flagged + other.flagged, blocked + other.blocked);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%5d tools  flagged %6.2f%%  blocked %6.2f%%",
                total,
                100 * flaggedRate(),
                100 * blockedRate());
    }
}
