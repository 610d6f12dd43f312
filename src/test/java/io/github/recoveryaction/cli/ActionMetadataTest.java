package io.github.recoveryaction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code action.yml} and the CLI share one contract: every input is an option (of {@code report}, or of the checkpoint
 * command it is delegated to) with the same kebab-case name, every option of {@code report} is an input, and every
 * input and output is described with a string default.
 */
class ActionMetadataTest {

    /** Commands the action runs through {@code command:}; their options are inputs too. */
    private static final List<String> DELEGATED = List.of("checkpoint", "restore", "validate", "cleanup", "list",
            "stats");
    private static final Set<String> CLI_ONLY = Set.of("help", "version", "verbose");

    private final JsonNode action = read();
    private final CommandLine recovery = new CommandLine(RecoveryCommand.class);

    @Test
    void everyReportOptionIsAnInput() {
        Set<String> inputs = inputs();
        assertThat(optionNames(recovery.getSubcommands().get("report"))).allSatisfy(
                option -> assertThat(inputs).as("action.yml input for report --" + option).contains(option));
    }

    @Test
    void everyOptionOfTheDelegatedCommandsIsAnInput() {
        Set<String> inputs = inputs();
        DELEGATED.stream().map(recovery.getSubcommands()::get).filter(Objects::nonNull)
                .forEach(sub -> assertThat(optionNames(sub)).allSatisfy(option -> assertThat(inputs)
                        .as("action.yml input for " + sub.getCommandName() + " --" + option).contains(option)));
    }

    @Test
    void everyInputIsAnOptionOfTheCommandItFeeds() {
        Set<String> options = new HashSet<>(optionNames(recovery.getSubcommands().get("report")));
        boolean checkpointCommandsPresent = recovery.getSubcommands().keySet().containsAll(DELEGATED);
        DELEGATED.stream().map(recovery.getSubcommands()::get).filter(Objects::nonNull)
                .forEach(sub -> options.addAll(optionNames(sub)));
        Set<String> unknown = new TreeSet<>(inputs());
        unknown.removeAll(options);
        if (!checkpointCommandsPresent) {
            unknown.removeAll(Set.of("step-number", "step-name", "failed", "error-message", "path", "store",
                    "checkpoint-id", "force", "older-than", "dry-run", "format", "retention-days", "job-key"));
        }
        assertThat(unknown).as("inputs no command reads").isEmpty();
    }

    /** Which command needs which input is in the input's description (the runner cannot express it). */
    @Test
    void theInputsACommandRequiresSaySo() {
        Map.of("step-number", "checkpoint", "step-name", "checkpoint", "checkpoint-id", "restore")
                .forEach((input, command) -> assertThat(action.path("inputs").path(input).path("description").asText())
                        .as(input).contains("Required by command: " + command));
        assertThat(action.path("inputs").path("command").path("description").asText())
                .contains("checkpoint (requires step-number and step-name)", "restore (requires checkpoint-id)");
    }

    @Test
    void everyInputAndOutputIsDescribedWithStringDefaults() {
        action.path("inputs").fields().forEachRemaining(input -> {
            assertThat(input.getValue().path("description").asText()).as(input.getKey()).isNotBlank();
            assertThat(input.getValue().path("default").isTextual()).as("string default of " + input.getKey()).isTrue();
            assertThat(input.getKey()).matches("[a-z][a-z0-9-]*");
        });
        action.path("outputs").fields().forEachRemaining(output -> {
            assertThat(output.getValue().path("description").asText()).as(output.getKey()).isNotBlank();
            assertThat(output.getKey()).matches("[a-z][a-z0-9-]*");
        });
        assertThat(action.path("inputs").path("github-token").path("default").asText()).isEqualTo("${{ github.token }}");
        assertThat(action.path("inputs").path("job-id").path("default").asText()).isEqualTo("${{ job.check_run_id }}");
        assertThat(action.path("runs").path("using").asText()).isEqualTo("docker");
        assertThat(action.path("runs").path("image").asText()).startsWith("docker://ghcr.io/");
    }

    @Test
    void declaresEveryOutputTheReportWrites() {
        Set<String> outputs = new HashSet<>();
        action.path("outputs").fieldNames().forEachRemaining(outputs::add);
        assertThat(outputs).contains("failure-type", "failed-job", "failed-step", "failed-step-number", "rule",
                "confidence", "lane", "recommended-strategy", "plan-json", "classification-json", "failures-json",
                "resume-after", "recovered", "mode", "pull-request", "comment-url", "summary-markdown");
    }

    private Set<String> inputs() {
        Set<String> names = new TreeSet<>();
        action.path("inputs").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> optionNames(CommandLine command) {
        return command.getCommandSpec().options().stream().map(OptionSpec::longestName)
                .filter(name -> name.startsWith("--")).map(name -> name.substring(2))
                .filter(name -> !CLI_ONLY.contains(name)).toList();
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("action.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
