package dev.vouch.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashesTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.UTF_8);

    @Test
    void digestsMatchTheKnownAnswers() throws Exception {
        String sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(Hashes.digest("sha256", ABC)).isEqualTo(Digest.parse("sha256:" + sha256));
        assertThat(Hashes.sha256(new ByteArrayInputStream(ABC))).isEqualTo(Digest.parse("sha256:" + sha256));
        assertThat(Hashes.digest("sha512", ABC).hex()).startsWith("ddaf35a193617aba");
        assertThat(Hashes.digest("sha384", ABC).hex()).startsWith("cb00753f45a35e8b");
    }

    @Test
    void onlyTheSha2FamilyIsSupported() {
        assertThat(Hashes.supports("sha256")).isTrue();
        assertThat(Hashes.supports("sha1")).isFalse();
        assertThat(Hashes.supports("md5")).isFalse();
        assertThatThrownBy(() -> Hashes.digest("sha1", ABC)).isInstanceOf(IllegalArgumentException.class);
    }
}
