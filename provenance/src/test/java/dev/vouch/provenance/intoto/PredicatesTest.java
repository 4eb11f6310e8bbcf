package dev.vouch.provenance.intoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.VerificationException;
import org.junit.jupiter.api.Test;

/** What the SBOM and SLSA predicates say, in each format Vouch reads. */
class PredicatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void spdxComponentsCarryTheirPurlWhenTheSbomGivesOne() throws Exception {
        Sbom sbom = Sbom.parse(
                Sbom.SPDX,
                json("{'spdxVersion':'SPDX-2.3','packages':[{'name':'lodash',"
                        + "'versionInfo':'4.17.21','externalRefs':[{'referenceType':'purl','referenceLocator':"
                        + "'pkg:npm/lodash@4.17.21'}]},{'name':'bare','versionInfo':'1'}]}"));

        assertThat(sbom.format()).isEqualTo(Sbom.Format.SPDX);
        assertThat(sbom.components())
                .containsExactly(
                        new Sbom.Component("pkg:npm/lodash@4.17.21", "lodash", "4.17.21"),
                        new Sbom.Component("", "bare", "1"));
    }

    @Test
    void cosignsSpdxAsAJsonStringIsReadToo() throws Exception {
        JsonNode predicate = JSON.getNodeFactory().textNode("{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[]}");

        assertThat(Sbom.parse(Sbom.SPDX + "/v2.3", predicate).components()).isEmpty();
    }

    @Test
    void cycloneDxNestedComponentsAreFlattened() throws Exception {
        Sbom sbom = Sbom.parse(
                Sbom.CYCLONEDX,
                json("{'bomFormat':'CycloneDX','components':[{'name':'a','version':'1',"
                        + "'purl':'pkg:npm/a@1','components':[{'name':'b','version':'2','purl':'pkg:npm/b@2'}]}]}"));

        assertThat(sbom.format()).isEqualTo(Sbom.Format.CYCLONEDX);
        assertThat(sbom.components()).extracting(Sbom.Component::name).containsExactly("a", "b");
    }

    @Test
    void anSbomWithoutItsFormatMarkerIsRefused() {
        assertThatThrownBy(() -> Sbom.parse(Sbom.SPDX, json("{'packages':[]}")))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> Sbom.parse(Sbom.CYCLONEDX, json("{'components':[]}")))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void slsaV1NamesItsBuilderAndTheWorkflowsRepository() throws Exception {
        SlsaProvenance slsa = SlsaProvenance.parse(
                SlsaProvenance.V1,
                json("{'buildDefinition':{'buildType':'t',"
                        + "'externalParameters':{'workflow':{'repository':'git+https://github.com/acme/weather.git',"
                        + "'ref':'refs/tags/v1'}},'resolvedDependencies':[{'uri':'git+https://github.com/acme/weather'}]},"
                        + "'runDetails':{'builder':{'id':'https://github.com/actions/runner'}}}"));

        assertThat(slsa.builderId()).isEqualTo("https://github.com/actions/runner");
        assertThat(slsa.sourceRepository()).hasValue("https://github.com/acme/weather");
        assertThat(slsa.sourceRef()).hasValue("refs/tags/v1");
        assertThat(slsa.resolvedDependencies()).containsExactly("git+https://github.com/acme/weather");
    }

    @Test
    void slsaV02ReadsTheConfigSourceUriAndItsRef() throws Exception {
        SlsaProvenance slsa = SlsaProvenance.parse(
                SlsaProvenance.V0_2,
                json("{'builder':{'id':'b'},'invocation':"
                        + "{'configSource':{'uri':'git+https://github.com/acme/weather.git@refs/heads/main'}}}"));

        assertThat(slsa.sourceRepository()).hasValue("https://github.com/acme/weather");
        assertThat(slsa.sourceRef()).hasValue("refs/heads/main");
    }

    @Test
    void provenanceWithoutABuilderIsRefused() {
        assertThatThrownBy(() -> SlsaProvenance.parse(SlsaProvenance.V1, json("{'runDetails':{}}")))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> SlsaProvenance.parse(SlsaProvenance.V0_2, json("{}")))
                .isInstanceOf(VerificationException.class);
        assertThat(SlsaProvenance.isProvenance("https://slsa.dev/provenance/v1"))
                .isTrue();
        assertThat(SlsaProvenance.isProvenance("https://slsa.dev/provenance/v9"))
                .isFalse();
    }
}
