package io.github.recoveryaction.action;

import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.config.Settings;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowJob;

/**
 * Finds the job the step runs in: by {@code job-id} ({@code job.check_run_id}), else among the run attempt's jobs
 * by the runner's name (one runner runs one job at a time), preferring a job still in progress, then one whose
 * name starts with the job's key ({@code GITHUB_JOB}; matrix jobs add their values to the name).
 */
final class OwnJob {

    private OwnJob() {
    }

    static Optional<WorkflowJob> find(GitHubGateway github, Settings settings, RunnerEnvironment env) {
        if (settings.jobId().isPresent()) {
            return github.findJob(settings.jobId().getAsLong());
        }
        if (env.runId().isEmpty() || env.runnerName().isEmpty()) {
            return Optional.empty();
        }
        String runner = env.runnerName().get();
        List<WorkflowJob> candidates = github.listJobs(env.runId().getAsLong(), env.runAttempt()).stream()
                .filter(job -> job.runnerName().filter(runner::equals).isPresent()).toList();
        return candidates.stream().filter(job -> !job.completed()).findFirst()
                .or(() -> env.job().flatMap(key -> candidates.stream().filter(j -> j.name().startsWith(key)).findFirst()))
                .or(() -> candidates.stream().findFirst());
    }
}
