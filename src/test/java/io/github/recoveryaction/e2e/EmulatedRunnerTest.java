package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner emulation itself: what the program receives is what actions/runner would pass. */
class EmulatedRunnerTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        EmulatedRunner.clearEnvironment();
    }

    private Map<String, String> installed(EmulatedRunner runner) throws Exception {
        runner.install();
        return Files.readAllLines(EmulatedRunner.environmentFile()).stream().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
    }

    @Test
    void passesEveryInputOfActionYmlWithItsDefaultExpanded() throws Exception {
        EmulatedRunner runner = new EmulatedRunner(dir, "octo/app").context("job.check_run_id", "77")
                .inGitHubActions("octo/app", "http://127.0.0.1:1", "token");

        Map<String, String> env = installed(runner);

        assertThat(env.keySet().stream().filter(k -> k.startsWith("INPUT_")))
                .hasSize(ActionInputs.declared().size()).contains("INPUT_GITHUB-TOKEN", "INPUT_LOG-FILES");
        assertThat(env).containsEntry("INPUT_GITHUB-TOKEN", EmulatedRunner.TOKEN).containsEntry("INPUT_JOB-ID", "77")
                .containsEntry("INPUT_LANE", "auto").containsEntry("INPUT_LOG-FILES", "")
                .containsEntry("GITHUB_WORKSPACE", runner.paths.workspace.toString())
                .containsEntry("RUNNER_TEMP", runner.paths.runnerTemp.toString())
                .containsEntry("HOME", runner.paths.home.toString())
                .containsEntry("RUNNER_WORKSPACE", "/home/runner/work/app")
                .containsEntry("GITHUB_EVENT_PATH", runner.paths.workflow.resolve("event.json").toString());
        assertThat(Path.of(env.get("GITHUB_OUTPUT")).getFileName().toString()).matches("set_output_[0-9a-f-]{36}");
    }

    @Test
    void translatesOnlyValuesThatStartWithAHostPath() throws Exception {
        EmulatedRunner runner = new EmulatedRunner(dir, "octo/app").inGitHubActions("octo/app", "http://127.0.0.1:1",
                "token");
        runner.input("log-files", "${{ github.workspace }}/a.log\n${{ github.workspace }}/b.log");

        Map<String, String> env = installed(runner);

        assertThat(env.get("INPUT_LOG-FILES"))
                .isEqualTo(runner.paths.workspace + "/a.log\\n/home/runner/work/app/app/b.log");
    }

    @Test
    void anExpressionTheEmulationDoesNotKnowFailsTheSetUp() {
        EmulatedRunner runner = new EmulatedRunner(dir, "octo/app").inGitHubActions("octo/app", "http://127.0.0.1:1",
                "token");

        assertThatThrownBy(() -> runner.input("x", "${{ secrets.DEPLOY_KEY }}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secrets.DEPLOY_KEY");
    }
}
