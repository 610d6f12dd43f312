package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.recoveryaction.InvalidInputException;

class RedactorTest {

    private final Redactor redactor = Redactor.builtIn();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            github classic       | token ghp_abcdefghijklmnopqrstuvwxyz0123456789 used    | token *** used
            github oauth         | gho_abcdefghijklmnopqrstuvwxyz0123456789             | ***
            github server        | x-access-token ghs_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345   | x-access-token ***
            github user          | ghu_abcdefghijklmnopqrstuvwxyz0123456789             | ***
            github refresh       | ghr_abcdefghijklmnopqrstuvwxyz0123456789             | ***
            github fine-grained  | github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz | ***
            aws access key       | AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE                | AWS_ACCESS_KEY_ID=***
            aws secret           | aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | aws_secret_access_key = ***
            authorization header | Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc  | Authorization: Bearer ***
            basic auth header    | "curl -H 'authorization: Basic dXNlcjpwYXNz' https://x" | "curl -H 'authorization: Basic ***' https://x"
            bearer token         | using bearer abcdefghijklmnop0123 now                | using bearer *** now
            password in url      | git clone https://bot:s3cr3t-P4ss@github.com/o/r.git  | git clone https://bot:***@github.com/o/r.git
            npm token            | npm_abcdefghijklmnopqrstuvwxyz0123456789              | ***
            npmrc auth token     | //registry.npmjs.org/:_authToken=abc123def456         | //registry.npmjs.org/:_authToken=***
            pypi token           | TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJGE0ZTQ             | TWINE_PASSWORD=***
            password assignment  | --password=hunter2 --user=bob                        | --password=*** --user=bob
            """)
    void masksEveryBuiltInSecret(String kind, String line, String expected) {
        assertThat(redactor.redact(line)).isEqualTo(expected);
    }

    @Test
    void masksPrivateKeyBlocksAcrossLines() {
        List<String> lines = List.of("writing key:", "-----BEGIN OPENSSH PRIVATE KEY-----",
                "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
                "QyNTUxOQAAACBrIlcJ8rr8bbm4VmGsrqC3WrPq0yZ5dYOjfS1d4hkVbQAAAJgS4iyYEuIs",
                "-----END OPENSSH PRIVATE KEY-----", "done");
        assertThat(redactor.redactLines(lines)).containsExactly("writing key:", "***", "***", "***", "***", "done");
        assertThat(redactor.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----"))
                .isEqualTo("***\n***\n***");
    }

    @Test
    void keyBlockEndsAtTheFirstNonKeyLineWhenTheEndIsMissing() {
        assertThat(redactor.redactLines(List.of("-----BEGIN PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
                "[ERROR] build failed"))).containsExactly("***", "***", "[ERROR] build failed");
    }

    @Test
    void userPatternsAreApplied() {
        Redactor r = Redactor.withPatterns(List.of("corp-[0-9]{6}", "(?i)internal\\.example\\.com"));
        assertThat(r.redact("ticket corp-123456 on INTERNAL.example.com")).isEqualTo("ticket *** on ***");
    }

    @Test
    void userPatternsThatMatchEmptyTextAreRefused() {
        assertThatThrownBy(() -> Redactor.withPatterns(List.of("x*"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'x*' matches empty text");
    }

    @Test
    void ordinaryLogTextIsLeftAlone() {
        String line = "[ERROR] Failed to execute goal on project app: password policy and bearer of news";
        assertThat(redactor.redact(line)).isEqualTo(line);
    }

    @Test
    void longLinesAreCutWithoutLeavingAPartialToken() {
        String line = "x".repeat(FailureReport.MAX_LINE - 10) + " ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        assertThat(FailureReport.bounded(line)).endsWith("x …").doesNotContain("ghp_");
    }
}
