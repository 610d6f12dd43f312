package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.config.RerunSelection;

/**
 * Decides whether the failed jobs of a finished attempt are re-run: only when rerun is on, the run is another
 * workflow's, completed with conclusion {@code failure} and its newest attempt, below {@code max-attempts} and within
 * GitHub's 30 days, and every failed job of the attempt has a type the policy re-runs, decided by a rule. One
 * deterministic failure is enough to say no: a re-run must never hide a regression.
 */
public final class RerunDecider {

    /** GitHub re-runs a run only up to 30 days after it was created. */
    static final Duration RERUN_WINDOW = Duration.ofDays(30);
    private static final int JOBS_NAMED = 3;

    private final TimeoutJudge timeouts = new TimeoutJudge(TimeoutKnowledge.BUNDLED);

    public RerunDecision decide(RerunPolicy policy, ReviewedRun run, OwnWorkflow own, List<FailedJob> failures,
            RerunHistory history, Instant now) {
        int next = run.attempt() + 1;
        int max = policy.maxAttempts();
        Optional<String> refusal = refuseRun(policy, run, own, failures, now);
        if (refusal.isPresent()) {
            return RerunDecision.no(refusal.get(), next, max);
        }
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (FailedJob job : failures) {
            JobVerdict verdict = judge(policy, job, run.attempt(), history);
            (verdict.accepted() ? accepted : refused).add(verdict.text());
        }
        if (!refused.isEmpty()) {
            return RerunDecision.no(refused.get(0) + more(refused.size() - 1), next, max);
        }
        String jobs = failures.size() == 1 ? "1 failed job" : failures.size() + " failed jobs";
        String why = String.join("; ", accepted.subList(0, Math.min(JOBS_NAMED, accepted.size())))
                + (accepted.size() > JOBS_NAMED ? "; and " + (accepted.size() - JOBS_NAMED) + " more" : "");
        return new RerunDecision(true, "Re-running " + jobs + ", attempt " + next + " of " + max + ": " + why,
                failures.stream().map(FailedJob::name).toList(), next, max);
    }

    /** Whether one job's failure justifies a re-run, and the words that say why (or why not). */
    private record JobVerdict(boolean accepted, String text) {
    }

    private static Optional<String> refuseRun(RerunPolicy policy, ReviewedRun run, OwnWorkflow own,
            List<FailedJob> failures, Instant now) {
        if (policy.selection().off()) {
            return Optional.of("rerun is off");
        }
        if (own.isSameAs(run)) {
            return Optional.of("run " + run.id() + " is of this workflow" + run.workflowPath().map(p -> " (" + p + ")")
                    .orElse("") + "; the action never re-runs the workflow it runs in, so it cannot loop");
        }
        if (!run.status().equals("completed")) {
            return Optional.of("the run is " + run.status().replace('_', ' ') + "; GitHub re-runs only completed runs");
        }
        if (run.latestAttempt() > run.attempt()) {
            return Optional.of("attempt " + run.attempt() + " is not the run's latest; attempt " + run.latestAttempt()
                    + " exists");
        }
        String conclusion = run.conclusion().orElse("none");
        if (conclusion.equals("cancelled")) {
            return Optional.of("the run was cancelled");
        }
        if (conclusion.equals("success")) {
            return Optional.of("attempt " + run.attempt() + " passed");
        }
        if (!conclusion.equals("failure")) {
            return Optional.of("the run's conclusion is " + conclusion + "; only failed runs are re-run");
        }
        if (run.attempt() >= policy.maxAttempts()) {
            return Optional.of("attempt " + run.attempt() + " reached max-attempts (" + policy.maxAttempts() + ")");
        }
        Optional<Duration> age = run.createdAt().map(created -> Duration.between(created, now));
        if (age.filter(a -> a.compareTo(RERUN_WINDOW) > 0).isPresent()) {
            return Optional.of("the run was created " + age.get().toDays() + " days ago; GitHub re-runs a run only "
                    + "within 30 days");
        }
        if (failures.isEmpty()) {
            return Optional.of("attempt " + run.attempt() + " has no failed job to judge"
                    + (run.cancelledJobs().isEmpty() ? "" : ", only cancelled ones"));
        }
        if (run.failedJobs() > failures.size()) {
            return Optional.of(run.failedJobs() + " jobs failed and only " + failures.size() + (failures.size() == 1
                    ? " was"
                    : " were") + " analysed (raise max-jobs)");
        }
        return Optional.empty();
    }

    private JobVerdict judge(RerunPolicy policy, FailedJob job, int attempt, RerunHistory history) {
        RerunSelection selection = policy.selection();
        if (!job.decidedByRule()) {
            return new JobVerdict(false, job.label() + " is a generic verdict (rule " + job.rule()
                    + "), not decided by a rule");
        }
        if (selection.covers(job.type())) {
            return new JobVerdict(true, job.label() + " — " + sentence(job.title()));
        }
        if (selection.judges(job.type())) {
            TimeoutJudge.Judgement judgement = timeouts.judge(job, history);
            return new JobVerdict(judgement.isTransient(), job.label() + (judgement.isTransient() ? " — " : " ")
                    + judgement.explanation());
        }
        String notSelected = job.label() + (selection.judgedTimeouts() && selection.types().equals(
                RerunSelection.TRANSIENT) ? " is not transient" : " is not in rerun (" + selection.text() + ")");
        if (!flakyRerun(policy, job, attempt)) {
            return new JobVerdict(false, notSelected);
        }
        if (job.failingTests().isEmpty()) {
            return new JobVerdict(false, notSelected + "; its failing tests are not known, so they cannot be "
                    + "matched with flaky ones");
        }
        Set<String> known = history.knownFlakyTests();
        long flaky = job.failingTests().stream().filter(t -> TestNames.containsMatch(known, t)).count();
        int n = job.failingTests().size();
        if (flaky == n) {
            return new JobVerdict(true, job.label() + " — " + (n == 1 ? "its failing test was"
                    : "all " + n
                            + " failing tests were")
                    + " flaky before");
        }
        return new JobVerdict(false, notSelected + "; " + flaky + " of its " + n + " failing tests "
                + (flaky == 1 ? "was" : "were") + " flaky before");
    }

    /** The one re-run a repository may allow for flaky tests: only of a first attempt's test failure. */
    private static boolean flakyRerun(RerunPolicy policy, FailedJob job, int attempt) {
        return policy.flakyTests() && job.type() == FailureType.TEST_FAILURE && attempt == 1;
    }

    private static String more(int others) {
        return others == 0 ? "" : " (" + others + " more job" + (others == 1 ? "" : "s") + " would not be re-run either)";
    }

    /** A verdict's title inside a sentence: without its final period, lower-cased when it starts a plain word. */
    static String sentence(String title) {
        String t = title.replaceAll("\\s+", " ").strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))) {
            t = Character.toLowerCase(t.charAt(0)) + t.substring(1);
        }
        return t.length() <= 160 ? t : t.substring(0, 159) + "…";
    }
}
