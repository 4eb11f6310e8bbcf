package dev.vouch.registry.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.evidence.SentEvidence;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PublishEnvelopeTest {

    private static final String SERVER =
            "{\"name\":\"io.github.acme/weather\", \"version\":\"1.0.0\"," + "\"description\":\"Weather\"}";

    private static PublishEnvelope parse(String body) {
        return PublishEnvelope.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBareServerJsonIsTheManifestWithNothingElse() {
        PublishEnvelope envelope = parse(SERVER);

        assertThat(envelope.manifest().name()).isEqualTo("io.github.acme/weather");
        assertThat(envelope.tools()).isEmpty();
        assertThat(envelope.evidence()).isEqualTo(SentEvidence.NONE);
        assertThat(envelope.toolsBytes()).isEmpty();
    }

    @Test
    void anEnvelopeKeepsTheServerJsonsExactBytes() {
        PublishEnvelope envelope = parse("{\"tools\":[{\"name\":\"t\"}],  \"server\": " + SERVER + " }");

        assertThat(new String(envelope.manifest().bytes(), StandardCharsets.UTF_8))
                .isEqualTo(SERVER);
        assertThat(envelope.tools())
                .hasValueSatisfying(tools -> assertThat(tools).hasSize(1));
        assertThat(envelope.toolsBytes())
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("[{\"name\":\"t\"}]"));
    }

    @Test
    void everyDefinitionTheScannerReadsIsPassedOn() throws Exception {
        PublishEnvelope envelope =
                parse("{\"server\":" + SERVER + ",\"tools\":[{\"name\":\"t\",\"description\":\"d\"}],"
                        + "\"prompts\":[{\"name\":\"p\"}],\"resources\":[{\"name\":\"r\",\"uri\":\"file:///x\"}],"
                        + "\"instructions\":\"be kind\"}");

        assertThat(envelope.prompts()).isPresent();
        assertThat(envelope.resources()).isPresent();
        assertThat(envelope.instructions()).hasValue("be kind");
        assertThat(envelope.scanInput()).isNotNull();
    }

    @Test
    void attestationsAndSignaturesBecomeSentEvidenceByPackage() {
        PublishEnvelope envelope = parse("{\"server\":" + SERVER + ",\"attestations\":[{\"package\":\"img\","
                + "\"bundle\":{\"mediaType\":\"x\"}}],\"signatures\":[{\"package\":\"img2\",\"signature\":\""
                + b64("sig") + "\",\"key\":\"PEM\",\"payload\":\"" + b64("payload") + "\"}]}");

        SentEvidence sent = envelope.evidence();
        assertThat(sent.attestations()).singleElement().satisfies(a -> {
            assertThat(a.packageIdentifier()).isEqualTo("img");
            assertThat(new String(a.bundleJson(), StandardCharsets.UTF_8)).isEqualTo("{\"mediaType\":\"x\"}");
        });
        assertThat(sent.signatures()).singleElement().satisfies(s -> {
            assertThat(s.packageIdentifier()).isEqualTo("img2");
            assertThat(s.keyPem()).hasValue("PEM");
            assertThat(s.signature().certificatePem()).isEmpty();
            assertThat(s.signature().payload())
                    .hasValueSatisfying(p ->
                            assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo("payload"));
        });
        assertThat(sent.sentFor("img")).isTrue();
        assertThat(sent.sentFor("img2")).isTrue();
        assertThat(sent.sentFor("other")).isFalse();
    }

    @Test
    void aSignatureNeedsExactlyOneOfCertificateOrKey() {
        String both = "{\"server\":" + SERVER + ",\"signatures\":[{\"package\":\"img\",\"signature\":\"" + b64("s")
                + "\",\"key\":\"K\",\"certificate\":\"C\"}]}";
        String neither =
                "{\"server\":" + SERVER + ",\"signatures\":[{\"package\":\"img\",\"signature\":\"" + b64("s") + "\"}]}";

        assertThatThrownBy(() -> parse(both))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("exactly one of certificate");
        assertThatThrownBy(() -> parse(neither))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("exactly one of certificate");
    }

    @Test
    void malformedEnvelopeMembersAreRefusedWithWhereTheyAre() {
        assertThat(violationPointer("{\"server\":" + SERVER + ",\"tools\":{}}")).isEqualTo("/tools");
        assertThat(violationPointer("{\"server\":" + SERVER + ",\"signatures\":[{\"package\":\"img\","
                        + "\"signature\":\"%%%\",\"key\":\"K\"}]}"))
                .isEqualTo("/signatures/0/signature");
        assertThat(violationPointer("{\"server\":" + SERVER + ",\"signatures\":[{\"package\":\"img\",\"signature\":\""
                        + b64("s") + "\",\"key\":\"K\",\"rekorBundle\":\"text\"}]}"))
                .isEqualTo("/signatures/0/rekorBundle");
        assertThat(violationPointer(
                        "{\"server\":" + SERVER + ",\"attestations\":[{\"package\":\"img\",\"bundle\":\"x\"}]}"))
                .isEqualTo("/attestations/0");
        assertThat(violationPointer("{\"server\":" + SERVER + ",\"signatures\":[{\"package\":\"img\",\"signature\":\""
                        + b64("s") + "\",\"key\":7}]}"))
                .isEqualTo("/signatures/0/key");
    }

    @Test
    void tooManyAttestationsAreRefused() {
        StringBuilder body = new StringBuilder("{\"server\":" + SERVER + ",\"attestations\":[");
        for (int i = 0; i <= dev.vouch.provenance.fetch.FetchedEvidence.MAX_PER_ARTIFACT; i++) {
            body.append(i == 0 ? "" : ",").append("{\"package\":\"img\",\"bundle\":{}}");
        }
        assertThat(violationPointer(body.append("]}").toString())).isEqualTo("/attestations");
    }

    private static String violationPointer(String body) {
        try {
            parse(body);
        } catch (InvalidRequestException e) {
            assertThat(e.violations()).hasSize(1);
            return e.violations().get(0).pointer();
        }
        throw new AssertionError("accepted: " + body);
    }
}
