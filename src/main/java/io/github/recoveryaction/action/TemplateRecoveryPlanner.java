package io.github.recoveryaction.action;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.config.LaneConfig;
import io.github.recoveryaction.plan.Lane;
import io.github.recoveryaction.plan.LaneChoice;
import io.github.recoveryaction.plan.LaneDecision;
import io.github.recoveryaction.plan.PlanInput;
import io.github.recoveryaction.plan.Planner;
import io.github.recoveryaction.plan.RecoveryPlan;
import io.github.recoveryaction.plan.RunRef;
import io.github.recoveryaction.report.FailureReport;
import io.github.recoveryaction.report.JsonReportRenderer;
import io.github.recoveryaction.report.LogLinks;
import io.github.recoveryaction.report.StepHeaderLines;

/**
 * The report's planner: the plan templates, the lane from the input or chosen automatically (repository
 * configuration, changed files, the job's duration), and links into the failed job's log.
 */
final class TemplateRecoveryPlanner implements RecoveryPlanner {

    private final Planner planner;
    private final LaneConfig lanes;
    private final Optional<List<String>> changedFiles;
    private final Optional<String> serverUrl;
    private final Optional<String> repository;
    private final JsonReportRenderer json;
    private final Clock clock;

    /**
     * @param changedFiles the change's files for the {@code auto} lane, when known
     * @param serverUrl and {@code repository} name the run for links; empty leaves links out
     */
    TemplateRecoveryPlanner(Planner planner, LaneConfig lanes, Optional<List<String>> changedFiles,
            Optional<String> serverUrl, Optional<String> repository, JsonReportRenderer json, Clock clock) {
        this.planner = planner;
        this.lanes = lanes;
        this.changedFiles = changedFiles;
        this.serverUrl = serverUrl;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public PlanView plan(JobFailure failure, String lane) {
        Classification c = failure.classification();
        Optional<Lane> fixed = Lane.findById(lane);
        Optional<Duration> jobDuration = failure.job().flatMap(job -> job.duration(clock.instant()));
        LaneDecision decision = new LaneChoice(fixed, lanes, fixed.isPresent() ? Optional.empty() : changedFiles,
                jobDuration).decide(c.details().stepDuration());
        Optional<RunRef> run = runOf(failure);
        OptionalInt jobStep = failure.failedStep().map(s -> OptionalInt.of(s.number())).orElse(OptionalInt.empty());
        RecoveryPlan plan = planner.plan(PlanInput.of(c, run, jobStep), decision.lane());
        if (fixed.isEmpty()) {
            plan = plan.withLaneReason(decision.reason());
        }
        Optional<LogLinks> links = run.map(r -> new LogLinks(r, c.step(), headerLine(failure), jobStep));
        return new PlanView(new FailureReport(c, plan, links, jobStep), json.renderPlan(plan));
    }

    private Optional<RunRef> runOf(JobFailure failure) {
        if (serverUrl.isEmpty() || repository.isEmpty() || failure.job().isEmpty()) {
            return Optional.empty();
        }
        var job = failure.job().get();
        return Optional.of(new RunRef(serverUrl.get(), repository.get(), job.runId(), OptionalLong.of(job.id())));
    }

    /** The failing step's header line in a downloaded job log, so links point at the exact log lines. */
    private static OptionalLong headerLine(JobFailure failure) {
        Optional<Path> log = failure.logFile();
        var step = failure.classification().step();
        return log.isPresent() && step.isPresent() ? StepHeaderLines.find(log.get(), step.get().number())
                : OptionalLong.empty();
    }
}
