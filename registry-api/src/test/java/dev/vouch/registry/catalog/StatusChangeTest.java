package dev.vouch.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.Violation;
import dev.vouch.store.VersionStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusChangeTest {

    private static StatusChange parse(String body) {
        return StatusChange.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.List<String> pointers(String body) {
        try {
            parse(body);
        } catch (InvalidRequestException e) {
            return e.violations().stream().map(Violation::pointer).toList();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void aStatusWithAnOptionalMessageIsRead() {
        assertThat(parse("{\"status\":\"deprecated\",\"statusMessage\":\"use 2.x\"}"))
                .isEqualTo(new StatusChange(VersionStatus.DEPRECATED, java.util.Optional.of("use 2.x")));
        assertThat(parse("{\"status\":\"active\",\"statusMessage\":null}").message())
                .isEmpty();
    }

    @Test
    void everyProblemIsReportedTogether() {
        assertThat(pointers("{\"status\":\"gone\",\"statusMessage\":7}")).containsExactly("/status", "/statusMessage");
        assertThat(pointers("{}")).containsExactly("/status");
        assertThat(pointers("{\"status\":\"deleted\",\"statusMessage\":\""
                        + "x".repeat(StatusChange.MAX_MESSAGE_LENGTH + 1) + "\"}"))
                .containsExactly("/statusMessage");
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsAnInvalidRequest() {
        assertThatThrownBy(() -> parse("{\"status\":\"active\"} trailing")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> parse("{\"status\":\"active\",\"status\":\"deleted\"}"))
                .isInstanceOf(InvalidRequestException.class);
    }
}
