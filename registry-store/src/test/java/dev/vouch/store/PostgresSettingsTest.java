package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    @Test
    void libpqUrlsBecomeJdbcUrlsWithTheirParametersAndUser() {
        PostgresSettings settings = PostgresSettings.parse(
                "postgresql://db.internal:6432/vouch?user=registry&sslmode=verify-full", Optional.of("pw"));

        assertThat(settings.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal:6432/vouch?user=registry&sslmode=verify-full");
        assertThat(settings.password()).contains("pw");
        assertThat(settings.toString()).doesNotContain("pw");
    }

    @Test
    void aUserBeforeTheHostIsMovedOutOfTheUrl() {
        PostgresSettings settings = PostgresSettings.parse("postgres://registry@[::1]/vouch", Optional.empty());

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]/vouch");
        assertThat(settings.user()).contains("registry");
    }

    @Test
    void jdbcUrlsPassThrough() {
        assertThat(PostgresSettings.parse(
                                "jdbc:postgresql://127.0.0.1:5432/vouch?ApplicationName=node-a", Optional.empty())
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/vouch?ApplicationName=node-a");
    }

    @Test
    void passwordsInTheUrlAreRefusedWithoutRepeatingThem() {
        for (String url : new String[] {
            "postgresql://registry:hunter2@db/vouch",
            "postgresql://db/vouch?password=hunter2",
            "jdbc:postgresql://db/vouch?user=a&PASSWORD=hunter2"
        }) {
            assertThatThrownBy(() -> PostgresSettings.parse(url, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("VOUCH_DATABASE_PASSWORD")
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void urlsWithoutHostOrDatabaseOrOfAnotherKindAreRefused() {
        for (String url : new String[] {
            "postgresql:///vouch",
            "postgresql://db",
            "postgresql://db/",
            "mysql://db/vouch",
            "/var/lib/vouch",
            "postgresql://db/vouch?user=a&user=b",
            "postgresql://a@db/vouch?user=b"
        }) {
            assertThatThrownBy(() -> PostgresSettings.parse(url, Optional.empty()))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
