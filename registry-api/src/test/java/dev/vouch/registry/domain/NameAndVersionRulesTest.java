package dev.vouch.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.domain.rules.ManifestValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names and versions follow the official registry's rules (each half of a name starts and ends with a
 * letter or digit), and neither can name a path segment: both end up in URLs and file-like keys.
 */
class NameAndVersionRulesTest {

    private static final ManifestValidator VALIDATOR = ManifestValidator.official();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "io.github.acme/..",
                "io.github.acme/.",
                "../weather",
                "./weather",
                "io.github.acme/.hidden",
                "io.github.acme/weather.",
                "io.github.acme/-weather",
                "io.github.acme/weather_",
                ".io.github/weather",
                "io.github./weather",
                "-acme/weather",
                "io.github.acme/w"
            })
    void namesWhoseHalvesDoNotStartAndEndWithALetterOrDigitAreRefused(String name) {
        assertThat(VALIDATOR.validate(ManifestValidatorTest.base().put("name", name)))
                .extracting(Violation::pointer)
                .contains("/name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.github.acme/weather", "io.github.acme/my_server.v2", "com.example/a-b", "ab/cd"})
    void officialNamesAreAccepted(String name) {
        assertThat(VALIDATOR.validate(ManifestValidatorTest.base().put("name", name)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../1",
                "1.0.0/../2",
                "1.0.0/2",
                "..",
                ".",
                "1.0.0\\\\2",
                "%2e%2e",
                "1.0.00",
                "01.0.0",
                "v1.0.0",
                "V1.0.0",
                "1.0.0-01",
                "1.0.0-",
                "1.0.0+",
                "1.0.0?x=1",
                "1.0.0#frag",
                ".1.0.0",
                "1.0.0\\u0000"
            })
    void versionsThatAreNotOneExactVersionAreRefused(String version) {
        String unescaped = version.replace("\\\\", "\\").replace("\\u0000", "\u0000");
        assertThat(VALIDATOR.validate(ManifestValidatorTest.base().put("version", unescaped)))
                .extracting(Violation::pointer)
                .contains("/version");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0.0",
                "2.1.0-alpha.1",
                "1.0.0+20130313144700",
                "2025.4.24",
                "0.0.0-git.abc123",
                "1.0",
                "20240115",
                "2024-01-15",
                "1.0.0rc1",
                "release_7"
            })
    void exactVersionsSemverOrNotAreAccepted(String version) {
        assertThat(VALIDATOR.validate(ManifestValidatorTest.base().put("version", version)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../1", "1.0/../2"})
    void packageVersionsCannotNamePathSegmentsEither(String version) {
        assertThat(VALIDATOR.validate(ManifestValidatorTest.withPackage(version)))
                .extracting(Violation::pointer)
                .contains("/packages/0/version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.2.3", "1.0.00", "2024.01.15"})
    void packageVersionsFollowTheirEcosystemNotSemver(String version) {
        assertThat(VALIDATOR.validate(ManifestValidatorTest.withPackage(version)))
                .isEmpty();
    }
}
