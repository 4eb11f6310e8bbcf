package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What the generation does with the database sequences its polls read, beyond the plain case {@link
 * StoreContract} shows on both databases: the sequence is read through a supplier here so that a restore
 * and a failing database can be shown.
 */
class CatalogGenerationTest {

    private final AtomicLong sequence = new AtomicLong(10);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final CatalogGeneration generation = new CatalogGeneration(() -> {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
        return sequence.get();
    });

    @Test
    void aSequenceLowerThanTheLastSeenIsAChangeToo() {
        generation.poll();
        long seen = generation.current();

        sequence.set(3);
        generation.poll();

        assertThat(generation.current()).isNotEqualTo(seen);
    }

    @Test
    void anUnchangedSequenceKeepsTheGeneration() {
        generation.poll();
        long seen = generation.current();

        generation.poll();
        generation.poll();

        assertThat(generation.current()).isEqualTo(seen);
    }

    @Test
    void whileTheSequenceCannotBeReadEveryPollMovesTheGenerationAndTheNextReadMovesItOnceMore() {
        generation.poll();
        long before = generation.current();

        failure.set(new StoreException("database gone", null));
        generation.poll();
        long duringFirst = generation.current();
        generation.poll();
        long duringSecond = generation.current();
        failure.set(null);
        generation.poll();
        long after = generation.current();
        generation.poll();

        assertThat(duringFirst).isNotEqualTo(before);
        assertThat(duringSecond).isNotEqualTo(duringFirst);
        assertThat(after).isNotEqualTo(duringSecond);
        assertThat(generation.current()).isEqualTo(after);
    }

    @Test
    void aCommitOfThisProcessIsNotCountedAgainByTheNextPoll() {
        generation.poll();

        sequence.set(11);
        generation.committed(11);
        long afterCommit = generation.current();
        generation.poll();

        assertThat(generation.current()).isEqualTo(afterCommit);
    }
}
