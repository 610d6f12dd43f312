package io.github.recoveryaction.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.github.fake.FakeArtifactService;

class BackendIdsTest {

    private static String token(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void readsTheRunAndJobIdsFromTheResultsScope() {
        assertThat(BackendIds.fromRuntimeToken(FakeArtifactService.runtimeToken(3)))
                .isEqualTo(new BackendIds(FakeArtifactService.RUN_BACKEND_ID, FakeArtifactService.jobBackendId(3)));
    }

    @Test
    void refusesTokensWithoutAUsableScope() {
        assertThatThrownBy(() -> BackendIds.fromRuntimeToken("not-a-jwt")).hasMessageContaining("it is not a JWT");
        assertThatThrownBy(() -> BackendIds.fromRuntimeToken(token("{\"scp\":\"Actions.GenericRead:x\"}")))
                .hasMessageContaining("no Actions.Results scope");
        assertThatThrownBy(() -> BackendIds.fromRuntimeToken(token("{\"scp\":\"Actions.Results:only-one\"}")))
                .hasMessageContaining("does not name a run and a job");
    }

    @Test
    void theRuntimeNeverPrintsTokens() {
        ArtifactRuntime runtime = ArtifactRuntime.from(Map.of("ACTIONS_RUNTIME_TOKEN", "secret-1", "GITHUB_TOKEN",
                "secret-2", "GITHUB_RUN_ID", "7", "GITHUB_RETENTION_DAYS", "30", "GITHUB_API_URL", "https://ghe/api/v3/"));

        assertThat(runtime.toString()).doesNotContain("secret");
        assertThat(runtime.retentionDays()).hasValue(30);
        assertThat(runtime.apiUrl()).hasToString("https://ghe/api/v3");
        assertThat(runtime.runAttempt()).isEqualTo(1);
        assertThat(runtime.canUpload()).isFalse();
    }
}
