package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The action never fails a workflow through its own fault unless asked: on every command it runs, a broken input
 * or an API that refuses is exactly one warning and exit 0, and with {@code fail-on-error: true} the step fails.
 */
@QuarkusMainTest
class OwnErrorsTest {

    @AutoClose
    final RunnerScenario scenario = new RunnerScenario();

    @BeforeEach
    void setUp() {
        scenario.event("push", "{\"ref\":\"refs/heads/main\"}");
    }

    /** Runs the step as given, then again with fail-on-error: true. */
    private void assertOwnError(QuarkusMainLauncher launcher, String expected, Map<String, String> inputs) {
        inputs.forEach(scenario::input);
        scenario.install();
        LaunchResult warned = launcher.launch("report");

        assertThat(warned.exitCode()).as(warned.getOutput() + warned.getErrorOutput()).isZero();
        List<String> warnings = (warned.getOutput() + "\n" + warned.getErrorOutput()).lines()
                .filter(l -> l.startsWith("::warning")).toList();
        assertThat(warnings).singleElement().asString().contains(expected, "set fail-on-error: true");

        scenario.input("fail-on-error", "true").install();
        LaunchResult failed = launcher.launch("report");

        assertThat(failed.exitCode()).as(failed.getOutput()).isNotZero();
        assertThat(failed.getErrorOutput()).contains(expected);
    }

    @Test
    void reportWithoutTheTokenFollowUpModeNeeds(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "github-token is empty", Map.of("mode", "follow-up", "github-token", ""));
    }

    @Test
    void reportWhenTheApiRefusesTheToken(QuarkusMainLauncher launcher) {
        scenario.server.failNext("GET", "/repos/octo/app/actions/runs/4242.*", 20, 401, Map.of());
        assertOwnError(launcher, "401", Map.of("mode", "workflow-run", "run-id", "4242", "run-attempt", "1"));
    }

    @Test
    void reportWithAnInputThatIsNotABoolean(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "input comment: 'maybe' is not a boolean; use true or false",
                Map.of("comment", "maybe"));
    }

    @Test
    void anUnknownCommand(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "command 'deploy' is not available", Map.of("command", "deploy"));
    }

    @Test
    void checkpointWithoutStepName(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "--step-name is required by checkpoint (action input step-name)",
                Map.of("command", "checkpoint", "step-number", "3"));
    }

    @Test
    void checkpointWithAStepNumberThatIsNoNumber(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "three", Map.of("command", "checkpoint", "step-number", "three", "step-name", "x"));
    }

    @Test
    void restoreWithoutCheckpointId(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "--checkpoint-id is required by restore", Map.of("command", "restore"));
    }

    @Test
    void listWithAnUnknownFormat(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "xml", Map.of("command", "list", "format", "xml"));
    }

    @Test
    void validateWithAnUnknownStore(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "cloud", Map.of("command", "validate", "store", "cloud"));
    }

    @Test
    void cleanupWithABadDuration(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "soon", Map.of("command", "cleanup", "older-than", "soon"));
    }

    @Test
    void statsWithABadNumber(QuarkusMainLauncher launcher) {
        assertOwnError(launcher, "days must be a number, got 'forever'", Map.of("command", "stats", "days", "forever"));
    }
}
