package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.rules.RuleLoader;
import io.github.recoveryaction.config.LaneConfig;
import io.github.recoveryaction.plan.Lane;
import io.github.recoveryaction.plan.LaneChoice;
import io.github.recoveryaction.plan.PlanLoader;
import io.github.recoveryaction.plan.Planner;
import io.github.recoveryaction.plan.RunRef;

class FailureAnalyzerTest {

    private static final Classifier CLASSIFIER = new Classifier(RuleLoader.load(Optional.empty()));
    private static final Planner PLANNER = new Planner(PlanLoader.bundledCatalog());

    @Test
    void classifiesPlansAndLinksOneLog() throws URISyntaxException {
        Path log = Path.of(getClass().getResource("/e2e/step-timeout.log").toURI());
        RunRef run = RunRef.parse("https://github.com/octo/shop/actions/runs/4242/job/777");
        FailureReport report = new FailureAnalyzer(CLASSIFIER, PLANNER, LaneChoice.fixed(Lane.HEAVY), Optional.of(run))
                .analyze(LogInput.of(log), Optional.of(log));
        assertThat(report.classification().failureType()).isEqualTo(FailureType.TIMEOUT);
        assertThat(report.plan().lane()).isEqualTo(Lane.HEAVY);
        assertThat(report.plan().laneReason()).isEmpty();
        assertThat(report.links()).hasValueSatisfying(l -> assertThat(l.findLineUrl(15)).hasValueSatisfying(
                u -> assertThat(u).hasToString("https://github.com/octo/shop/actions/runs/4242/job/777#step:3:8")));
    }

    @Test
    void autoLaneUsesTheStepDurationWhenTheJobDurationIsUnknown() throws URISyntaxException {
        Path log = Path.of(getClass().getResource("/e2e/step-timeout.log").toURI());
        LaneChoice auto = new LaneChoice(Optional.empty(), new LaneConfig(Optional.empty(), Duration.ofMinutes(20),
                LaneConfig.DEFAULT_DOCS_PATTERNS), Optional.of(List.of("README.md")), Optional.empty());
        FailureReport report = new FailureAnalyzer(CLASSIFIER, PLANNER, auto, Optional.empty())
                .analyze(LogInput.of(log), Optional.of(log));
        assertThat(report.plan().lane()).isEqualTo(Lane.HEAVY);
        assertThat(report.plan().laneReason()).contains("the job ran 30m, at least the heavy-after threshold of 20m.");
        assertThat(report.links()).isEmpty();
    }
}
