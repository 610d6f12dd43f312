package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class AnalyzeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_URL = "https://github.com/octo/shop/actions/runs/4242/job/777";

    @TempDir
    Path workspace;

    Path log;

    @BeforeEach
    void copyLog() throws IOException {
        log = workspace.resolve("integration.log");
        try (InputStream in = getClass().getResourceAsStream("/e2e/step-timeout.log")) {
            Files.copy(in, log);
        }
    }

    @Test
    void printsClassificationAndPlanAsJson(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("analyze", "--format", "json", "--lane", "heavy", "--workspace",
                workspace.toString(), "--run-url", JOB_URL, log.toString());
        assertThat(result.exitCode()).isZero();
        JsonNode node = JSON.readTree(result.getOutput());
        assertThat(node.get("failureType").asText()).isEqualTo("timeout");
        assertThat(node.get("step").get("number").asInt()).isEqualTo(2);
        assertThat(node.get("rule").asText()).isEqualTo("runner.step-timeout");
        assertThat(node.get("plan").get("lane").asText()).isEqualTo("heavy");
        assertThat(node.get("plan").get("actions").get(0).get("strategy").asText()).isEqualTo("retry");
        assertThat(node.get("plan").get("actions").get(0).get("commands").get(0).asText())
                .isEqualTo("gh run rerun --job 777 --repo octo/shop");
        assertThat(result.getOutput()).doesNotContain("ghp_");
    }

    @Test
    void markdownLinksToTheLogLinesAndStaysSafe(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("analyze", "--lane", "standard", "--workspace", workspace.toString(),
                "--run-url", JOB_URL, "--size-limit", "pr-comment", log.toString());
        assertThat(result.exitCode()).isZero();
        String md = result.getOutput();
        assertThat(md).startsWith("### ❌ Timeout in step 3 `./gradlew integrationTest`")
                .contains("#### Evidence", "- [ ] **Retry** (recommended", JOB_URL + "#step:3:")
                .doesNotContain("ghp_abcdef");
        assertThat(md.length()).isLessThan(60_000);
    }

    /** With a job page the log's step 2 is the viewer's step 3 in the heading, the links and the text report alike. */
    @Test
    void numbersTheStepAsTheLinkedViewerDoes(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult md = launcher.launch("analyze", "--lane", "standard", "--workspace", workspace.toString(),
                "--run-url", JOB_URL, log.toString());
        assertThat(md.getOutput()).contains("in step 3 `./gradlew integrationTest`", "(" + JOB_URL + "#step:3:1)")
                .doesNotContain("in step 2", "#step:2:");

        LaunchResult text = launcher.launch("analyze", "--format", "text", "--lane", "standard", "--workspace",
                workspace.toString(), "--run-url", JOB_URL, log.toString());
        assertThat(text.getOutput()).startsWith("timeout in step 3 \"./gradlew integrationTest\"")
                .contains(JOB_URL + "#step:3:1");

        LaunchResult json = launcher.launch("analyze", "--format", "json", "--lane", "standard", "--workspace",
                workspace.toString(), "--run-url", JOB_URL, log.toString());
        JsonNode node = JSON.readTree(json.getOutput());
        assertThat(node.get("step").get("number").asInt()).isEqualTo(2);
        assertThat(node.get("links").get("step").asText()).isEqualTo(JOB_URL + "#step:3:1");
    }

    /** Without a job page nothing links into the viewer, so the step keeps the log's count. */
    @Test
    void numbersTheStepAsTheLogDoesWithoutAJobPage(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("analyze", "--lane", "standard", "--workspace", workspace.toString(),
                "--run-url", "https://github.com/octo/shop/actions/runs/4242", log.toString());
        assertThat(result.getOutput()).startsWith("### ❌ Timeout in step 2 `./gradlew integrationTest`")
                .doesNotContain("#step:");
    }

    @Test
    void autoLaneUsesTheChangedFiles(QuarkusMainLauncher launcher) throws Exception {
        Path changed = workspace.resolve("changed.txt");
        Files.writeString(changed, "README.md\ndocs/setup.md\n");
        LaunchResult result = launcher.launch("analyze", "--format", "json", "--workspace", workspace.toString(),
                "--changed-files", changed.toString(), "--job-duration", "5m", log.toString());
        JsonNode plan = JSON.readTree(result.getOutput()).get("plan");
        assertThat(plan.get("lane").asText()).isEqualTo("docs");
        assertThat(plan.get("laneReason").asText()).isEqualTo("all 2 changed files are documentation.");
    }

    @Test
    void autoLaneIsHeavyForLongJobs(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("analyze", "--format", "json", "--workspace", workspace.toString(),
                "--job-duration", "2h", log.toString());
        assertThat(JSON.readTree(result.getOutput()).get("plan").get("lane").asText()).isEqualTo("heavy");
    }

    @Test
    void textFormatIsReadable(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("analyze", "--format", "text", "--lane", "docs", "--workspace",
                workspace.toString(), log.toString());
        assertThat(result.getOutput()).startsWith("timeout in step 2 \"./gradlew integrationTest\"")
                .contains("Recovery plan for timeout (lane docs)");
    }

    @Test
    void repositoryRedactPatternsApply(QuarkusMainLauncher launcher) throws Exception {
        Files.createDirectories(workspace.resolve(".github"));
        Files.writeString(workspace.resolve(".github/recovery.yml"), "report:\n  redact: ['ExportIT']\n");
        LaunchResult result = launcher.launch("analyze", "--format", "json", "--lane", "standard", "--workspace",
                workspace.toString(), log.toString());
        assertThat(result.getOutput()).doesNotContain("ExportIT");
    }

    @Test
    void missingLogIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("analyze", "--workspace", workspace.toString(),
                workspace.resolve("nope.log").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("nope.log");
    }

    @Test
    void missingChangedFilesListSaysSo(QuarkusMainLauncher launcher) {
        Path missing = workspace.resolve("changed.txt");
        LaunchResult result = launcher.launch("analyze", "--lane", "auto", "--changed-files", missing.toString(),
                log.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput().strip()).isEqualTo("recovery: cannot read --changed-files " + missing
                + ": no such file");
    }

    @Test
    void badRunUrlIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("analyze", "--run-url", "https://example.com/x", log.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("run URL 'https://example.com/x' is not of the form");
    }
}
