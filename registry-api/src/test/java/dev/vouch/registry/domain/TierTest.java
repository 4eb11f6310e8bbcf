package dev.vouch.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TierTest {

    @Test
    void wireNamesAreTheOnesTheApiAndTheStoreCarry() {
        assertThat(Tier.VERIFIED.wireName()).isEqualTo("verified");
        assertThat(Tier.COMMUNITY.wireName()).isEqualTo("community");
        assertThat(Tier.wireNames()).containsExactly("verified", "community");
    }

    @Test
    void fromWireReadsOnlyExactWireNames() {
        for (Tier tier : Tier.values()) {
            assertThat(Tier.fromWire(tier.wireName())).hasValue(tier);
        }
        assertThat(Tier.fromWire("VERIFIED")).isEmpty();
        assertThat(Tier.fromWire("gold")).isEmpty();
        assertThat(Tier.fromWire("")).isEmpty();
    }
}
