package dev.vouch.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.store.PageKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void everyKindOfPageKeySurvivesTheRoundTrip() {
        for (PageKey key : List.of(
                new PageKey.ByName("io.github.acme/weather", 42),
                new PageKey.ByName("io.github.ünïcode/ñame", 1),
                new PageKey.ByChange(1_700_000_000_000_000L, 7),
                new PageKey.ByRelevance(-3.25, 11, 12))) {
            assertThat(Cursor.decode(Cursor.encode(key))).isEqualTo(key);
        }
    }

    @Test
    void aCursorIsOpaqueUrlSafeText() {
        assertThat(Cursor.encode(new PageKey.ByName("io.github.acme/weather", 42)))
                .matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorContinuesOnlyTheOrderItCameFrom() {
        PageKey byName = Cursor.decode(Cursor.encode(new PageKey.ByName("a/b", 1)));

        Cursor.requireKind(byName, PageKey.ByName.class);
        assertThatThrownBy(() -> Cursor.requireKind(byName, PageKey.ByChange.class))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void damagedCursorsAreInvalidRequestsNeverCrashes() {
        String good = Cursor.encode(new PageKey.ByChange(5, 6));
        List<String> damaged = List.of(
                "",
                "!!!",
                "a".repeat(600),
                good.substring(0, good.length() - 3),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {9, 1, 2, 3, 4, 5, 6, 7, 8, 9}),
                good + "AAAA");

        for (String cursor : damaged) {
            assertThatThrownBy(() -> Cursor.decode(cursor)).as(cursor).isInstanceOf(InvalidRequestException.class);
        }
    }
}
