package dev.vouch.scanner.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Runs a benchmark's round until the JIT and the heap have settled. A heap that is still growing puts the
 * first touch of every new page into whichever round allocates it: with a fixed eight seconds, the JVM's
 * young generation was still growing from about 120 MB to 900 MB in the timed rounds, and about an eighth of
 * the profiled time was page faults, a cost a long-running registry pays once. So the warm-up lasts at least
 * {@code minimumNanos}, and then until two collections have passed without the heap's peak use growing: each
 * young collection follows a full pass over the young generation, so every page it will use has been touched.
 */
final class WarmUp {

    /** Enough for any heap to settle; past it the rounds are timed anyway, and the reason printed. */
    private static final int MAXIMUM_TIMES_MINIMUM = 6;

    private WarmUp() {}

    /** A round that may throw, as {@link ScannerComparison}'s reflective calls do. */
    interface Round {
        void run() throws Exception;
    }

    /** Runs {@code round} until the JIT and the heap have settled, and says how long that took. */
    static void run(Round round, long minimumNanos) throws Exception {
        long start = System.nanoTime();
        long peak = peakHeapUse();
        long collectionsAtLastGrowth = collections();
        while (true) {
            round.run();
            long elapsed = System.nanoTime() - start;
            long nowPeak = peakHeapUse();
            if (nowPeak != peak) {
                peak = nowPeak;
                collectionsAtLastGrowth = collections();
            }
            boolean settled = collections() - collectionsAtLastGrowth >= 2;
            if (elapsed >= minimumNanos && settled) {
                System.out.printf("warm-up: %.1f s, heap settled (peak use %d MB)%n", elapsed / 1e9, peak >> 20);
                return;
            }
            if (elapsed >= minimumNanos * MAXIMUM_TIMES_MINIMUM) {
                System.out.printf(
                        "warm-up: %.1f s, heap still growing (peak use %d MB): rounds may include its growth%n",
                        elapsed / 1e9, peak >> 20);
                return;
            }
        }
    }

    /** The most each heap pool has held, summed: it grows while the pages in use are still new ones. */
    private static long peakHeapUse() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }
}
