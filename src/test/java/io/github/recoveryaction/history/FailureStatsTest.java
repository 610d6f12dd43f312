package io.github.recoveryaction.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.history.RunRecord.FailureRecord;
import io.github.recoveryaction.history.RunRecord.JobRecord;

class FailureStatsTest {

    static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aJobCarriedOverToAReRunIsNotCountedTwice() {
        RunRecord run = run(1, "main", "a", 2, "success", List.of(
                job(11, "build", 1, "success", 0, 5, null), job(12, "test", 1, "failure", 5, 10, fail("test_failure")),
                job(11, "build", 2, "success", 0, 5, null), job(13, "test", 2, "success", 20, 23, null)));

        StatsReport r = FailureStats.compute(List.of(run), "main");

        assertThat(r.rerunTime()).isEqualTo(Duration.ofMinutes(3));
        assertThat(r.failedJobTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.flakyJobs()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("test"));
        assertThat(r.flakyTests()).extracting(StatsReport.Flaky::name).containsExactly("FooTest.bar");
        assertThat(r.recovery().incidents()).containsExactly(Duration.ofMinutes(13));
    }

    @Test
    void aRedSpellEndsWithTheNextGreenRunOfTheSameWorkflowOnTheDefaultBranch() {
        List<RunRecord> runs = new ArrayList<>();
        runs.add(run(1, "main", "a", 1, "failure", List.of(job(11, "test", 1, "failure", 0, 10, fail("timeout")))));
        runs.add(run(2, "feature", "b", 1, "success", List.of()));
        runs.add(run(3, "main", "c", 1, "failure", List.of(job(31, "test", 1, "failure", 60, 70, fail("timeout")))));
        runs.add(run(4, "main", "d", 1, "success", List.of()));

        StatsReport r = FailureStats.compute(runs, "main");

        assertThat(r.recovery().incidents()).containsExactly(Duration.ofHours(3));
        assertThat(r.recovery().redSince()).isEmpty();
        assertThat(r.flakyJobs()).isEmpty();
        assertThat(r.byType()).containsExactly(new StatsReport.Count("timeout", 2));
    }

    static RunRecord run(long id, String branch, String sha, int attempts, String conclusion, List<JobRecord> jobs) {
        Instant created = T.plus(Duration.ofHours(id));
        Instant updated = jobs.stream().flatMap(j -> j.completedAt().stream()).max(Instant::compareTo)
                .orElse(created.plus(Duration.ofMinutes(10)));
        return new RunRecord(id, ".github/workflows/ci.yml", Optional.of(branch), sha, created, updated, attempts,
                conclusion, jobs);
    }

    static JobRecord job(long id, String name, int attempt, String conclusion, int startMinute, int endMinute,
            FailureRecord failure) {
        Instant base = T.plus(Duration.ofHours(id / 10));
        return new JobRecord(id, name, attempt, conclusion, Optional.of(base.plus(Duration.ofMinutes(startMinute))),
                Optional.of(base.plus(Duration.ofMinutes(endMinute))), Optional.ofNullable(failure));
    }

    static FailureRecord fail(String type) {
        return new FailureRecord(type, "rule." + type, Optional.of("error: <n>"), List.of("FooTest.bar"));
    }
}
