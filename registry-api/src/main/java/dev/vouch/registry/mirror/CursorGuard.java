package dev.vouch.registry.mirror;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses an upstream whose cursor does not advance: a cursor seen before in this run, or a chain of empty
 * pages each pointing to another, would otherwise loop for ever.
 */
final class CursorGuard {

    /** Empty pages in a row, each pointing to another, before the upstream is refused. */
    static final int MAX_EMPTY_PAGES = 10;

    private final Set<String> seen = new HashSet<>();
    private int emptyPages;

    CursorGuard(Optional<String> start) {
        start.ifPresent(seen::add);
    }

    void advance(Optional<String> next, UpstreamPage page, int pages) {
        if (next.isEmpty()) {
            return;
        }
        // The cursor just read is in seen already (the start, or an earlier next): a repeat of it is caught here.
        if (!seen.add(next.get())) {
            throw new MirrorException(
                    "the upstream's cursor did not advance: " + next.get() + " came back after " + pages + " page(s)");
        }
        emptyPages = page.entries().isEmpty() && page.malformed().isEmpty() ? emptyPages + 1 : 0;
        if (emptyPages >= MAX_EMPTY_PAGES) {
            throw new MirrorException("the upstream's cursor did not advance: " + MAX_EMPTY_PAGES
                    + " empty pages in a row each pointed to another");
        }
    }
}
