package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A query string is read as Javalin reads it for {@code ctx.queryParam}. */
class QueryParametersTest {

    @Test
    void valuesAreUrlDecodedWithPlusAsASpace() {
        QueryParameters query = QueryParameters.parse("search=acme+weather&cursor=a%2Fb%3D&title=caf%C3%A9")
                .orElseThrow();

        assertThat(query.get("search")).isEqualTo("acme weather");
        assertThat(query.get("cursor")).isEqualTo("a/b=");
        assertThat(query.get("title")).isEqualTo("café");
    }

    @Test
    void theFirstOfARepeatedNameCountsAndNamesAreCaseSensitive() {
        QueryParameters query = QueryParameters.parse("limit=5&limit=9&LIMIT=7").orElseThrow();

        assertThat(query.get("limit")).isEqualTo("5");
        assertThat(query.get("Limit")).isNull();
    }

    @Test
    void aNameWithoutAValueHasTheEmptyValueAndAnAbsentNameNone() {
        QueryParameters query =
                QueryParameters.parse("include_deleted&limit=&a=b=c").orElseThrow();

        assertThat(query.get("include_deleted")).isEmpty();
        assertThat(query.get("limit")).isEmpty();
        assertThat(query.get("a")).isEqualTo("b=c");
        assertThat(query.get("search")).isNull();
        assertThat(QueryParameters.parse(null).orElseThrow().get("limit")).isNull();
    }

    @Test
    void anInvalidEncodingIsNotReadAtAll() {
        assertThat(QueryParameters.parse("search=%zz")).isEmpty();
        assertThat(QueryParameters.parse("limit=5&search=%4")).isEmpty();
    }
}
