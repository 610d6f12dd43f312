package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class ClassifyCommandTest {

    private static final String EXAMPLE = "docs/examples/maven-test-failure.log";

    @Test
    void printsOneJsonObjectPerFileInInputOrder(QuarkusMainLauncher launcher) throws IOException {
        Path raw = Files.createTempFile("raw", ".log");
        Files.writeString(raw, "Cloning\nfatal: not a git repository (or any of the parent directories): .git\n");

        LaunchResult result = launcher.launch("classify", "--format", "json", EXAMPLE, raw.toString());

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.getOutputStream();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("file").asText()).isEqualTo(EXAMPLE);
        assertThat(first.get("step").get("number").asInt()).isEqualTo(2);
        assertThat(first.get("step").get("name").asText()).isEqualTo("mvn -B -ntp verify");
        assertThat(first.get("evidence")).isNotEmpty();
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("failureType").asText()).isEqualTo("git_error");
        assertThat(second.get("step").isNull()).isTrue();
        assertThat(second.get("evidence").get(0).get("line").asInt()).isEqualTo(2);
    }

    @Test
    void anUnreadableFileExitsTwoWithOneLineAndTheOthersAreStillClassified(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("classify", "--format", "json", "no-such.log", EXAMPLE);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorStream()).containsExactly("recovery: cannot read no-such.log: no such file");
        assertThat(result.getOutputStream()).hasSize(1);
    }

    @Test
    void theTextFormatShowsTypeStepWhyAndEvidence(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("classify", EXAMPLE);

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("failure:", "step:     #2 mvn -B -ntp verify", "why:", "evidence:");
    }

    @Test
    void anUnknownOptionIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("classify", "--colour", EXAMPLE);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("Unknown option: '--colour'");
    }

    @Test
    void anInvalidRuleFileIsRejectedInOneLine(QuarkusMainLauncher launcher) throws IOException {
        Path rules = Files.createTempFile("rules", ".yml");
        Files.writeString(rules,
                "schema-version: 1\nrules:\n  - id: acme.x\n    title: t\n    failure-type: nope\n    match: [{line: x}]\n");

        LaunchResult result = launcher.launch("classify", "--rules", rules.toString(), EXAMPLE);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorStream()).singleElement().asString()
                .startsWith("recovery: " + rules + ": rule acme.x: failure-type 'nope' is not one of");
    }

    @Test
    void evalScoresALabelledCorpusAndFailsBelowTheRequiredAccuracy(QuarkusMainLauncher launcher) throws IOException {
        Path dir = Files.createTempDirectory("corpus");
        Files.copy(Path.of(EXAMPLE), dir.resolve("a.log"));
        Files.writeString(dir.resolve("labels.jsonl"),
                "{\"file\":\"a.log\",\"failureType\":\"git_error\",\"stepNumber\":2,\"stepName\":\"mvn -B -ntp verify\",\"keyLines\":[\"addsTax\"]}\n");

        LaunchResult result = launcher.launch("eval", "--labels", dir.resolve("labels.jsonl").toString(), "--min-accuracy",
                "0.5");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutput()).contains("Type accuracy:", "Step accuracy:", "a.log: type");
        assertThat(result.getErrorOutput()).contains("type accuracy 0.0%");
    }

    @Test
    void commandsPrintingTextOrJsonRefuseMarkdown(QuarkusMainLauncher launcher) throws IOException {
        Path dir = Files.createTempDirectory("corpus");
        Files.writeString(dir.resolve("labels.jsonl"), "{\"file\":\"a.log\",\"failureType\":\"git_error\"}\n");

        LaunchResult eval = launcher.launch("eval", "--labels", dir.resolve("labels.jsonl").toString(), "--format",
                "markdown");
        LaunchResult rules = launcher.launch("rules", "list", "--format", "markdown");

        assertThat(eval.exitCode()).isEqualTo(2);
        assertThat(eval.getErrorOutput().strip())
                .isEqualTo("recovery: --format markdown is not supported by eval; use text or json");
        assertThat(rules.exitCode()).isEqualTo(2);
        assertThat(rules.getErrorOutput().strip())
                .isEqualTo("recovery: --format markdown is not supported by rules list; use text or json");
    }

    @Test
    void aShareThatIsNotANumberNamesTheOptionAndTheForm(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("eval", "--labels", "labels.jsonl", "--min-accuracy", "high");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).startsWith("recovery: --min-accuracy: 'high' is not a double; use a decimal "
                + "number such as 0.95\n");
    }
}
