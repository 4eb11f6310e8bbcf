package dev.vouch.registry.catalog;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.Tier;
import dev.vouch.registry.domain.Violation;
import dev.vouch.store.PageKey;
import dev.vouch.store.VersionQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The query parameters of {@code GET /servers}, checked together so every bad one is reported. */
public record ListRequest(
        Optional<String> cursor,
        Optional<String> limit,
        Optional<String> search,
        Optional<String> updatedSince,
        Optional<String> version,
        Optional<String> includeDeleted,
        Optional<String> tier,
        Optional<String> verified) {

    public static final int DEFAULT_LIMIT = 30;
    public static final int MAX_LIMIT = 100;
    private static final int MAX_SEARCH_LENGTH = 200;
    // The store keeps microseconds since the epoch in a long computed through nanoseconds: instants past
    // 2262 overflow it, and nothing in the registry is older than the epoch.
    static final Instant EARLIEST_SINCE = Instant.EPOCH;
    static final Instant LATEST_SINCE = Instant.parse("2262-01-01T00:00:00Z");

    /** Reads the parameters through {@code param}, which returns null for an absent one. */
    public static ListRequest from(Function<String, String> param) {
        return new ListRequest(
                Optional.ofNullable(param.apply("cursor")),
                Optional.ofNullable(param.apply("limit")),
                Optional.ofNullable(param.apply("search")),
                Optional.ofNullable(param.apply("updated_since")),
                Optional.ofNullable(param.apply("version")),
                Optional.ofNullable(param.apply("include_deleted")),
                Optional.ofNullable(param.apply("tier")),
                Optional.ofNullable(param.apply("verified")));
    }

    /**
     * The store query these parameters ask for.
     *
     * @throws InvalidRequestException listing every invalid parameter
     */
    VersionQuery toQuery() {
        List<Violation> violations = new ArrayList<>();
        int pageSize = parseLimit(violations);
        Optional<Instant> since = parseUpdatedSince(violations);
        Optional<Boolean> deleted = parseBoolean("include_deleted", includeDeleted, violations);
        if (since.isPresent() && deleted.equals(Optional.of(false))) {
            violations.add(new Violation(
                    "include_deleted",
                    "updated_since always includes deleted entries; include_deleted=false contradicts it"));
        }
        Optional<String> term = search.filter(s -> !s.isBlank());
        if (term.isPresent() && term.get().length() > MAX_SEARCH_LENGTH) {
            violations.add(new Violation("search", "search is at most " + MAX_SEARCH_LENGTH + " characters"));
        }
        Optional<String> tierFilter = tier.filter(t -> !t.isEmpty());
        if (tierFilter.isPresent() && Tier.fromWire(tierFilter.get()).isEmpty()) {
            violations.add(new Violation("tier", "tier must be one of " + Tier.wireNames()));
        }
        if (parseBoolean("verified", verified, violations).orElse(false)) {
            if (tierFilter.isPresent() && !Tier.VERIFIED.wireName().equals(tierFilter.get())) {
                violations.add(new Violation("verified", "verified=true contradicts tier=" + tierFilter.get()));
            }
            tierFilter = Optional.of(Tier.VERIFIED.wireName());
        }
        Optional<PageKey> after = Optional.empty();
        try {
            after = cursor.filter(c -> !c.isEmpty()).map(Cursor::decode);
            Class<? extends PageKey> order = term.isPresent()
                    ? PageKey.ByRelevance.class
                    : since.isPresent() ? PageKey.ByChange.class : PageKey.ByName.class;
            after.ifPresent(key -> Cursor.requireKind(key, order));
        } catch (InvalidRequestException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.get(0).message(), violations);
        }
        return new VersionQuery(
                term,
                since,
                version.filter(v -> !v.isEmpty()).map(ListRequest::selector),
                since.isPresent() || deleted.orElse(false),
                tierFilter,
                after,
                pageSize);
    }

    private int parseLimit(List<Violation> violations) {
        if (limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        // ASCII digits alone: Integer.parseInt would also take "+5" and full-width "９", spellings no client sends.
        String text = limit.get();
        if (!text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        }
        violations.add(new Violation("limit", "limit must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private Optional<Instant> parseUpdatedSince(List<Violation> violations) {
        Optional<Instant> since;
        try {
            since = updatedSince.map(text -> OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(
                    "updated_since", "updated_since must be an RFC 3339 date-time such as 2025-08-07T13:15:04Z"));
            return Optional.empty();
        }
        if (since.isPresent()
                && (since.get().isBefore(EARLIEST_SINCE) || !since.get().isBefore(LATEST_SINCE))) {
            violations.add(new Violation(
                    "updated_since",
                    "updated_since must lie from " + EARLIEST_SINCE + " up to (not including) " + LATEST_SINCE));
            return Optional.empty();
        }
        return since;
    }

    /**
     * A boolean query flag that defaults to false.
     *
     * @throws InvalidRequestException when the value is neither {@code true} nor {@code false}
     */
    public static boolean flag(String name, String value) {
        List<Violation> violations = new ArrayList<>();
        Optional<Boolean> parsed = parseBoolean(name, Optional.ofNullable(value), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.get(0).message(), violations);
        }
        return parsed.orElse(false);
    }

    private static Optional<Boolean> parseBoolean(String name, Optional<String> value, List<Violation> violations) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        switch (value.get()) {
            case "true":
                return Optional.of(true);
            case "false":
                return Optional.of(false);
            default:
                violations.add(new Violation(name, name + " must be true or false"));
                return Optional.empty();
        }
    }

    private static VersionQuery.VersionSelector selector(String version) {
        return "latest".equals(version)
                ? new VersionQuery.VersionSelector.Latest()
                : new VersionQuery.VersionSelector.Exact(version);
    }
}
