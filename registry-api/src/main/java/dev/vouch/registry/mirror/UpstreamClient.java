package dev.vouch.registry.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * GETs from the upstream, patiently: a timeout on every request, retries with exponential backoff and
 * jitter for connection failures, timeouts and 5xx, and for 429 the wait the upstream's Retry-After
 * asks for. Any other answer is returned as it is, for the caller to judge.
 */
final class UpstreamClient {

    /** One answer: status, body and the upstream's clock (its Date header), if it sent one. */
    record Answer(int status, byte[] body, Optional<Instant> date) {}

    /** Waits between attempts; tests and the run's interruption go through it. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final MirrorSettings settings;
    private final HttpClient client;
    private final Sleeper sleeper;

    UpstreamClient(MirrorSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** GETs {@code pathAndQuery} (relative to the upstream), retrying transient failures. */
    Answer get(String pathAndQuery) {
        return get(pathAndQuery, answer -> false);
    }

    /**
     * GETs {@code pathAndQuery}, also retrying a 200 answer {@code retryAlso} rejects (a page that does not
     * parse may be a truncated transfer). Returns the last answer once attempts run out on such a page.
     */
    Answer get(String pathAndQuery, Predicate<Answer> retryAlso) {
        URI uri = URI.create(settings.upstreamId() + pathAndQuery);
        String last = "no attempt";
        Answer lastAnswer = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            Duration wait = backoff(attempt);
            try {
                HttpResponse<InputStream> response = client.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(settings.timeout())
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                Answer answer = new Answer(
                        response.statusCode(),
                        bounded(uri, response.body()),
                        response.headers().firstValue("Date").flatMap(UpstreamClient::httpDate));
                int status = answer.status();
                if (status == 429) {
                    Optional<Duration> asked =
                            response.headers().firstValue("Retry-After").flatMap(UpstreamClient::retryAfter);
                    if (asked.isPresent() && asked.get().compareTo(settings.maxRetryAfter()) > 0) {
                        throw new MirrorException(
                                uri + " asked to retry after " + asked.get().toSeconds() + " s, longer than the "
                                        + settings.maxRetryAfter().toSeconds() + " s this mirror waits");
                    }
                    wait = asked.orElse(wait);
                    last = "HTTP 429 (rate limited)";
                } else if (status >= 500) {
                    last = "HTTP " + status;
                } else if (status == 200 && retryAlso.test(answer)) {
                    last = "a malformed page";
                    lastAnswer = answer;
                } else {
                    return answer;
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new MirrorException("cannot request " + uri + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MirrorException("interrupted while reading " + uri, e);
            }
            if (attempt < settings.attempts()) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MirrorException("interrupted while waiting to retry " + uri, e);
                }
            }
        }
        if (lastAnswer != null) {
            return lastAnswer;
        }
        throw new MirrorException(uri + " failed " + settings.attempts() + " times; last: " + last);
    }

    /** The whole body, or a refusal once it grows past the largest answer this mirror reads. */
    private byte[] bounded(URI uri, InputStream body) throws IOException {
        try (InputStream in = body) {
            long max = settings.maxAnswerBytes();
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new MirrorException(uri + " answered more than " + max + " bytes, more than this mirror reads");
            }
            return bytes;
        }
    }

    private Duration backoff(int attempt) {
        long first = settings.firstBackoff().toMillis();
        long exponential = Math.min(settings.maxBackoff().toMillis(), first << Math.min(attempt - 1, 20));
        // Jitter, so mirrors that failed together do not retry in lockstep.
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }

    /** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return httpDate(trimmed).map(at -> {
                Duration until = Duration.between(Instant.now(), at);
                return until.isNegative() ? Duration.ZERO : until;
            });
        }
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
