package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies are UTF-8 and nothing else (RFC 8259, and what the official registry reads): other
 * encodings and malformed UTF-8 are refused before any JSON parser or validator sees them, so what is
 * validated is exactly what is stored.
 */
class RequestEncodingTest {

    @TempDir
    Path dataDir;

    RunningRegistry registry;
    String token;

    @BeforeEach
    void start() {
        registry = RunningRegistry.start(dataDir, false);
        token = registry.token("io.github.acme/*");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static String manifestText(String name) {
        return new String(RegistryApiTest.manifest(name, "1.0.0"), StandardCharsets.UTF_8);
    }

    private static String envelopeText() {
        return "{\"server\": " + manifestText("io.github.acme/weather") + ", \"tools\": []}";
    }

    private RunningRegistry.Response publish(byte[] body) {
        return registry.send("POST", "/v0.1/publish", Optional.of(token), body);
    }

    private void assertRefusedAndNothingStored(RunningRegistry.Response response) {
        assertThat(response.status()).isIn(400, 415);
        assertThat(response.contentType()).startsWith(Problem.CONTENT_TYPE);
        assertThat(response.json().path("detail").asText()).containsIgnoringCase("UTF-8");
        assertThat(registry.get("/v0.1/servers").json().path("servers")).isEmpty();
    }

    @Test
    void anEnvelopeInUtf16LeIsRefused() {
        assertRefusedAndNothingStored(publish(envelopeText().getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void anEnvelopeInUtf32BeIsRefused() {
        assertRefusedAndNothingStored(publish(envelopeText().getBytes(Charset.forName("UTF-32BE"))));
    }

    @Test
    void aBareServerJsonInUtf16IsRefusedWithOrWithoutItsByteOrderMark() {
        assertRefusedAndNothingStored(
                publish(manifestText("io.github.acme/weather").getBytes(StandardCharsets.UTF_16)));
        assertRefusedAndNothingStored(
                publish(manifestText("io.github.acme/weather").getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void aUtf8ByteOrderMarkIsRefused() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        body.writeBytes(manifestText("io.github.acme/weather").getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingStored(publish(body.toByteArray()));
    }

    @Test
    void anOverlongSlashIsRefused() {
        // C0 AF is an overlong '/': a lenient decoder reads "io.github.acme/weather".
        assertRefusedAndNothingStored(publish(withBytesInName(new byte[] {(byte) 0xC0, (byte) 0xAF})));
    }

    @Test
    void aLoneSurrogateIsRefused() {
        assertRefusedAndNothingStored(publish(withBytesInName(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
    }

    @Test
    void anInvalidByteAndATruncatedSequenceAreRefused() {
        assertRefusedAndNothingStored(publish(withBytesInName(new byte[] {(byte) 0xFF})));
        assertRefusedAndNothingStored(publish(withBytesInName(new byte[] {(byte) 0xE2, (byte) 0x82})));
    }

    @Test
    void aDeclaredCharsetOtherThanUtf8IsUnsupportedMediaType() {
        HttpRequest request = HttpRequest.newBuilder(registry.uri("/v0.1/publish"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        manifestText("io.github.acme/weather").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json; charset=utf-16")
                .header("Authorization", "Bearer " + token)
                .build();

        RunningRegistry.Response response = registry.send(request);

        assertThat(response.status()).isEqualTo(415);
        assertRefusedAndNothingStored(response);
    }

    @Test
    void aGzippedBodyIsUnsupportedMediaTypeAndNamesTheCodingAccepted() throws java.io.IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(manifestText("io.github.acme/weather").getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(registry.uri("/v0.1/publish"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray()))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Authorization", "Bearer " + token)
                .build();

        RunningRegistry.Response response = registry.send(request);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Accept-Encoding")).contains("identity");
        assertThat(response.contentType()).startsWith(Problem.CONTENT_TYPE);
        assertThat(response.json().path("detail").asText()).contains("Content-Encoding gzip");
        assertThat(registry.get("/v0.1/servers").json().path("servers")).isEmpty();
    }

    @Test
    void wellFormedUtf8WithAnExplicitCharsetIsStoredByteForByte() {
        byte[] body = manifestText("io.github.acme/weather")
                .replace("Weather forecasts", "Météo 天気 forecasts")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(registry.uri("/v0.1/publish"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Authorization", "Bearer " + token)
                .build();

        assertThat(registry.send(request).status()).isEqualTo(200);
        assertThat(registry.registry()
                        .catalog()
                        .version("io.github.acme/weather", "1.0.0", false)
                        .manifest())
                .isEqualTo(body);
    }

    /** The manifest with {@code bytes} spliced between "io.github.acme" and "weather" in its name. */
    private static byte[] withBytesInName(byte[] bytes) {
        String text = manifestText("io.github.acme/weather");
        int at = text.indexOf("io.github.acme/weather") + "io.github.acme".length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(text.substring(at + 1).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
