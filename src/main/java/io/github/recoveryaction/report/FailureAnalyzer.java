package io.github.recoveryaction.report;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.KnownLines;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.plan.LaneChoice;
import io.github.recoveryaction.plan.LaneDecision;
import io.github.recoveryaction.plan.PlanInput;
import io.github.recoveryaction.plan.Planner;
import io.github.recoveryaction.plan.RecoveryPlan;
import io.github.recoveryaction.plan.RunRef;

/** Classification, lane, plan and log links for one log: what {@code recovery analyze} and the action report. */
public final class FailureAnalyzer {

    private final Classifier classifier;
    private final Planner planner;
    private final LaneChoice lanes;
    private final Optional<RunRef> run;
    private final UnaryOperator<String> repositoryPaths;

    public FailureAnalyzer(Classifier classifier, Planner planner, LaneChoice lanes, Optional<RunRef> run) {
        this(classifier, planner, lanes, run, UnaryOperator.identity());
    }

    /** @param repositoryPaths turns the absolute paths of source locations into repository-relative ones */
    public FailureAnalyzer(Classifier classifier, Planner planner, LaneChoice lanes, Optional<RunRef> run,
            UnaryOperator<String> repositoryPaths) {
        this.classifier = classifier;
        this.planner = planner;
        this.lanes = lanes;
        this.run = run;
        this.repositoryPaths = repositoryPaths;
    }

    /** The report for {@code input}; {@code file} is the plain log file, when there is one, for line links. */
    public FailureReport analyze(LogInput input, Optional<Path> file) {
        return analyze(input, file, KnownLines.NONE);
    }

    /** As {@link #analyze(LogInput, Optional)}, comparing the failing step with a passing run's lines. */
    public FailureReport analyze(LogInput input, Optional<Path> file, KnownLines baseline) {
        Classification c = classifier.classify(input, baseline).withLocationFiles(repositoryPaths);
        Optional<LogLinks> links = run.map(r -> new LogLinks(r, c.step(), file.flatMap(f -> c.step()
                .map(s -> StepHeaderLines.find(f, s.number()))).orElse(OptionalLong.empty())));
        // without the jobs API the viewer's number is the log's plus "Set up job"; heading, links and
        // {{step-number}} all use it once the report links into the job, as the action's report does with the API's
        OptionalInt shown = links.map(LogLinks::findViewerStepNumber).orElse(OptionalInt.empty());
        LaneDecision decision = lanes.decide(c.details().stepDuration());
        RecoveryPlan plan = planner.plan(PlanInput.of(c, run, shown), decision.lane());
        if (lanes.fixed().isEmpty()) {
            plan = plan.withLaneReason(decision.reason());
        }
        return new FailureReport(c, plan, links, shown);
    }
}
