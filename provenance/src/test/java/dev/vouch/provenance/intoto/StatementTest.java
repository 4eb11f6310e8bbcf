package dev.vouch.provenance.intoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatementTest {

    private static final String SHA = "ab".repeat(32);

    private static Statement parse(String json) throws VerificationException {
        return Statement.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aV1StatementKeepsItsSubjectsDigestsAndPredicate() throws Exception {
        Statement statement = parse("{'_type':'https://in-toto.io/Statement/v1','subject':[{'name':'img',"
                + "'digest':{'sha256':'" + SHA + "','gitCommit':'0123abcd'}}],'predicateType':'" + SlsaProvenance.V1
                + "','predicate':{'x':1}}");

        assertThat(statement.predicateType()).isEqualTo(SlsaProvenance.V1);
        assertThat(statement.predicate().path("x").asInt()).isEqualTo(1);
        // gitCommit is no artifact digest: it is dropped, not an error.
        assertThat(statement.subjects())
                .singleElement()
                .satisfies(s -> assertThat(s.digests()).containsExactly(Digest.parse("sha256:" + SHA)));
        statement.requireSubject(Digest.parse("sha256:" + SHA));
    }

    @Test
    void aStatementAboutAnotherArtifactFailsTheSubjectCheck() throws Exception {
        Statement statement = parse("{'_type':'https://in-toto.io/Statement/v0.1','subject':[{'name':'img',"
                + "'digest':{'sha256':'" + SHA + "'}}],'predicateType':'x','predicate':{}}");

        assertThatThrownBy(() -> statement.requireSubject(Digest.parse("sha256:" + "cd".repeat(32))))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.check()).isEqualTo(Check.SUBJECT_DIGEST));
    }

    @Test
    void somethingElseIsNotAStatement() {
        for (String json : new String[] {
            "not json",
            "{'_type':'https://example.com/Other','subject':[]}",
            "{'_type':'https://in-toto.io/Statement/v1','subject':[]}"
        }) {
            assertThatThrownBy(() -> parse(json))
                    .as(json)
                    .isInstanceOfSatisfying(
                            VerificationException.class,
                            e -> assertThat(e.check()).isEqualTo(Check.STATEMENT_FORMAT));
        }
    }
}
