package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code --help}, {@code -h} and {@code --version} of every command print and exit 0. */
@QuarkusMainTest
class HelpAndVersionTest {

    private static final List<List<String>> COMMANDS = List.of(List.of(), List.of("classify"), List.of("plan"),
            List.of("analyze"), List.of("rules"), List.of("rules", "list"), List.of("rules", "validate"),
            List.of("rules", "explain"), List.of("eval"), List.of("report"), List.of("checkpoint"), List.of("list"),
            List.of("restore"), List.of("validate"), List.of("cleanup"));

    @Test
    void everyCommandPrintsItsHelpAndVersion(QuarkusMainLauncher launcher) {
        for (List<String> command : COMMANDS) {
            for (String option : List.of("--help", "-h", "--version")) {
                String[] args = Stream.concat(command.stream(), Stream.of(option))
                        .toArray(String[]::new);

                LaunchResult result = launcher.launch(args);

                assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.getErrorOutput()).isZero();
                assertThat(result.getOutput()).as(String.join(" ", args))
                        .contains(option.equals("--version") ? "recovery " : "Usage: recovery");
            }
        }
    }
}
