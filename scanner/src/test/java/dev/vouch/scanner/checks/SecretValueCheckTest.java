package dev.vouch.scanner.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.input.FieldKind;
import dev.vouch.scanner.input.TextField;
import dev.vouch.scanner.normalize.Normalizer;
import org.junit.jupiter.api.Test;

class SecretValueCheckTest {

    private static final SecretValueCheck CHECK = new SecretValueCheck();

    private static ScannedField field(FieldKind kind, String key, String text) {
        return new ScannedField(new TextField("/x", kind, key, text), Normalizer.normalize(text));
    }

    @Test
    void aHighEntropyValueUnderAKeyLikeNameIsASecret() {
        assertThat(CHECK.check(field(FieldKind.SCHEMA_VALUE, "api_key", "sk-9fQ2xLr7Tz1bNw4KpV8mYc3H")))
                .extracting(f -> f.ruleId())
                .containsExactly("VR-SECRET-ENTROPY");
    }

    @Test
    void aKeyLikePropertyNameIsANameNotAValue() {
        assertThat(CHECK.check(field(FieldKind.PROPERTY_NAME, "max_tokens_per_request", "max_tokens_per_request")))
                .isEmpty();
        assertThat(CHECK.check(field(FieldKind.PROPERTY_NAME, "byApiKey", "byApiKey")))
                .isEmpty();
    }

    @Test
    void lowerCaseWordsJoinedBySeparatorsAreAnIdentifierNotASecret() {
        assertThat(CHECK.check(field(FieldKind.SCHEMA_VALUE, "token_type", "refresh_token_rotation_enabled")))
                .isEmpty();
    }
}
