package io.github.recoveryaction.classify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Structured facts the rules extracted from the failing step, for plans that name the exact test, file or
 * dependency. Every field may be empty; lists hold distinct values in order of appearance.
 *
 * @param failedTests names of failing tests as the runner printed them
 * @param locations source locations of compiler or linter findings
 * @param dependencies artifacts, packages or modules that could not be resolved
 * @param command a command or program that was not found
 * @param exitCode the exit code the step ended with
 * @param timeLimit the limit a timeout hit, when the log states it
 * @param stepDuration how long the failing step ran, from the log's timestamps
 */
public record Details(
        List<String> failedTests,
        List<SourceLocation> locations,
        List<String> dependencies,
        Optional<String> command,
        OptionalInt exitCode,
        Optional<Duration> timeLimit,
        Optional<Duration> stepDuration) {

    public static final Details NONE = new Details(List.of(), List.of(), List.of(), Optional.empty(),
            OptionalInt.empty(), Optional.empty(), Optional.empty());

    public Details {
        failedTests = List.copyOf(failedTests);
        locations = List.copyOf(locations);
        dependencies = List.copyOf(dependencies);
    }

    public boolean isEmpty() {
        return failedTests.isEmpty() && locations.isEmpty() && dependencies.isEmpty() && command.isEmpty()
                && exitCode.isEmpty() && timeLimit.isEmpty() && stepDuration.isEmpty();
    }
}
