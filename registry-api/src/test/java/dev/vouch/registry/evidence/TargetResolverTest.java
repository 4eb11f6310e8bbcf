package dev.vouch.registry.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.Digest;
import org.junit.jupiter.api.Test;

class TargetResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA = "ab".repeat(32);

    private static JsonNode manifest(String packagesJson) throws Exception {
        return JSON.readTree("{\"name\":\"io.github.acme/x\",\"packages\":" + packagesJson + "}");
    }

    @Test
    void anOciImagePinnedByDigestIsATargetWithItsRegistryAndRepository() throws Exception {
        TargetResolver.Resolution resolution = TargetResolver.resolve(
                manifest("[{\"registryType\":\"oci\",\"identifier\":\"ghcr.io/acme/weather:1.0@sha256:" + SHA + "\"}]"),
                true);

        assertThat(resolution.pinned()).singleElement().satisfies(target -> {
            assertThat(target.digest()).isEqualTo(Digest.parse("sha256:" + SHA));
            assertThat(target.image()).hasValueSatisfying(image -> {
                assertThat(image.registry()).isEqualTo("ghcr.io");
                assertThat(image.repository()).isEqualTo("acme/weather");
            });
            assertThat(target.fetchable()).isTrue();
        });
        assertThat(resolution.npmLookups()).isEmpty();
        assertThat(resolution.unavailable()).isEmpty();
    }

    @Test
    void aDockerHubShortNameGetsItsLibraryRepository() throws Exception {
        TargetResolver.Resolution resolution = TargetResolver.resolve(
                manifest("[{\"registryType\":\"oci\",\"identifier\":\"redis@sha256:" + SHA + "\"}]"), true);

        assertThat(resolution.pinned())
                .singleElement()
                .satisfies(target -> assertThat(target.image().orElseThrow())
                        .isEqualTo(new OciReference(
                                "docker.io", "library/redis", java.util.Optional.of(target.digest()))));
    }

    @Test
    void anOciImageByTagOnlyHasNothingToBindTo() throws Exception {
        TargetResolver.Resolution resolution = TargetResolver.resolve(
                manifest("[{\"registryType\":\"oci\",\"identifier\":\"ghcr.io/acme/weather:1.0\"}]"), true);

        assertThat(resolution.pinned()).isEmpty();
        assertThat(resolution.unavailable()).singleElement().asString().contains("not pinned by digest");
    }

    @Test
    void anMcpbFileIsBoundByItsFileSha256AndHasNoRegistryToAsk() throws Exception {
        TargetResolver.Resolution resolution = TargetResolver.resolve(
                manifest("[{\"registryType\":\"mcpb\",\"identifier\":\"https://example.com/x.mcpb\",\"fileSha256\":\""
                        + SHA + "\"}]"),
                true);

        assertThat(resolution.pinned()).singleElement().satisfies(target -> {
            assertThat(target.digest().toString()).isEqualTo("sha256:" + SHA);
            assertThat(target.fetchable()).isFalse();
        });
    }

    @Test
    void anMcpbFileWithAMalformedDigestIsUnavailableNotAnError() throws Exception {
        TargetResolver.Resolution resolution = TargetResolver.resolve(
                manifest("[{\"registryType\":\"mcpb\",\"identifier\":\"x.mcpb\",\"fileSha256\":\"nothex\"}]"), true);

        assertThat(resolution.pinned()).isEmpty();
        assertThat(resolution.unavailable()).singleElement().asString().contains("not a SHA-256 digest");
    }

    @Test
    void anNpmPackageBecomesALookupNotANetworkCall() throws Exception {
        TargetResolver.Resolution resolution = TargetResolver.resolve(
                manifest("[{\"registryType\":\"npm\",\"identifier\":\"@acme/weather\",\"version\":\"1.2.3\"}]"), true);

        assertThat(resolution.pinned()).isEmpty();
        assertThat(resolution.npmLookups()).containsExactly(new EvidenceTarget.NpmVersion("@acme/weather", "1.2.3"));
        assertThat(resolution.unavailable()).isEmpty();
    }

    @Test
    void anNpmPackageIsNotLookedUpWhenNoSignerCouldVerifyIt() throws Exception {
        TargetResolver.Resolution resolution = TargetResolver.resolve(
                manifest("[{\"registryType\":\"npm\",\"identifier\":\"@acme/weather\",\"version\":\"1.2.3\"}]"), false);

        assertThat(resolution.npmLookups()).isEmpty();
        assertThat(resolution.unavailable()).singleElement().asString().contains("accepts no signer");
    }

    @Test
    void otherPackagesAreListedAsUnbindableEachOnce() throws Exception {
        TargetResolver.Resolution resolution = TargetResolver.resolve(
                manifest("[{\"registryType\":\"pypi\",\"identifier\":\"weather\",\"version\":\"1.0\"},"
                        + "{\"registryType\":\"npm\",\"identifier\":\"no-version\"},"
                        + "{\"registryType\":\"oci\",\"identifier\":\"ghcr.io/acme/a@sha256:" + SHA + "\"}]"),
                true);

        assertThat(resolution.pinned())
                .extracting(EvidenceTarget::identifier)
                .containsExactly("ghcr.io/acme/a@sha256:" + SHA);
        assertThat(resolution.unavailable())
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("pypi package weather"))
                .anySatisfy(p -> assertThat(p).startsWith("npm package no-version"));
    }

    @Test
    void aManifestWithoutPackagesHasNoTargets() throws Exception {
        TargetResolver.Resolution resolution =
                TargetResolver.resolve(JSON.readTree("{\"name\":\"io.github.acme/x\"}"), true);

        assertThat(resolution.pinned()).isEmpty();
        assertThat(resolution.npmLookups()).isEmpty();
        assertThat(resolution.unavailable()).isEmpty();
    }
}
