package io.github.recoveryaction.action;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.github.WorkflowRun;
import io.github.recoveryaction.rerun.AttemptTests;
import io.github.recoveryaction.rerun.AttemptTests.JobTests;
import io.github.recoveryaction.rerun.FlakyTests;

/**
 * Compares the analysed attempt of a run with the one before it: did the run recover, and which tests failed before
 * and pass now (flaky)? Costs nothing for a first attempt; otherwise one job listing of the earlier attempt, the
 * logs of its failed jobs that failed with tests and ran again (at most {@code max-jobs}), and, when the run
 * uploaded test-report artifacts, one artifact listing, one attempt lookup and their downloads.
 */
final class AttemptComparison {

    /** The result: the recovered attempt, the flaky tests and what limited the comparison. */
    record Result(OptionalInt recoveredOnAttempt, List<String> flakyTests, List<String> notes) {
        static final Result NONE = new Result(OptionalInt.empty(), List.of(), List.of());
    }

    private final GitHubGateway github;
    private final FailureClassifier classifier;
    private final Path downloads;
    private final List<String> reportArtifacts;

    AttemptComparison(GitHubGateway github, FailureClassifier classifier, Path downloads, List<String> reportArtifacts) {
        this.github = github;
        this.classifier = classifier;
        this.downloads = downloads;
        this.reportArtifacts = reportArtifacts;
    }

    /**
     * @param jobs the analysed attempt's jobs
     * @param failures the analysed attempt's classified failures
     */
    Result compare(long runId, int attempt, List<WorkflowJob> jobs, List<JobFailure> failures, int maxJobs) {
        if (attempt < 2) {
            return Result.NONE;
        }
        List<WorkflowJob> failedBefore = github.listJobs(runId, attempt - 1).stream().filter(WorkflowJob::failed)
                .toList();
        if (failedBefore.isEmpty()) {
            return Result.NONE;
        }
        boolean recovered = jobs.stream().noneMatch(WorkflowJob::failed) && failures.isEmpty();
        Map<String, JobFailure> failedNow = new HashMap<>();
        failures.forEach(f -> failedNow.put(f.jobName(), f));
        List<String> notes = new ArrayList<>();
        List<WorkflowJob> ranAgain = failedBefore.stream().filter(j -> ranAgain(j, jobs, failedNow)).limit(maxJobs)
                .toList();
        if (ranAgain.isEmpty()) {
            return new Result(recovered ? OptionalInt.of(attempt) : OptionalInt.empty(), List.of(), List.of());
        }
        Map<String, JobTests> before = new HashMap<>();
        for (WorkflowJob job : ranAgain) {
            testsOf(job, notes).ifPresent(tests -> before.put(job.name(), new JobTests(false, tests)));
        }
        Map<String, JobTests> after = new HashMap<>();
        for (WorkflowJob job : jobs) {
            JobFailure failure = failedNow.get(job.name());
            after.put(job.name(), new JobTests(!job.failed(), failure == null ? List.of() : failingTests(failure)));
        }
        TestReportArtifacts.Split reports = reports(runId, attempt, notes);
        List<String> flaky = FlakyTests.find(new AttemptTests(attempt - 1, reports.before(), before),
                new AttemptTests(attempt, reports.after(), after));
        if (flaky.isEmpty() && before.values().stream().anyMatch(t -> t.failedTests().isEmpty())
                && reports.before().isEmpty()) {
            notes.add("Attempt " + (attempt - 1) + " failed tests that its logs do not name and no test-report "
                    + "artifact lists, so flaky tests could not be named.");
        }
        return new Result(recovered ? OptionalInt.of(attempt) : OptionalInt.empty(), flaky, notes);
    }

    /** The failing tests a failure names: from its JUnit reports, else from the log. */
    static List<String> failingTests(JobFailure failure) {
        if (!failure.failedTests().isEmpty()) {
            return failure.failedTests().stream().map(FailedTest::displayName).distinct().toList();
        }
        return failure.classification().details().failedTests();
    }

    /** A job failed before and ran again: it passed now, or failed with tests (whose names are compared). */
    private static boolean ranAgain(WorkflowJob before, List<WorkflowJob> now, Map<String, JobFailure> failedNow) {
        return now.stream().anyMatch(j -> j.name().equals(before.name()) && (j.succeeded()
                || Optional.ofNullable(failedNow.get(j.name()))
                        .filter(f -> f.classification().failureType() == FailureType.TEST_FAILURE).isPresent()));
    }

    /** The tests the earlier attempt's log names, when that job failed with tests. */
    private Optional<List<String>> testsOf(WorkflowJob job, List<String> notes) {
        Optional<Path> log = github.downloadJobLog(job.id(), downloads.resolve("job-" + job.id() + ".log"),
                RunLogAnalysis.MAX_LOG_BYTES);
        if (log.isEmpty()) {
            notes.add("The log of " + job.name() + " in the earlier attempt is no longer available.");
            return Optional.empty();
        }
        Classification verdict = classifier.classify(job.name(), log.get());
        return verdict.failureType() == FailureType.TEST_FAILURE ? Optional.of(verdict.details().failedTests())
                : Optional.empty();
    }

    private TestReportArtifacts.Split reports(long runId, int attempt, List<String> notes) {
        Optional<Instant> started = github.findRunAttempt(runId, attempt).flatMap(WorkflowRun::runStartedAt);
        if (started.isEmpty()) {
            return TestReportArtifacts.Split.NONE;
        }
        return new TestReportArtifacts(github, reportArtifacts, notes).read(runId, started.get());
    }
}
