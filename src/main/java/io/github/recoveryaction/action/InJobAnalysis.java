package io.github.recoveryaction.action;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.config.Settings;
import io.github.recoveryaction.github.JobStep;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.workspace.RepositoryPaths;
import io.github.recoveryaction.workspace.WorkspaceFiles;

/**
 * Analyses the job the step runs in. GitHub cannot serve a running job's log, so the failed step comes from the
 * jobs API and its output from the {@code log-files} the user's steps wrote and the {@code test-reports}.
 */
final class InJobAnalysis {

    private final FailureClassifier classifier;
    private final List<String> warnings;

    InJobAnalysis(FailureClassifier classifier, List<String> warnings) {
        this.classifier = classifier;
        this.warnings = warnings;
    }

    /**
     * The job's failure; empty when the job is known and none of its steps failed.
     *
     * @param job this job from the API, when it could be looked up
     * @param apiAvailable whether a token was given (for the note on why the job is unknown)
     */
    Optional<JobFailure> analyse(Settings settings, RunnerEnvironment env, Optional<WorkflowJob> job,
            boolean apiAvailable) {
        Optional<JobStep> failedStep = job.flatMap(WorkflowJob::findFailedStep);
        String jobName = job.map(WorkflowJob::name).or(env::job).orElse("job");
        List<String> notes = new ArrayList<>();
        List<Classification> verdicts = new ArrayList<>();
        RepositoryPaths paths = RepositoryPaths.of(settings.workspace(),
                RepositoryPaths.hostWorkspace(env.find("RUNNER_WORKSPACE"), env.repository()));
        WorkspaceFiles.Matches logs = WorkspaceFiles.resolve(settings.workspace(), settings.logFiles(), paths);
        for (Path log : logs.files()) {
            verdicts.add(classifier.classify(relative(settings.workspace(), log), log));
        }
        WorkspaceFiles.Matches reports = WorkspaceFiles.resolve(settings.workspace(), settings.testReports(), paths);
        List<FailedTest> tests = readTests(settings, reports.files(), notes);
        // a glob that finds nothing is a warning in the log and a note in the summary, not a silent empty report
        logs.problems("log-files").forEach(warnAndNote(notes));
        reports.problems("test-reports").forEach(warnAndNote(notes));
        if (job.isPresent() && failedStep.isEmpty() && tests.isEmpty()
                && verdicts.stream().allMatch(v -> v.failureType() == FailureType.UNKNOWN)) {
            return Optional.empty();
        }
        if (job.isEmpty()) {
            notes.add(apiAvailable
                    ? "This job was not found through the API (set job-id, or grant 'actions: read'), so the failed "
                            + "step is taken from the logs."
                    : "No github-token: the failed step is taken from the logs.");
        }
        if (settings.logFiles().isEmpty()) {
            notes.add("A running job's log cannot be downloaded: tee the failing command's output to a file and pass "
                    + "it as log-files, or run the action in a follow-up job.");
        }
        Optional<String> jobRef = Optional.of(jobName);
        Classification verdict = Classifications.best(verdicts)
                .filter(v -> v.failureType() != FailureType.UNKNOWN || tests.isEmpty())
                .map(v -> Classifications.complete(v, jobRef, failedStep))
                .orElseGet(() -> tests.isEmpty()
                        ? Classifications.withoutLog(jobName, jobRef, failedStep,
                                "The step failed, but its output was not available to classify.")
                        : Classifications.fromTests(jobName, jobRef, failedStep, tests));
        String source = verdicts.isEmpty() ? (tests.isEmpty() ? "jobs API" : "test reports")
                : "log files" + (tests.isEmpty() ? "" : " and test reports");
        return Optional.of(new JobFailure(job, jobName, failedStep, verdict, tests, source, notes, Optional.empty()));
    }

    private Consumer<String> warnAndNote(List<String> notes) {
        return problem -> {
            warnings.add(problem);
            notes.add(problem + ".");
        };
    }

    private List<FailedTest> readTests(Settings settings, List<Path> files, List<String> notes) {
        List<FailedTest> tests = new ArrayList<>();
        for (Path report : files) {
            try {
                JUnitReports.read(report).stream().map(t -> SourceFiles.locate(settings.workspace(), t))
                        .forEach(tests::add);
            } catch (IOException e) {
                warnings.add("Skipped test report " + relative(settings.workspace(), report) + ": " + e.getMessage());
            }
        }
        if (!files.isEmpty() && tests.isEmpty()) {
            notes.add("The test reports list no failing test.");
        }
        return tests;
    }

    static String relative(Path workspace, Path file) {
        Path root = workspace.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : file.toString();
    }
}
