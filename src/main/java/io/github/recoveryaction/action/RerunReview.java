package io.github.recoveryaction.action;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.JobStep;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.github.WorkflowRun;
import io.github.recoveryaction.rerun.ApiRerunHistory;
import io.github.recoveryaction.rerun.ArtifactLedgerStore;
import io.github.recoveryaction.rerun.FailedJob;
import io.github.recoveryaction.rerun.OwnWorkflow;
import io.github.recoveryaction.rerun.RerunDecider;
import io.github.recoveryaction.rerun.RerunDecision;
import io.github.recoveryaction.rerun.RerunExecutor;
import io.github.recoveryaction.rerun.RerunOutcome;
import io.github.recoveryaction.rerun.RerunPolicy;
import io.github.recoveryaction.rerun.RerunReport;
import io.github.recoveryaction.rerun.RerunRequests;
import io.github.recoveryaction.rerun.ReviewedRun;

/**
 * The re-run part of a workflow-run report, wired to the API: compares the analysed attempt with the one before
 * (recovered? flaky tests?), decides whether to re-run its failed jobs, carries the decision out through
 * {@link RerunRequests} (real or dry run), and records newly found flaky tests when the repository asked for
 * {@code rerun-flaky-tests}. API problems become warnings and reasons; the report is still written.
 */
final class RerunReview {

    private final RerunPolicy policy;
    private final RunnerEnvironment env;
    private final GitHubGateway github;
    private final RerunRequests requests;
    private final AttemptComparison comparison;
    private final ArtifactLedgerStore ledger;
    private final Clock clock;
    private final Consumer<String> log;

    RerunReview(RerunPolicy policy, RunnerEnvironment env, GitHubGateway github,
            RerunRequests requests, AttemptComparison comparison, ArtifactLedgerStore ledger, Clock clock,
            Consumer<String> log) {
        this.policy = policy;
        this.env = env;
        this.github = github;
        this.requests = requests;
        this.comparison = comparison;
        this.ledger = ledger;
        this.clock = clock;
        this.log = log;
    }

    /**
     * @param jobs every job of the analysed attempt
     * @param failures its failed jobs as analysed (at most {@code max-jobs})
     * @param warnings receives what the step log must warn about
     */
    RerunReport review(long runId, int attempt, List<WorkflowJob> jobs, List<JobFailure> failures, int maxJobs,
            Consumer<String> warnings) {
        AttemptComparison.Result compared = compare(runId, attempt, jobs, failures, maxJobs, warnings);
        boolean passed = failures.isEmpty() && jobs.stream().noneMatch(j -> j.failed() || cancelled(j));
        Optional<RerunOutcome> outcome = passed ? Optional.empty()
                : Optional.of(decide(runId, attempt, jobs, failures, warnings));
        outcome.flatMap(RerunOutcome::warning).ifPresent(warnings);
        if (policy.flakyTests() && !compared.flakyTests().isEmpty()) {
            ledger.save(ledger.load().record(compared.flakyTests(), runId, clock.instant()));
        }
        return new RerunReport(outcome, compared.recoveredOnAttempt(), compared.flakyTests(), compared.notes());
    }

    private AttemptComparison.Result compare(long runId, int attempt, List<WorkflowJob> jobs,
            List<JobFailure> failures, int maxJobs, Consumer<String> warnings) {
        try {
            return comparison.compare(runId, attempt, jobs, failures, maxJobs);
        } catch (GitHubAccessException e) {
            warnings.accept("Could not compare attempt " + attempt + " with the one before: " + e.getMessage());
            return AttemptComparison.Result.NONE;
        }
    }

    private RerunOutcome decide(long runId, int attempt, List<WorkflowJob> jobs, List<JobFailure> failures,
            Consumer<String> warnings) {
        if (policy.selection().off()) {
            return RerunOutcome.off(attempt, policy.maxAttempts());
        }
        Optional<WorkflowRun> run;
        try {
            run = github.findRun(runId);
        } catch (GitHubAccessException e) {
            warnings.accept("Could not look up run " + runId + " to decide on a re-run: " + e.getMessage());
            return RerunOutcome.notWanted(RerunDecision.no("run " + runId + " could not be looked up", attempt + 1,
                    policy.maxAttempts()));
        }
        if (run.isEmpty()) {
            return RerunOutcome.notWanted(RerunDecision.no("run " + runId + " was not found", attempt + 1,
                    policy.maxAttempts()));
        }
        ReviewedRun reviewed = reviewed(run.get(), attempt, jobs);
        ApiRerunHistory history = new ApiRerunHistory(github, run.get().workflowId(), runId,
                () -> ledger.load().tests(), warnings);
        RerunDecision decision = new RerunDecider().decide(policy, reviewed, ownWorkflow(), failures.stream()
                .map(this::failedJob).toList(), history, clock.instant());
        log.accept(decision.reason());
        return new RerunExecutor(requests, log).execute(decision, policy, runId);
    }

    private static ReviewedRun reviewed(WorkflowRun run, int attempt, List<WorkflowJob> jobs) {
        return new ReviewedRun(run.id(), attempt, run.attempt(), run.name(), run.status(), run.conclusion(),
                run.createdAt(), run.path(), (int) jobs.stream().filter(WorkflowJob::failed).count(),
                jobs.stream().filter(RerunReview::cancelled).map(WorkflowJob::name).toList());
    }

    private static boolean cancelled(WorkflowJob job) {
        return job.conclusion().filter("cancelled"::equals).isPresent();
    }

    private OwnWorkflow ownWorkflow() {
        return new OwnWorkflow(env.runId(), env.workflowRef().flatMap(ref -> OwnWorkflow.pathOf(ref,
                env.repository().orElse(""))), env.workflow());
    }

    private FailedJob failedJob(JobFailure f) {
        var c = f.classification();
        Optional<JobStep> step = f.failedStep();
        return new FailedJob(f.jobName(), c.failureType(), c.rule(), c.decidedByRule(), c.title(), f.stepName(),
                c.details().timeLimit(), f.job().flatMap(j -> j.duration(clock.instant())),
                step.flatMap(s -> s.startedAt().flatMap(start -> s.completedAt()
                        .map(end -> Duration.between(start, end)))).or(() -> c.details().stepDuration()),
                AttemptComparison.failingTests(f));
    }
}
