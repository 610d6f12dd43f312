package io.github.recoveryaction.action;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.KnownLines;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.workspace.FileOwnership;

/**
 * Analyses a finished attempt of a run from a later job or a {@code workflow_run} workflow: downloads the full log
 * of every failed job (at most {@code max-jobs}) and classifies each.
 */
final class RunLogAnalysis {

    /** Logs longer than this keep their end, where failures are. */
    static final long MAX_LOG_BYTES = 64L * 1024 * 1024;

    /** The lines of a passing run of the failed job, to tell which are new. */
    @FunctionalInterface
    interface Baselines {
        Baselines NONE = (runId, job) -> KnownLines.NONE;

        KnownLines find(long runId, WorkflowJob job);
    }

    private final GitHubGateway github;
    private final FailureClassifier classifier;
    private final Path downloads;
    private final Baselines baselines;

    RunLogAnalysis(GitHubGateway github, FailureClassifier classifier, Path downloads, Baselines baselines) {
        this.github = github;
        this.classifier = classifier;
        this.downloads = downloads;
        this.baselines = baselines;
    }

    /**
     * @param ownJob the job running this analysis, left out (it is in progress and would have no log)
     * @param notes receives what limited the analysis
     */
    List<JobFailure> analyse(long runId, int attempt, OptionalLong ownJob, int maxJobs, List<String> notes) {
        return analyse(github.listJobs(runId, attempt), ownJob, maxJobs, notes);
    }

    /** The same, for an attempt whose jobs were already listed. */
    List<JobFailure> analyse(List<WorkflowJob> jobs, OptionalLong ownJob, int maxJobs, List<String> notes) {
        List<WorkflowJob> failed = jobs.stream()
                .filter(WorkflowJob::failed)
                .filter(job -> ownJob.isEmpty() || job.id() != ownJob.getAsLong())
                .toList();
        if (failed.size() > maxJobs) {
            notes.add(failed.size() + " jobs failed; the first " + maxJobs + " are analysed (raise max-jobs for more).");
        }
        List<JobFailure> failures = new ArrayList<>();
        for (WorkflowJob job : failed.stream().limit(maxJobs).toList()) {
            failures.add(analyse(job));
        }
        return failures;
    }

    private JobFailure analyse(WorkflowJob job) {
        var step = job.findFailedStep();
        var jobName = Optional.of(job.name());
        List<String> notes = new ArrayList<>();
        var log = github.downloadJobLog(job.id(), downloads.resolve("job-" + job.id() + ".log"), MAX_LOG_BYTES)
                .map(FileOwnership.ofWorkspace(downloads)::claim);
        Classification verdict;
        if (log.isPresent()) {
            verdict = Classifications.complete(classifier.classify(job.name(), log.get(), baselines.find(job.runId(), job)),
                    jobName, step);
        } else {
            notes.add("GitHub has no log for job " + job.name() + " yet (it may still be running, or the log expired).");
            verdict = Classifications.withoutLog(job.name(), jobName, step,
                    "The job failed, but its log is not available.");
        }
        return new JobFailure(Optional.of(job), job.name(), step, verdict, List.of(),
                log.isPresent() ? "job log" : "jobs API", notes, log);
    }
}
