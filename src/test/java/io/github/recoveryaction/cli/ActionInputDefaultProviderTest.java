package io.github.recoveryaction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.github.RunnerEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ActionInputDefaultProviderTest {

    @Command(name = "sample")
    static class Sample {
        @Option(names = "--log-files", split = "\\R")
        List<String> logFiles = List.of();

        @Option(names = "--fail-on-error", defaultValue = "false")
        boolean failOnError;

        @Option(names = "--mode", defaultValue = "auto")
        String mode;

        @Option(names = { "-x" })
        String shortOnly;
    }

    private Sample parse(Map<String, String> env, String... args) {
        Sample sample = new Sample();
        new CommandLine(sample).setDefaultValueProvider(new ActionInputDefaultProvider(RunnerEnvironment.of(env)))
                .parseArgs(args);
        return sample;
    }

    @Test
    void readsOptionsFromActionInputsWithTheSameName() {
        Sample s = parse(Map.of("INPUT_LOG-FILES", "build.log\nout/*.log", "INPUT_FAIL-ON-ERROR", "true",
                "INPUT_X", "ignored"));

        assertThat(s.logFiles).containsExactly("build.log", "out/*.log");
        assertThat(s.failOnError).isTrue();
        assertThat(s.mode).isEqualTo("auto");
        assertThat(s.shortOnly).isNull();
    }

    @Test
    void letsCommandLineOptionsWin() {
        Sample s = parse(Map.of("INPUT_MODE", "in-job"), "--mode", "follow-up");

        assertThat(s.mode).isEqualTo("follow-up");
    }

    @Test
    void treatsBlankInputsAsNotGiven() {
        Sample s = parse(Map.of("INPUT_MODE", "", "INPUT_FAIL-ON-ERROR", " "));

        assertThat(s.mode).isEqualTo("auto");
        assertThat(s.failOnError).isFalse();
    }
}
