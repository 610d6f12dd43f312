package io.github.recoveryaction.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every input of {@code recovery report} (the action's default command), resolved once: command-line option, else
 * action input ({@code INPUT_<NAME>}), else default. Names in the comments are the public kebab-case names shared
 * by {@code action.yml} and the CLI.
 *
 * @param command {@code command}: what the step does; anything but {@code report} runs that checkpoint command
 * @param mode {@code mode}: where the failure is read from
 * @param githubToken {@code github-token}: empty disables every API call (no job lookup, no comment)
 * @param jobId {@code job-id}: the check-run id of the job the step runs in
 * @param runId {@code run-id}: the run to analyse; empty means the current run or the triggering run
 * @param runAttempt {@code run-attempt}: the attempt to analyse; empty means the current or triggering one
 * @param logFiles {@code log-files}: globs of logs the failing step wrote (in-job mode)
 * @param testReports {@code test-reports}: globs of JUnit XML reports
 * @param comment {@code comment}: post or update the sticky pull-request comment
 * @param commentKey {@code comment-key}: what makes a comment "the same" across attempts; empty means
 *        workflow and job
 * @param annotations {@code annotations}: annotate the evidence
 * @param lane {@code lane}: {@code auto} or a lane id
 * @param rulesFile {@code rules-file}: extra or replacing rules
 * @param configFile {@code config-file}: the repository configuration
 * @param maxJobs {@code max-jobs}: how many failed jobs a follow-up analyses at most
 * @param failOnError {@code fail-on-error}: let the action's own errors fail the step
 * @param workspace the checkout the step sees
 * @param rerun {@code rerun}, {@code max-attempts}, {@code rerun-delay}, {@code rerun-dry-run}: what this step was
 *        told about re-runs; {@code .github/recovery.yml} and defaults fill the rest
 * @param baseline {@code baseline}: compare failing jobs with the last passing run of the same job
 */
public record Settings(
        String command,
        ReportMode mode,
        Optional<Secret> githubToken,
        OptionalLong jobId,
        OptionalLong runId,
        Optional<Integer> runAttempt,
        List<String> logFiles,
        List<String> testReports,
        boolean comment,
        Optional<String> commentKey,
        boolean annotations,
        String lane,
        Optional<Path> rulesFile,
        Optional<Path> configFile,
        int maxJobs,
        boolean failOnError,
        Path workspace,
        RerunSettings rerun,
        BaselineMode baseline) {

    public Settings {
        logFiles = List.copyOf(logFiles);
        testReports = List.copyOf(testReports);
    }

    /** A token that never shows in logs, messages or {@code toString()}. */
    public record Secret(String value) {

        @Override
        public String toString() {
            return "***";
        }
    }
}
