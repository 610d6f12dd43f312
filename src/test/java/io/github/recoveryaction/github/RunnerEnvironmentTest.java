package io.github.recoveryaction.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunnerEnvironmentTest {

    @Test
    void typesTheRunnersVariables() {
        RunnerEnvironment env = RunnerEnvironment.of(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_API_URL", "https://ghes.example/api/v3/",
                "GITHUB_SERVER_URL", "https://ghes.example",
                "GITHUB_REPOSITORY", "octo/app",
                "GITHUB_RUN_ID", "42",
                "GITHUB_RUN_ATTEMPT", "3",
                "GITHUB_OUTPUT", "/github/file_commands/set_output_1",
                "RUNNER_NAME", "GitHub Actions 7"));

        assertThat(env.inGitHubActions()).isTrue();
        assertThat(env.apiUrl()).isEqualTo(URI.create("https://ghes.example/api/v3"));
        assertThat(env.repository()).contains("octo/app");
        assertThat(env.runId()).hasValue(42);
        assertThat(env.runAttempt()).isEqualTo(3);
        assertThat(env.outputFile()).contains(Path.of("/github/file_commands/set_output_1"));
        assertThat(env.runnerName()).contains("GitHub Actions 7");
        assertThat(env.runUrl()).contains("https://ghes.example/octo/app/actions/runs/42/attempts/3");
    }

    @Test
    void treatsMissingBlankAndMalformedValuesAsAbsent() {
        RunnerEnvironment env = RunnerEnvironment.of(Map.of("GITHUB_RUN_ID", "not-a-number", "GITHUB_SHA", " "));

        assertThat(env.runId()).isEmpty();
        assertThat(env.sha()).isEmpty();
        assertThat(env.runAttempt()).isEqualTo(1);
        assertThat(env.apiUrl()).isEqualTo(RunnerEnvironment.DEFAULT_API_URL);
        assertThat(env.inGitHubActions()).isFalse();
        assertThat(env.debug()).isFalse();
    }

    @Test
    void readsInputsByTheRunnersNamingWithHyphensKept() {
        RunnerEnvironment env = RunnerEnvironment.of(Map.of("INPUT_GITHUB-TOKEN", "t0ken", "INPUT_LOG-FILES", " a.log \n"));

        assertThat(RunnerEnvironment.inputVariable("github-token")).isEqualTo("INPUT_GITHUB-TOKEN");
        assertThat(env.findInput("log-files")).contains("a.log");
        assertThat(env.findInput("comment")).isEmpty();
        assertThat(env.toString()).doesNotContain("t0ken");
    }

    @Test
    void recognisesTheRunnersDebugSwitches() {
        assertThat(RunnerEnvironment.of(Map.of("RUNNER_DEBUG", "1")).debug()).isTrue();
        assertThat(RunnerEnvironment.of(Map.of("ACTIONS_STEP_DEBUG", "true")).debug()).isTrue();
    }
}
