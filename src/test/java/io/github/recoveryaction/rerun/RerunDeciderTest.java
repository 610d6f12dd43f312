package io.github.recoveryaction.rerun;

import static io.github.recoveryaction.rerun.Runs.NOW;
import static io.github.recoveryaction.rerun.Runs.OWN;
import static io.github.recoveryaction.rerun.Runs.failedRun;
import static io.github.recoveryaction.rerun.Runs.history;
import static io.github.recoveryaction.rerun.Runs.job;
import static io.github.recoveryaction.rerun.Runs.network;
import static io.github.recoveryaction.rerun.Runs.run;
import static io.github.recoveryaction.rerun.Runs.stepTimeout;
import static io.github.recoveryaction.rerun.Runs.tests;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.config.RerunSelection;

class RerunDeciderTest {

    private final RerunDecider decider = new RerunDecider();

    private static RerunPolicy policy(String rerun) {
        return new RerunPolicy(RerunSelection.parse(rerun), 3, Duration.ZERO, false, false);
    }

    private RerunDecision decide(RerunPolicy policy, ReviewedRun run, FailedJob... jobs) {
        return decider.decide(policy, run, OWN, List.of(jobs), RerunHistory.NONE, NOW);
    }

    @Test
    void rerunsTransientFailuresAndSaysWhichAttemptItMakes() {
        RerunDecision d = decide(policy("transient"), run(1, "completed", "failure", 2), network("build"),
                job("e2e", FailureType.INFRASTRUCTURE_ERROR, "runner.lost-communication",
                        "The runner lost communication with GitHub."));

        assertThat(d.rerun()).isTrue();
        assertThat(d.jobs()).containsExactly("build", "e2e");
        assertThat(d.reason()).isEqualTo("Re-running 2 failed jobs, attempt 2 of 3: `network_error` in `build` — "
                + "the connection was reset by the peer; `infrastructure_error` in `e2e` — the runner lost "
                + "communication with GitHub");
    }

    @Test
    void oneDeterministicFailureIsEnoughToSayNo() {
        RerunDecision d = decide(policy("transient"), run(1, "completed", "failure", 2), network("build"),
                tests("test"));

        assertThat(d.rerun()).isFalse();
        assertThat(d.jobs()).isEmpty();
        assertThat(d.reason()).isEqualTo("Not re-running: `test_failure` in `test` is not transient");
    }

    @Test
    void namesTheListWhenTheSelectionIsNotTransient() {
        assertThat(decide(policy("network_error, timeout"), failedRun(1), tests("test")).reason())
                .isEqualTo("Not re-running: `test_failure` in `test` is not in rerun (network_error, timeout)");
        assertThat(decide(policy("test_failure"), failedRun(1), tests("test")).rerun()).isTrue();
    }

    @Test
    void genericVerdictsAreNeverRerun() {
        FailedJob generic = job("deploy", FailureType.NETWORK_ERROR, "generic.http-status", "HTTP 503 from the server.");

        assertThat(decide(policy("transient"), failedRun(1), generic).reason()).isEqualTo(
                "Not re-running: `network_error` in `deploy` is a generic verdict (rule generic.http-status), not "
                        + "decided by a rule");
    }

    @Test
    void stopsAtMaxAttempts() {
        assertThat(decide(policy("transient"), failedRun(3), network("build")).reason())
                .isEqualTo("Not re-running: attempt 3 reached max-attempts (3)");
        assertThat(decide(policy("transient"), failedRun(2), network("build")).reason())
                .startsWith("Re-running 1 failed job, attempt 3 of 3: ");
    }

    @Test
    void neverRerunsACancelledRunOrOneThatPassed() {
        assertThat(decide(policy("transient"), run(1, "completed", "cancelled", 0), network("build")).reason())
                .isEqualTo("Not re-running: the run was cancelled");
        assertThat(decide(policy("transient"), run(2, "completed", "success", 0)).reason())
                .isEqualTo("Not re-running: attempt 2 passed");
        assertThat(decide(policy("transient"), run(1, "completed", "startup_failure", 0)).reason())
                .isEqualTo("Not re-running: the run's conclusion is startup_failure; only failed runs are re-run");
    }

    @Test
    void waitsForTheRunToCompleteAndForItsLatestAttempt() {
        assertThat(decide(policy("transient"), run(1, "in_progress", null, 1), network("build")).reason())
                .isEqualTo("Not re-running: the run is in progress; GitHub re-runs only completed runs");
        ReviewedRun rerunByHand = new ReviewedRun(200, 1, 2, "CI", "completed", Optional.of("failure"),
                Optional.of(NOW), Optional.empty(), 1, List.of());
        assertThat(decide(policy("transient"), rerunByHand, network("build")).reason())
                .isEqualTo("Not re-running: attempt 1 is not the run's latest; attempt 2 exists");
    }

    @Test
    void neverRerunsItsOwnWorkflow() {
        ReviewedRun itself = new ReviewedRun(200, 1, 1, "Recovery", "completed", Optional.of("failure"),
                Optional.of(NOW), Optional.of(".github/workflows/recovery.yml"), 1, List.of());

        assertThat(decide(policy("transient"), itself, network("report")).reason()).isEqualTo("Not re-running: run 200 "
                + "is of this workflow (.github/workflows/recovery.yml); the action never re-runs the workflow it runs "
                + "in, so it cannot loop");
        OwnWorkflow sameRun = new OwnWorkflow(OptionalLong.of(200), Optional.empty(), Optional.empty());
        assertThat(decider.decide(policy("transient"), failedRun(1), sameRun, List.of(network("b")), RerunHistory.NONE,
                NOW).rerun()).isFalse();
        OwnWorkflow byName = new OwnWorkflow(OptionalLong.empty(), Optional.empty(), Optional.of("CI"));
        assertThat(decider.decide(policy("transient"), failedRun(1), byName, List.of(network("b")), RerunHistory.NONE,
                NOW).rerun()).isFalse();
    }

    @Test
    void respectsGitHubsThirtyDays() {
        ReviewedRun old = new ReviewedRun(200, 1, 1, "CI", "completed", Optional.of("failure"),
                Optional.of(NOW.minus(Duration.ofDays(31))), Optional.empty(), 1, List.of());

        assertThat(decide(policy("transient"), old, network("build")).reason())
                .isEqualTo("Not re-running: the run was created 31 days ago; GitHub re-runs a run only within 30 days");
    }

    @Test
    void judgesOnlyWhatWasAnalysed() {
        assertThat(decide(policy("transient"), run(1, "completed", "failure", 7), network("a")).reason())
                .isEqualTo("Not re-running: 7 jobs failed and only 1 was analysed (raise max-jobs)");
        assertThat(decide(policy("transient"), run(1, "completed", "failure", 0)).reason())
                .isEqualTo("Not re-running: attempt 1 has no failed job to judge");
    }

    @Test
    void offDecidesNothing() {
        assertThat(decide(policy("off"), failedRun(1), network("build")).reason()).isEqualTo("Not re-running: rerun is off");
    }

    @Test
    void countsATimeoutAsTransientWhenTheStepUsuallyFinishesWellInsideItsLimit() {
        FailedJob timeout = stepTimeout("e2e", Duration.ofMinutes(30));
        RerunHistory quick = history(List.of(Duration.ofMinutes(6), Duration.ofMinutes(5), Duration.ofMinutes(7)));

        RerunDecision d = decider.decide(policy("transient"), failedRun(1), OWN, List.of(timeout), quick, NOW);

        assertThat(d.rerun()).isTrue();
        assertThat(d.reason()).endsWith("`timeout` in `e2e` — the step usually takes 6m (median of 3 successful runs), "
                + "well inside its 30m limit");
    }

    @Test
    void aTimeoutCloseToItsUsualDurationIsNotTransient() {
        FailedJob timeout = stepTimeout("e2e", Duration.ofMinutes(30));
        RerunHistory slow = history(List.of(Duration.ofMinutes(20), Duration.ofMinutes(25)));

        assertThat(decider.decide(policy("transient"), failedRun(1), OWN, List.of(timeout), slow, NOW).reason())
                .isEqualTo("Not re-running: `timeout` in `e2e` is not transient: the step usually takes 22m 30s "
                        + "(median of 2 successful runs) of its 30m limit");
        assertThat(decider.decide(policy("transient"), failedRun(1), OWN, List.of(timeout), RerunHistory.NONE, NOW)
                .reason()).isEqualTo("Not re-running: `timeout` in `e2e` has no successful run of the step to compare "
                        + "with, so it is not counted as transient");
    }

    @Test
    void aTimeoutNamedExplicitlyIsRerunWithoutHistory() {
        assertThat(decider.decide(policy("timeout"), failedRun(1), OWN, List.of(stepTimeout("e2e", Duration.ofMinutes(30))),
                RerunHistory.NONE, NOW).rerun()).isTrue();
    }

    @Test
    void rerunsATestFailureOnceWhenAllItsFailingTestsWereFlakyBefore() {
        RerunPolicy flakyOptIn = new RerunPolicy(RerunSelection.parse("transient"), 3, Duration.ZERO, false, true);
        RerunHistory known = history(List.of(), "com.example.CartTest.addsItem", "tests/test_api.py::test_get");

        RerunDecision all = decider.decide(flakyOptIn, failedRun(1), OWN,
                List.of(tests("test", "CartTest.addsItem", "tests.test_api.test_get")), known, NOW);
        RerunDecision some = decider.decide(flakyOptIn, failedRun(1), OWN,
                List.of(tests("test", "CartTest.addsItem", "CartTest.total")), known, NOW);
        RerunDecision again = decider.decide(flakyOptIn, failedRun(2), OWN,
                List.of(tests("test", "CartTest.addsItem")), known, NOW);

        assertThat(all.rerun()).isTrue();
        assertThat(all.reason()).endsWith("`test_failure` in `test` — all 2 failing tests were flaky before");
        assertThat(some.reason()).isEqualTo("Not re-running: `test_failure` in `test` is not transient; 1 of its 2 "
                + "failing tests was flaky before");
        assertThat(again.reason()).isEqualTo("Not re-running: `test_failure` in `test` is not transient");
    }

    @Test
    void namesHowManyOtherJobsWouldNotBeRerun() {
        assertThat(decide(policy("transient"), run(1, "completed", "failure", 3), tests("a"), tests("b"), network("c"))
                .reason()).isEqualTo("Not re-running: `test_failure` in `a` is not transient (1 more job would not be "
                        + "re-run either)");
    }
}
