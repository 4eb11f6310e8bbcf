package dev.vouch.store;

import java.util.List;
import java.util.Optional;

/** One page of results and, when more follow, the key to continue after. */
public record Page<T>(List<T> items, Optional<PageKey> next) {}
