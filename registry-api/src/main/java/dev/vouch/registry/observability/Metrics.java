package dev.vouch.registry.observability;

import dev.vouch.registry.evidence.FetchObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's metrics, scraped at {@code /metrics} in the Prometheus text format: HTTP requests by
 * route, method and status (with latency histograms), publish outcomes, scanner verdicts, evidence
 * fetches, the database pool and the JVM. Every tag has a bounded set of values: routes are templates,
 * never raw paths, so a client cannot grow the series without end.
 */
public final class Metrics implements FetchObserver {

    /** The content type Prometheus scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
    // The JVM GC binder holds listeners; it is closed with the registry.
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** The Micrometer registry, for binders such as the database pool's. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** One answered HTTP request. {@code route} is the matched route template, or {@code unmatched}. */
    public void request(String method, String route, int status, Duration took) {
        // One timer per method, route template and status, looked up without building it again on every
        // request: the keys are few (templates, not paths), the requests many. A plain get first, since
        // computeIfAbsent locks the key's bin whenever that bin holds more than one key.
        RequestKey key = new RequestKey(method, route, status);
        Timer timer = requestTimers.get(key);
        if (timer == null) {
            timer = requestTimers.computeIfAbsent(
                    key,
                    missing -> Timer.builder("http.server.requests")
                            .description("HTTP requests answered, by method, route template and status")
                            .tag("method", missing.method())
                            .tag("route", missing.route())
                            .tag("status", Integer.toString(missing.status()))
                            .publishPercentileHistogram()
                            .register(registry));
        }
        timer.record(took);
    }

    private record RequestKey(String method, String route, int status) {}

    /** One publish attempt's outcome: published, pending, rejected, invalid, unauthenticated, forbidden, … */
    public void publish(String outcome) {
        Counter.builder("vouch.publish.outcomes")
                .description("publish attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** The scanner's server verdict on one publish: pass, review or block. */
    public void scanVerdict(String verdict) {
        Counter.builder("vouch.scanner.verdicts")
                .description("scanner verdicts on publishes")
                .tag("verdict", verdict.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    /** One failed authentication, by the kind of request it was on (bearer, or an exchange method). */
    public void authFailure(String kind) {
        Counter.builder("vouch.auth.failures")
                .description("failed authentications")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /** One request refused by a rate limit. */
    public void rateLimited(String limit) {
        Counter.builder("vouch.rate.limited")
                .description("requests refused by a rate limit")
                .tag("limit", limit)
                .register(registry)
                .increment();
    }

    @Override
    public void fetched(String packageRegistry, Duration took, boolean failed) {
        Timer.builder("vouch.evidence.fetch")
                .description("evidence fetches from package registries")
                .tag("registry", packageRegistry)
                .tag("outcome", failed ? "failure" : "success")
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** The scrape, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        gc.close();
        registry.close();
    }
}
