package dev.vouch.registry.observability;

import dev.vouch.registry.domain.ServiceUnavailableException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the registry may take traffic. A registry that is opened has run its migrations; one that
 * {@link #awaitSeeding() awaits seeding} is not ready until the seed catalog is loaded, and takes no
 * write before then (a publish during seeding would stop the seed loader from finishing after a crash).
 */
public final class Readiness {

    /** What the registry is doing. */
    public enum State {
        SEEDING,
        READY,
        DRAINING
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.READY);

    /** The seed catalog is about to be loaded: not ready until {@link #seeded()}. */
    public void awaitSeeding() {
        state.set(State.SEEDING);
    }

    public void seeded() {
        state.compareAndSet(State.SEEDING, State.READY);
    }

    /** The registry is stopping: refuse new work while requests in flight finish. */
    public void draining() {
        state.set(State.DRAINING);
    }

    public State state() {
        return state.get();
    }

    public boolean isReady() {
        return state.get() == State.READY;
    }

    /** @throws ServiceUnavailableException unless the registry is ready for writes */
    public void requireReady() {
        switch (state.get()) {
            case SEEDING ->
                throw new ServiceUnavailableException("the registry is loading its seed catalog; retry shortly");
            case DRAINING -> throw new ServiceUnavailableException("the registry is shutting down");
            case READY -> {}
        }
    }
}
