package io.github.recoveryaction.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import io.github.recoveryaction.plan.Lane;
import io.github.recoveryaction.plan.LaneChoice;
import io.github.recoveryaction.plan.PlanInput;
import io.github.recoveryaction.plan.RecoveryPlan;
import io.github.recoveryaction.report.JsonReportRenderer;
import io.github.recoveryaction.report.MarkdownReportRenderer;
import io.github.recoveryaction.report.Redactor;
import io.github.recoveryaction.report.TextReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Print the recovery plan for a failure type.", description = "Prints the ordered recovery actions for a failure type in a lane, with commands, time "
        + "estimates, success criteria and rollback steps. Plan templates come from the bundled data, "
        + "overridden by the repository's plan file.")
class PlanCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--failure-type", required = true, paramLabel = "ID", description = "Failure type id: timeout, test_failure, quality_gate_failure, resource_exhaustion, "
            + "network_error, git_error, compilation_error, dependency_error, permission_error, "
            + "infrastructure_error, configuration_error, unknown.")
    String failureType;

    @Option(names = "--lane", defaultValue = "standard", paramLabel = "LANE", description = "Lane the plan is for: docs, standard, heavy, or auto (the lane of .github/recovery.yml, else standard).")
    String lane;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT", description = "markdown (for a job summary or a comment), json (one object) or text.")
    FormatOption format;

    @Mixin
    PlansOptions plans;

    @Option(names = "--workspace", paramLabel = "DIR", description = "The repository checkout holding .github/recovery.yml (default: $GITHUB_WORKSPACE, else "
            + "the current directory).")
    Optional<Path> workspace;

    @Override
    public Integer call() {
        FailureType type = FailureType.findById(failureType).orElseThrow(() -> new InvalidInputException(
                "unknown failure type '" + failureType + "'; use one of: " + FailureType.knownIds()));
        Path dir = workspace.or(environment::workspace).orElse(Path.of(""));
        RepositoryConfig config = RepositoryConfigLoader.loadFromWorkspace(dir);
        // auto (the action input's default) has no failure to decide from: the configured lane, else standard
        Lane chosen = lane.trim().equals(LaneChoice.AUTO) ? config.lanes().lane().orElse(Lane.STANDARD)
                : Lane.findById(lane.trim()).orElseThrow(() -> new InvalidInputException("unknown lane '" + lane
                        + "'; use one of: " + Lane.knownIds() + " or " + LaneChoice.AUTO));
        RecoveryPlan plan = plans.planner(dir, config).plan(PlanInput.of(type), chosen);
        Redactor redactor = Redactor.withPatterns(config.report().redactPatterns());
        String out = switch (format) {
            case markdown -> new MarkdownReportRenderer(redactor).renderPlan(plan);
            case json -> new JsonReportRenderer(redactor).renderPlan(plan) + "\n";
            case text -> new TextReportRenderer(redactor).renderPlan(plan);
        };
        printResult(out);
        return ExitCodes.OK;
    }
}
