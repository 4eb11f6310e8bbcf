package dev.vouch.registry.domain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Pattern;

/**
 * Says in the registry's words why a body is not JSON. Jackson's messages name its own classes,
 * features and methods ({@code StreamReadConstraints.getMaxStringLength()}, {@code [Source: REDACTED …]}):
 * noise to a publisher and a fingerprint to an attacker.
 */
public final class JsonErrors {

    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern CODE = Pattern.compile(" \\(code -?[0-9]+\\)");

    /**
     * Where the parser's own detail begins in its message: what follows names its classes, the source, or the
     * features that would allow the input, none of them the registry's to offer.
     */
    private static final String[] PARSER_DETAIL = {
        " (start marker", " (bound as", " [Source", " (not recognized as one", ": enable ", "\n"
    };

    private JsonErrors() {}

    /** Why a document is not JSON, for a parser with {@code limits}. */
    public static String describe(JsonProcessingException e, StreamReadConstraints limits) {
        return describe(e, limits.getMaxNestingDepth(), limits.getMaxStringLength(), limits.getMaxNumberLength());
    }

    static String describe(JsonProcessingException e, int maxDepth, int maxStringLength, int maxNumberLength) {
        if (e instanceof StreamConstraintsException) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("nesting depth")) {
                return "the JSON is nested deeper than " + maxDepth + " levels";
            }
            if (message.contains("String value length")) {
                return "a string value is longer than " + maxStringLength + " characters, the most the registry "
                        + "reads (a server.json description may be at most 100)";
            }
            if (message.contains("Number value length")) {
                return "a number is longer than " + maxNumberLength + " digits";
            }
            if (message.contains("Name length")) {
                return "a member name is longer than the registry reads";
            }
            return "the JSON is larger than the registry reads";
        }
        if (e instanceof JsonEOFException) {
            return "the JSON ends before it is complete";
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Trailing token")) {
            return "more follows the JSON value" + location(e.getLocation());
        }
        for (String internal : PARSER_DETAIL) {
            int at = message.indexOf(internal);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        message = CODE.matcher(BACKTICKED.matcher(message).replaceAll(""))
                .replaceAll("")
                .trim();
        return message + location(e.getLocation());
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
