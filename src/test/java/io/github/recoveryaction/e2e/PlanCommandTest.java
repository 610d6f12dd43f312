package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class PlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Launch({ "plan", "--failure-type", "network_error", "--lane", "heavy", "--format", "json" })
    void printsThePlanAsJson(LaunchResult result) throws Exception {
        JsonNode plan = JSON.readTree(result.getOutput());
        assertThat(plan.get("failureType").asText()).isEqualTo("network_error");
        assertThat(plan.get("lane").asText()).isEqualTo("heavy");
        JsonNode first = plan.get("actions").get(0);
        assertThat(first.get("strategy").asText()).isEqualTo("resume");
        assertThat(first.get("recommended").asBoolean()).isTrue();
        for (String key : new String[] { "description", "commands", "estimatedMinutes", "successCriteria",
                "rollbackSteps" }) {
            assertThat(first.has(key)).as(key).isTrue();
        }
    }

    @Test
    @Launch(value = { "plan", "--failure-type", "no_such_type" }, exitCode = 2)
    void unknownFailureTypeIsAUsageErrorListingTheIds(LaunchResult result) {
        assertThat(result.getErrorOutput().strip()).doesNotContain("\n").isEqualTo("recovery: unknown failure type "
                + "'no_such_type'; use one of: timeout, test_failure, quality_gate_failure, resource_exhaustion, "
                + "network_error, git_error, compilation_error, dependency_error, permission_error, "
                + "infrastructure_error, configuration_error, unknown");
    }

    @Test
    @Launch(value = { "plan", "--failure-type", "timeout", "--lane", "fast" }, exitCode = 2)
    void unknownLaneIsAUsageError(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("unknown lane 'fast'; use one of: docs, standard, heavy");
    }

    /** auto is the action's lane default; without a failure to decide from it is the configured lane or standard. */
    @Test
    @Launch({ "plan", "--failure-type", "timeout", "--lane", "auto" })
    void autoLaneIsTheStandardLaneWithoutConfiguration(LaunchResult result) {
        assertThat(result.getOutput()).startsWith("### Recovery plan for `timeout` · lane `standard`");
    }

    @Test
    @Launch({ "plan", "--failure-type", "test_failure" })
    void markdownIsTheDefault(LaunchResult result) {
        assertThat(result.getOutput()).startsWith("### Recovery plan for `test_failure` · lane `standard`")
                .contains("- [ ] **Retry**", "- [ ] **Skip**", "```shell");
    }

    @Test
    @Launch({ "plan", "--failure-type", "git_error", "--format", "text" })
    void printsText(LaunchResult result) {
        assertThat(result.getOutput()).startsWith("Recovery plan for git_error (lane standard)").contains("1. [retry",
                "2. [rollback", "$ git fetch --prune --tags origin");
    }

    @Test
    void usesTheRepositorysPlanOverrides(QuarkusMainLauncher launcher) throws Exception {
        Path plans = dir.resolve("plans.yml");
        Files.writeString(plans, """
                schema-version: 1
                templates:
                  - id: timeout
                    actions:
                      - strategy: retry
                        recommended: true
                        description: "Ask the build cop in #ci."
                        commands: ["./ci/retry.sh"]
                        estimated-minutes: 3
                    escalation:
                      description: "Page the on-call."
                """);
        LaunchResult result = launcher.launch("plan", "--failure-type", "timeout", "--format", "json", "--plans",
                plans.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(JSON.readTree(result.getOutput()).get("actions").get(0).get("commands").get(0).asText())
                .isEqualTo("./ci/retry.sh");
    }

    @Test
    void badOverrideNamesFileTemplateAndField(QuarkusMainLauncher launcher) throws Exception {
        Path plans = dir.resolve("plans.yml");
        Files.writeString(plans, "schema-version: 1\ntemplates:\n  - id: timeout\n    actions: 3\n");
        LaunchResult result = launcher.launch("plan", "--failure-type", "timeout", "--plans", plans.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains(plans + ": template timeout: actions must be a list");
    }
}
