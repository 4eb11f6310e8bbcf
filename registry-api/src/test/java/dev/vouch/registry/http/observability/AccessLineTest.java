package dev.vouch.registry.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The access log's time reads as {@link Instant#toString()} does, its line stays one JSON object, and a
 * request id made for a caller that sent none is a version 4 UUID.
 */
class AccessLineTest {

    @Test
    void theTimeIsWrittenAsInstantToStringWritesIt() {
        Instant second = Instant.parse("2026-11-30T00:54:00Z");
        List<Instant> instants = List.of(
                second,
                second.plusNanos(1),
                second.plusNanos(120_000_000),
                second.plusNanos(123_400_000),
                second.plusNanos(5_000),
                second.plusNanos(999_999_999),
                second.plusSeconds(59).plusNanos(7_000_000),
                Instant.parse("1999-12-31T23:59:59.000450Z"),
                Instant.now());
        for (Instant at : instants) {
            // Twice: the second time takes the text kept for that second.
            for (int i = 0; i < 2; i++) {
                StringBuilder line = new StringBuilder();
                LogTime.appendIso(line, at);
                assertThat(line.toString()).isEqualTo(at.toString());
            }
        }
    }

    @Test
    void anAccessLineIsOneJsonObjectWithTheDurationInMillisecondsToTheMicrosecond() throws Exception {
        String line = RequestTelemetry.accessLine(
                "id-1",
                "GET",
                "/v0.1/servers/{serverName}",
                200,
                Duration.ofNanos(12_345_678),
                "127.0.0.1",
                "tok\"en\u00e9");

        JsonNode json = new ObjectMapper().readTree(line);

        assertThat(json.path("durationMs").decimalValue()).isEqualByComparingTo("12.345");
        assertThat(json.path("principal").asText()).isEqualTo("tok\"en\u00e9");
        assertThat(json.path("route").asText()).isEqualTo("/v0.1/servers/{serverName}");
        assertThat(Instant.parse(json.path("time").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(RequestTelemetry.accessLine("i", "GET", "/r", 304, Duration.ofNanos(999), "c", null))
                .contains("\"durationMs\":0.000,")
                .doesNotContain("principal");
    }

    @Test
    void aRequestIdIsTheCallersWhenSaneElseANewVersion4Uuid() {
        assertThat(RequestTelemetry.requestId("caller-id-1")).isEqualTo("caller-id-1");
        String made = RequestTelemetry.requestId("not sane");
        UUID id = UUID.fromString(made);

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).isEqualTo(made);
        assertThat(RequestTelemetry.requestId((String) null)).isNotEqualTo(made);
    }
}
