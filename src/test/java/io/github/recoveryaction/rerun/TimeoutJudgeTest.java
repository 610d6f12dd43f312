package io.github.recoveryaction.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.rules.RuleLoader;

class TimeoutJudgeTest {

    private final TimeoutJudge judge = new TimeoutJudge(TimeoutKnowledge.BUNDLED);
    private final List<Optional<String>> asked = new ArrayList<>();

    private RerunHistory recording(Duration... durations) {
        return new RerunHistory() {
            @Override
            public List<Duration> successfulDurations(String job, Optional<String> step) {
                asked.add(step);
                return List.of(durations);
            }

            @Override
            public Set<String> knownFlakyTests() {
                return Set.of();
            }
        };
    }

    private static FailedJob timeout(String rule, Optional<Duration> limit, Optional<Duration> job,
            Optional<Duration> step) {
        return new FailedJob("e2e", FailureType.TIMEOUT, rule, true, "Timed out.", Optional.of("Run e2e"), limit, job,
                step, List.of());
    }

    @Test
    void comparesTheStepWhenTheStepRanOutAndTheJobWhenTheJobDid() {
        Duration hour = Duration.ofMinutes(60);
        judge.judge(timeout("runner.step-timeout", Optional.of(hour), Optional.of(hour.plusMinutes(3)),
                Optional.of(hour)), recording(Duration.ofMinutes(4)));
        judge.judge(timeout("runner.job-timeout", Optional.of(hour), Optional.of(hour), Optional.of(Duration.ofMinutes(
                20))), recording(Duration.ofMinutes(40)));

        assertThat(asked).containsExactly(Optional.of("Run e2e"), Optional.empty());
    }

    @Test
    void usesTheMedianOfAtMostFiveRuns() {
        FailedJob job = timeout("runner.step-timeout", Optional.of(Duration.ofMinutes(10)), Optional.empty(),
                Optional.of(Duration.ofMinutes(10)));

        TimeoutJudge.Judgement j = judge.judge(job, recording(Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(3), Duration.ofMinutes(4), Duration.ofMinutes(4), Duration.ofMinutes(9),
                Duration.ofMinutes(9)));

        assertThat(j.isTransient()).isTrue();
        assertThat(j.explanation()).isEqualTo("the step usually takes 3m (median of 5 successful runs), well inside its "
                + "10m limit");
        assertThat(TimeoutJudge.median(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30)))).hasSeconds(20);
    }

    @Test
    void exactlyHalfTheLimitIsNotWellInside() {
        FailedJob job = timeout("runner.step-timeout", Optional.of(Duration.ofMinutes(10)), Optional.empty(),
                Optional.of(Duration.ofMinutes(10)));

        assertThat(judge.judge(job, recording(Duration.ofMinutes(5))).isTransient()).isFalse();
    }

    @Test
    void onlyTheRunnersLimitsWithAStatedLimitAreJudged() {
        assertThat(judge.judge(timeout("go.test-timeout", Optional.of(Duration.ofMinutes(10)), Optional.empty(),
                Optional.empty()), recording(Duration.ofMinutes(1))).explanation())
                .isEqualTo("was not stopped by the runner's time limit (rule go.test-timeout), so it is not transient");
        assertThat(judge.judge(timeout("runner.job-timeout", Optional.empty(), Optional.empty(), Optional.empty()),
                recording(Duration.ofMinutes(1))).explanation()).startsWith("states no time limit");
        assertThat(asked).isEmpty();
    }

    @Test
    void thePlatformTimeoutRulesAreBundledTimeoutRules() {
        var bundled = RuleLoader.load(Optional.empty()).rules();

        assertThat(TimeoutKnowledge.BUNDLED.platformRules()).isNotEmpty().allSatisfy(id -> assertThat(bundled)
                .anySatisfy(rule -> {
                    assertThat(rule.id()).isEqualTo(id);
                    assertThat(rule.failureType()).isEqualTo(FailureType.TIMEOUT);
                }));
    }
}
