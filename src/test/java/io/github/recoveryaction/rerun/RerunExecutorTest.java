package io.github.recoveryaction.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.config.RerunSelection;
import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubPermissionException;

class RerunExecutorTest {

    private final List<String> log = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private RuntimeException refusal;

    private final RerunRequests fake = new RerunRequests() {
        @Override
        public void pause(Duration wait) {
            calls.add("pause " + wait.toSeconds());
        }

        @Override
        public boolean rerunFailedJobs(long runId) {
            calls.add("rerun " + runId);
            if (refusal != null) {
                throw refusal;
            }
            return true;
        }
    };

    private static final RerunDecision WANTED = new RerunDecision(true,
            "Re-running 1 failed job, attempt 3 of 3: `network_error` in `build` — reset", List.of("build"), 3, 3);

    private static RerunPolicy policy(Duration delay) {
        return new RerunPolicy(RerunSelection.parse("transient"), 3, delay, false, false);
    }

    @Test
    void waitsTheDoubledDelayThenAsksForTheRerun() {
        RerunOutcome outcome = new RerunExecutor(fake, log::add).execute(WANTED, policy(Duration.ofSeconds(30)), 200);

        assertThat(calls).containsExactly("pause 60", "rerun 200");
        assertThat(outcome.rerun()).isTrue();
        assertThat(outcome.jobs()).containsExactly("build");
        assertThat(log).contains("Waiting 1m before re-running (rerun-delay 30s, doubled per attempt, at most 10m).");
    }

    @Test
    void theDelayIsCappedAtTenMinutes() {
        RerunPolicy p = policy(Duration.ofMinutes(4));

        assertThat(p.delayBefore(2)).hasMinutes(4);
        assertThat(p.delayBefore(3)).hasMinutes(8);
        assertThat(p.delayBefore(4)).hasMinutes(10);
        assertThat(p.delayBefore(50)).hasMinutes(10);
        assertThat(policy(Duration.ZERO).delayBefore(9)).isZero();
    }

    @Test
    void aRefusedTokenBecomesOneWarningNamingThePermission() {
        refusal = new GitHubPermissionException("refused", 403);

        RerunOutcome outcome = new RerunExecutor(fake, log::add).execute(WANTED, policy(Duration.ZERO), 200);

        assertThat(outcome.rerun()).isFalse();
        assertThat(outcome.status()).isEqualTo(RerunOutcome.Status.REFUSED);
        assertThat(outcome.warning()).hasValueSatisfying(w -> assertThat(w).contains("HTTP 403", "actions: write"));
        assertThat(outcome.reason()).startsWith("Not re-run: GitHub refused the token (HTTP 403), which needs actions: "
                + "write; wanted to re-run 1 failed job, attempt 3 of 3");
    }

    @Test
    void aRunThatCannotBeRerunSaysWhatGitHubSaid() {
        refusal = new GitHubAccessException("re-run was refused (HTTP 403): This workflow is already running", 403);

        RerunOutcome outcome = new RerunExecutor(fake, log::add).execute(WANTED, policy(Duration.ZERO), 200);

        assertThat(outcome.warning()).hasValueSatisfying(w -> assertThat(w).contains("already running")
                .doesNotContain("actions: write"));
    }

    @Test
    void aDryRunRecordsWithoutWaitingOrCalling() {
        DryRunRequests dry = new DryRunRequests(log::add);

        RerunOutcome outcome = new RerunExecutor(dry, log::add).execute(WANTED, policy(Duration.ofSeconds(5)), 200);

        assertThat(outcome.status()).isEqualTo(RerunOutcome.Status.DRY_RUN);
        assertThat(outcome.rerun()).isFalse();
        assertThat(outcome.jobs()).isEmpty();
        assertThat(outcome.reason()).startsWith("Dry run: would re-run 1 failed job, attempt 3 of 3");
        assertThat(dry.recorded()).containsExactly("would wait 10s",
                "would ask GitHub to re-run the failed jobs of run 200");
    }

    @Test
    void nothingHappensWhenNoRerunIsWanted() {
        RerunOutcome outcome = new RerunExecutor(fake, log::add).execute(RerunDecision.no("rerun is off", 2, 3),
                policy(Duration.ofMinutes(1)), 200);

        assertThat(calls).isEmpty();
        assertThat(outcome.reason()).isEqualTo("Not re-running: rerun is off");
    }
}
