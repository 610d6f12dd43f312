package io.github.recoveryaction.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.KnownLines;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.config.DurationText;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import io.github.recoveryaction.github.GitChangedFiles;
import io.github.recoveryaction.github.WorkflowCommands;
import io.github.recoveryaction.plan.Lane;
import io.github.recoveryaction.plan.LaneChoice;
import io.github.recoveryaction.plan.RunRef;
import io.github.recoveryaction.report.FailureAnalyzer;
import io.github.recoveryaction.report.FailureReport;
import io.github.recoveryaction.workspace.RepositoryPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Classify CI logs and print the recovery plan for each, in one report.", description = "Names the failing step and root cause of each log, picks the lane, and prints a report with "
        + "the evidence and the recovery plan. Markdown fits a job summary or a pull-request comment.")
class AnalyzeCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    RulesOptions rules;

    @Mixin
    PlansOptions plans;

    @Mixin
    BaselineOption baseline;

    @Option(names = "--lane", defaultValue = "auto", paramLabel = "LANE", description = "docs, standard, heavy, or auto (from the changed files, the job's duration and the "
            + "repository configuration).")
    String lane;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT", description = "markdown (job summary or comment), json (one object per file, JSON Lines) or text.")
    FormatOption format;

    @Option(names = "--size-limit", defaultValue = "job-summary", paramLabel = "TARGET", description = "Size limit the Markdown must fit: job-summary (1 MiB) or pr-comment (65,536 characters).")
    String sizeLimit;

    @Option(names = "--run-url", paramLabel = "URL", description = "The run or job page (https://github.com/OWNER/REPO/actions/runs/RUN_ID[/job/JOB_ID]): "
            + "adds links to the exact log lines and names the run in commands. With a job page the failing step is "
            + "numbered as the log viewer does (Set up job is 1) in the report; JSON step.number keeps the log's count.")
    Optional<String> runUrl;

    @Option(names = "--changed-files", paramLabel = "FILE", description = "File listing the pull request's changed paths, one per line; for --lane auto it takes "
            + "precedence over git diff against the merge base.")
    Optional<Path> changedFiles;

    @Option(names = "--base-ref", paramLabel = "REF", description = "Branch to diff against for --lane auto (default: $GITHUB_BASE_REF, else origin/HEAD, main, "
            + "master).")
    Optional<String> baseRef;

    @Option(names = "--job-duration", paramLabel = "DURATION", description = "How long the failed job ran (e.g. 42m), for --lane auto; default: the failing step's "
            + "duration from the log.")
    Optional<String> jobDuration;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files, run-logs zips or folders; - reads stdin.")
    List<String> files;

    @Override
    public Integer call() {
        Optional<Lane> fixed = lane.equals("auto") ? Optional.empty()
                : Optional.of(Lane.findById(lane).orElseThrow(
                        () -> new InvalidInputException("unknown lane '" + lane + "'; use one of: auto, " + Lane.knownIds())));
        Optional<Duration> duration = jobDuration.map(t -> DurationText.parse(t).orElseThrow(
                () -> new InvalidInputException("--job-duration '" + t + "' is not a duration like 90s, 42m or 2h")));
        Path workspace = rules.workspace(environment);
        RepositoryConfig config = RepositoryConfigLoader.loadFromWorkspace(workspace);
        ReportOutput output = ReportOutput.of(format, sizeLimit, config.report().redactPatterns());
        LaneChoice lanes = new LaneChoice(fixed, config.lanes(), fixed.isPresent() ? Optional.empty()
                : changed(workspace), duration);
        FailureAnalyzer analyzer = new FailureAnalyzer(new Classifier(rules.load(environment), this::printWarning),
                plans.planner(workspace, config), lanes, runUrl.map(RunRef::parse), RepositoryPaths.of(workspace,
                        RepositoryPaths.hostWorkspace(environment.find("RUNNER_WORKSPACE"),
                                environment.repository()))::relative);
        List<FailureReport> reports = new ArrayList<>();
        KnownLines known = baseline.load();
        int exit = ExitCodes.OK;
        for (String name : files) {
            try {
                reports.add(name.equals("-") ? analyzer.analyze(LogInput.of("-", System.in), Optional.empty(), known)
                        : analyzer.analyze(LogInput.of(Path.of(name)), Optional.of(Path.of(name)), known));
            } catch (InvalidInputException e) {
                spec.commandLine().getErr().println("recovery: " + WorkflowCommands.oneLine(e.getMessage()));
                exit = ExitCodes.USAGE;
            }
        }
        printResult(output.render(reports));
        return exit;
    }

    private Optional<List<String>> changed(Path workspace) {
        if (changedFiles.isEmpty()) {
            return GitChangedFiles.find(workspace, baseRef.or(environment::baseRef).filter(r -> !r.isBlank()));
        }
        try {
            return Optional.of(Files.readAllLines(changedFiles.get()).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList());
        } catch (IOException e) {
            throw LogInput.unreadable("--changed-files " + changedFiles.get(), e);
        }
    }
}
