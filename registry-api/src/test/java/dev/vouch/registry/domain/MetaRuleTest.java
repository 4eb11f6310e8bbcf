package dev.vouch.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.rules.ManifestValidator;
import org.junit.jupiter.api.Test;

/**
 * A publisher may only fill {@code _meta["io.modelcontextprotocol.registry/publisher-provided"]} (the
 * official rule), and no key anywhere in its server.json may sit in a namespace the registry speaks in:
 * otherwise a manifest could carry its own "verified" trust summary inside {@code server}.
 */
class MetaRuleTest {

    private static final ManifestValidator VALIDATOR = ManifestValidator.official();

    @Test
    void aSpoofedTrustSummaryIsRefusedAtItsPointer() {
        ObjectNode manifest = ManifestValidatorTest.base();
        manifest.putObject("_meta").putObject("io.vouch.registry/trust").put("tier", "verified");

        assertThat(VALIDATOR.validate(manifest))
                .extracting(Violation::pointer)
                .containsExactly("/_meta/io.vouch.registry~1trust");
    }

    @Test
    void theOfficialRegistrysOwnMetadataIsRefused() {
        ObjectNode manifest = ManifestValidatorTest.base();
        manifest.putObject("_meta")
                .putObject("io.modelcontextprotocol.registry/official")
                .put("isLatest", true);

        assertThat(VALIDATOR.validate(manifest))
                .extracting(Violation::pointer)
                .containsExactly("/_meta/io.modelcontextprotocol.registry~1official");
    }

    @Test
    void anyOtherMetaKeyIsRefusedAsTheOfficialRegistryDoes() {
        ObjectNode manifest = ManifestValidatorTest.base();
        manifest.putObject("_meta").putObject("com.example/build").put("commit", "abc");

        assertThat(VALIDATOR.validate(manifest))
                .extracting(Violation::pointer)
                .containsExactly("/_meta/com.example~1build");
    }

    @Test
    void registryNamespacesAreRefusedEvenInsidePublisherProvidedData() {
        ObjectNode manifest = ManifestValidatorTest.base();
        manifest.putObject("_meta")
                .putObject("io.modelcontextprotocol.registry/publisher-provided")
                .putObject("nested")
                .putObject("io.vouch.registry/publish")
                .put("outcome", "published");

        assertThat(VALIDATOR.validate(manifest))
                .extracting(Violation::pointer)
                .containsExactly(
                        "/_meta/io.modelcontextprotocol.registry~1publisher-provided/nested/io.vouch.registry~1publish");
    }

    @Test
    void publisherProvidedDataIsLimitedTo4KiB() {
        ObjectNode manifest = ManifestValidatorTest.base();
        manifest.putObject("_meta")
                .putObject("io.modelcontextprotocol.registry/publisher-provided")
                .put("blob", "x".repeat(4097));

        assertThat(VALIDATOR.validate(manifest))
                .extracting(Violation::pointer)
                .containsExactly("/_meta/io.modelcontextprotocol.registry~1publisher-provided");
    }

    @Test
    void publisherProvidedDataIsAccepted() {
        ObjectNode manifest = ManifestValidatorTest.base();
        manifest.putObject("_meta")
                .putObject("io.modelcontextprotocol.registry/publisher-provided")
                .put("tool", "publisher-cli")
                .putObject("buildInfo")
                .put("commit", "abc123");

        assertThat(VALIDATOR.validate(manifest)).isEmpty();
    }
}
