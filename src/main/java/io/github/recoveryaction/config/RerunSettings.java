package io.github.recoveryaction.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.InvalidInputException;

/**
 * The re-run options as one source gives them (the inputs and CLI options in {@link Settings}, or the keys of
 * {@code .github/recovery.yml}); empty where that source says nothing, so sources can be layered.
 *
 * @param rerun {@code rerun}: which failures are re-run
 * @param maxAttempts {@code max-attempts}: total attempts a run may reach, the first included
 * @param delay {@code rerun-delay}: the wait before the first re-run, doubled per later one
 * @param dryRun {@code rerun-dry-run}: decide and report without re-running
 * @param flakyTests {@code rerun-flaky-tests} (configuration only): one re-run of a test failure whose failing
 *        tests were all flaky before
 * @param testReportArtifacts {@code test-report-artifacts} (configuration only): globs of the names of artifacts
 *        holding JUnit reports, read to find flaky tests across attempts
 */
public record RerunSettings(Optional<RerunSelection> rerun, Optional<Integer> maxAttempts, Optional<Duration> delay,
        Optional<Boolean> dryRun, Optional<Boolean> flakyTests, Optional<List<String>> testReportArtifacts) {

    public static final RerunSettings NONE = new RerunSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** Keys of {@code .github/recovery.yml}, at its top level like the inputs they mirror. */
    static final List<String> KEYS = List.of("rerun", "max-attempts", "rerun-delay", "rerun-dry-run",
            "rerun-flaky-tests", "test-report-artifacts");

    /** GitHub re-runs a run at most 50 times. */
    public static final int MAX_ATTEMPTS_LIMIT = 50;

    static RerunSettings parse(ConfigNode root) {
        Optional<RerunSelection> rerun = root.findString("rerun").map(text -> {
            try {
                return RerunSelection.parse(text);
            } catch (InvalidInputException e) {
                throw root.error("rerun", e.getMessage().replaceFirst("^rerun: ", ""));
            }
        });
        Optional<Duration> delay = root.findDuration("rerun-delay");
        Optional<List<String>> artifacts = Optional.of(root.stringList("test-report-artifacts"))
                .filter(l -> !l.isEmpty());
        return new RerunSettings(rerun, root.findInt("max-attempts", 1, MAX_ATTEMPTS_LIMIT), delay,
                root.findBoolean("rerun-dry-run"), root.findBoolean("rerun-flaky-tests"), artifacts);
    }
}
