package dev.vouch.registry.web;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.Tier;
import dev.vouch.registry.domain.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog page's query: a search term, the filters, the order and the page. An empty value means
 * "any", as an unselected form field sends it; anything else outside the choices is refused by name.
 */
public record CatalogQuery(
        String q, String tier, String verdict, String transport, String type, String status, String sort, int page) {

    public static final List<String> TIERS = Tier.wireNames();
    public static final List<String> VERDICTS = List.of("pass", "review", "block");
    public static final List<String> TRANSPORTS = List.of("stdio", "remote");
    public static final List<String> TYPES = List.of("npm", "pypi", "oci", "mcpb", "nuget");
    public static final List<String> STATUSES = List.of("active", "deprecated", "deleted");
    public static final List<String> SORTS = List.of("relevance", "name", "updated");
    static final int MAX_TERM = 200;
    static final int MAX_PAGE = 10_000;

    /** Reads the parameters through {@code param}, which returns null for an absent one. */
    static CatalogQuery from(Function<String, String> param) {
        List<Violation> violations = new ArrayList<>();
        String q = value(param, "q").strip();
        if (q.length() > MAX_TERM) {
            violations.add(new Violation("q", "the search is at most " + MAX_TERM + " characters"));
        }
        String tier = choice(param, "tier", TIERS, violations);
        String verdict = choice(param, "verdict", VERDICTS, violations);
        String transport = choice(param, "transport", TRANSPORTS, violations);
        String type = choice(param, "type", TYPES, violations);
        String status = choice(param, "status", STATUSES, violations);
        String sort = choice(param, "sort", SORTS, violations);
        int page = 1;
        String pageText = value(param, "page");
        if (!pageText.isEmpty()) {
            try {
                page = Integer.parseInt(pageText);
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1 || page > MAX_PAGE) {
                violations.add(new Violation("page", "page must be a number from 1 to " + MAX_PAGE));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.get(0).message(), violations);
        }
        return new CatalogQuery(q, tier, verdict, transport, type, status, sort.isEmpty() ? "relevance" : sort, page);
    }

    public Optional<String> term() {
        return q.isEmpty() ? Optional.empty() : Optional.of(q);
    }

    boolean matches(ServerSummary server) {
        return (tier.isEmpty() || tier.equals(server.tier()))
                && (verdict.isEmpty() || verdict.equals(server.verdict()))
                && (transport.isEmpty() || server.transports().contains(transport))
                && (type.isEmpty() || server.packageTypes().contains(type))
                && (status.isEmpty() ? !"deleted".equals(server.status()) : status.equals(server.status()));
    }

    /** This query's link for another page. */
    public String pageHref(int other) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("tier", tier);
        params.put("verdict", verdict);
        params.put("transport", transport);
        params.put("type", type);
        params.put("status", status);
        params.put("sort", "relevance".equals(sort) ? "" : sort);
        params.put("page", other == 1 ? "" : Integer.toString(other));
        StringBuilder href = new StringBuilder("/");
        params.forEach((key, value) -> {
            if (!value.isEmpty()) {
                href.append(href.length() == 1 ? '?' : '&')
                        .append(key)
                        .append('=')
                        .append(WebPaths.encode(value));
            }
        });
        return href.toString();
    }

    private static String value(Function<String, String> param, String name) {
        String value = param.apply(name);
        return value == null ? "" : value;
    }

    private static String choice(
            Function<String, String> param, String name, List<String> choices, List<Violation> violations) {
        String value = value(param, name);
        if (!value.isEmpty() && !choices.contains(value)) {
            violations.add(new Violation(name, name + " must be one of " + choices));
            return "";
        }
        return value;
    }
}
