package dev.vouch.registry.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.intoto.SlsaProvenance;
import dev.vouch.provenance.intoto.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementContentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Statement statement(String predicateType, String predicate) throws Exception {
        return Statement.parse(("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"x\","
                        + "\"digest\":{\"sha256\":\"" + "ab".repeat(32) + "\"}}],\"predicateType\":\"" + predicateType
                        + "\",\"predicate\":" + predicate + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aPlainSignatureSaysNothingBeyondItsSigner() {
        assertThat(StatementContents.of(Optional.empty())).isEqualTo(StatementContents.NONE);
    }

    @Test
    void anSpdxStatementYieldsItsComponents() throws Exception {
        StatementContents contents = StatementContents.of(Optional.of(statement(
                Sbom.SPDX,
                "{\"spdxVersion\":\"SPDX-2.3\","
                        + "\"packages\":[{\"name\":\"lodash\",\"versionInfo\":\"4.17.21\",\"externalRefs\":[{\"referenceType\":"
                        + "\"purl\",\"referenceLocator\":\"pkg:npm/lodash@4.17.21\"}]}]}")));

        assertThat(contents.sbom())
                .hasValueSatisfying(sbom -> assertThat(sbom.components())
                        .containsExactly(new Sbom.Component("pkg:npm/lodash@4.17.21", "lodash", "4.17.21")));
        assertThat(contents.provenance()).isEmpty();
    }

    @Test
    void aSlsaStatementYieldsItsBuilderAndSource() throws Exception {
        StatementContents contents = StatementContents.of(Optional.of(statement(
                SlsaProvenance.V1,
                "{\"buildDefinition\":{\"buildType\":\"https://actions.github.io/buildtypes/workflow/v1\","
                        + "\"externalParameters\":{\"workflow\":{\"repository\":\"https://github.com/acme/weather\"}}},"
                        + "\"runDetails\":{\"builder\":{\"id\":\"https://github.com/actions/runner\"}}}")));

        assertThat(contents.provenance())
                .hasValueSatisfying(
                        slsa -> assertThat(slsa.builderId()).isEqualTo("https://github.com/actions/runner"));
        assertThat(contents.sbom()).isEmpty();
    }

    @Test
    void aMalformedPredicateKeepsItsTypeButProvesNothingElse() throws Exception {
        StatementContents contents = StatementContents.of(Optional.of(statement(Sbom.SPDX, "{\"no\":\"version\"}")));

        assertThat(contents.predicateType()).hasValue(Sbom.SPDX);
        assertThat(contents.sbom()).isEmpty();
        assertThat(contents.provenance()).isEmpty();
    }
}
