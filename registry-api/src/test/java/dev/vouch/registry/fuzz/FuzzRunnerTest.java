package dev.vouch.registry.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzRunnerTest {

    @Test
    void aPropertyDrawsTheSameInputsOnEveryRun() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Fuzz.forAll("FuzzRunnerTest.same", 50, Gen.strings(0, 20), first::add);
        Fuzz.forAll("FuzzRunnerTest.same", 50, Gen.strings(0, 20), second::add);
        assertThat(first).hasSize(50).isEqualTo(second);
    }

    @Test
    void aFailureNamesThePropertySeedTryAndEscapedInput() {
        long seed = Fuzz.seedFor("FuzzRunnerTest.failing");
        assertThatThrownBy(() -> Fuzz.forAll(
                        "FuzzRunnerTest.failing",
                        10,
                        random -> "a\u0000\"b\nc".repeat(500),
                        text -> assertThat(text).isEmpty()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("property 'FuzzRunnerTest.failing' failed on try 1 of 10")
                .hasMessageContaining("seed " + seed + "; replay with -Dvouch.fuzz.seed=" + seed)
                .hasMessageContaining("input: 3000 chars: \"a\\u0000\\\"b\\nc")
                .hasMessageContaining("… (truncated)")
                .hasCauseInstanceOf(AssertionError.class)
                .message()
                .doesNotContain("\u0000");
    }

    @Test
    void bytesAreShownAsEscapedText() {
        assertThat(Fuzz.show(new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '\n', '}'}))
                .isEqualTo("6 bytes: b\"{\\\"\\xc0\\xaf\\n}\"");
    }

    @Test
    void aMutationEditsTheOriginalWithoutChangingIt() {
        byte[] original = "{\"name\": \"io.github.acme/weather\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] kept = original.clone();
        List<byte[]> mutated = new ArrayList<>();
        Fuzz.forAll("FuzzRunnerTest.mutations", 100, Mutations.of(original), mutated::add);
        assertThat(original).isEqualTo(kept);
        assertThat(mutated).anySatisfy(bytes -> assertThat(bytes).isNotEqualTo(original));
    }
}
