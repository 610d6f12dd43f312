package io.github.recoveryaction.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    private final SecretRedaction redaction = new SecretRedaction(List.of("internal-[0-9]+"), List.of("hunter22"));

    @Test
    void hidesTokensCredentialsAndConfiguredPatterns() {
        assertThat(redaction.redact("using ghs_" + "a".repeat(36) + " now")).isEqualTo("using *** now");
        assertThat(redaction.redact("curl -H 'Authorization: Bearer abcdefghijklmnop'"))
                .isEqualTo("curl -H 'Authorization: Bearer ***'");
        assertThat(redaction.redact("password=s3cr3tvalue host=x")).isEqualTo("password=*** host=x");
        assertThat(redaction.redact("login with hunter22")).isEqualTo("login with ***");
        assertThat(redaction.redact("host internal-42 down")).isEqualTo("host *** down");
    }

    @Test
    void leavesOrdinaryLogLinesAlone() {
        String line = "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0";

        assertThat(redaction.redact(line)).isEqualTo(line);
    }
}
