package dev.vouch.scanner.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper DECIMALS =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"b\":1,\"a\":[true,false,null,\"x\"],\"\\u00e9\":{\"z\":\"\",\"\\ud83d\\ude00\":2,\"\\u20ac\":3}}",
                "{\"s\":\"tab\\t nl\\n cr\\r ff\\f bs\\b quote\\\" slash\\\\ \\/ ctl\\u0001\\u001f del\\u007f \\u2028\"}",
                "{\"lone\":\"\\ud800 and \\udfff\",\"emoji\":\"\\ud83d\\ude00\"}",
                "[0,-0,1,-1,2147483647,-2147483648,9007199254740993,1.5,-0.0,1e21,1e-7,123456789012345678,0.1]",
                "[12345678901234567890123,3.141592653589793238462643383279,1e-400]",
                "{\"nested\":{\"deeper\":{\"deepest\":[[],{},[{}]]}},\"A\":\"upper before lower\",\"a\":0}"
            })
    void writesTheBytesOfTheReferenceCanonicalizer(String json) throws Exception {
        for (ObjectMapper mapper : new ObjectMapper[] {JSON, DECIMALS}) {
            JsonNode tree = mapper.readTree(json);
            byte[] reference = new JsonCanonicalizer(JSON.writeValueAsString(tree)).getEncodedUTF8();

            assertThat(CanonicalJson.of(tree)).isEqualTo(reference);
        }
    }

    @Test
    void writesRandomStringsAsTheReferenceCanonicalizerDoesFromASmallBuffer() throws Exception {
        // Runs of printable ASCII are copied whole: every run length, at every place in a string and in a
        // buffer that must grow, against the reference, with escapes, wide characters and surrogates between.
        char[] alphabet = {
            'a', 'Z', ' ', '~', '"', '\\', '\n', '\u0001', '\u007f', '\u00e9', '\u20ac', '\ud83d', '\ude00'
        };
        Random random = new Random(15);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(
                        random.nextInt(3) > 0
                                ? (char) ('a' + random.nextInt(26))
                                : alphabet[random.nextInt(alphabet.length)]);
            }
            String value = text.toString();
            CanonicalJson.Utf8 out = new CanonicalJson.Utf8(1 + random.nextInt(8));
            out.ascii('[');
            out.string(value);
            out.ascii(']');
            byte[] reference = new JsonCanonicalizer(
                            JSON.writeValueAsString(JSON.createArrayNode().add(value)))
                    .getEncodedUTF8();

            assertThat(out.bytes()).as(value).isEqualTo(reference);
        }
    }

    @Test
    void aClearedBufferHoldsOnlyWhatIsWrittenAfter() {
        CanonicalJson.Utf8 out = new CanonicalJson.Utf8(4);
        out.string("a first text, longer than the buffer");

        out.cleared().string("é");

        assertThat(Arrays.copyOf(out.buffer(), out.length())).isEqualTo("\"é\"".getBytes(StandardCharsets.UTF_8));
        assertThat(out.bytes()).isEqualTo("\"é\"".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClearedBufferLetsGoOfWhatALargeTextGrewItTo() {
        CanonicalJson.Utf8 out = new CanonicalJson.Utf8(16);
        out.string("x".repeat(200_000));

        out.cleared();

        assertThat(out.buffer().length).isLessThan(200_000);
        assertThat(out.length()).isZero();
    }
}
