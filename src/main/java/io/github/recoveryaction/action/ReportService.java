package io.github.recoveryaction.action;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.action.Report.PlannedFailure;
import io.github.recoveryaction.config.BaselineMode;
import io.github.recoveryaction.config.ReportMode;
import io.github.recoveryaction.config.Settings;
import io.github.recoveryaction.github.EventPayload;
import io.github.recoveryaction.github.EventPayload.TriggeringRun;
import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowCommands;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.github.WorkflowRun;
import io.github.recoveryaction.history.BaselineFinder;
import io.github.recoveryaction.report.AnnotationRenderer;
import io.github.recoveryaction.report.MarkdownReportRenderer;
import io.github.recoveryaction.report.Redactor;
import io.github.recoveryaction.rerun.RerunDecision;
import io.github.recoveryaction.rerun.RerunOutcome;
import io.github.recoveryaction.rerun.RerunPolicy;
import io.github.recoveryaction.rerun.RerunReport;
import io.github.recoveryaction.workspace.RepositoryPaths;

/**
 * {@code recovery report}: finds the failure (in the job, in a finished run's logs, or in a {@code workflow_run}'s
 * triggering run), plans its recovery and publishes the plan: job summary, annotations, the sticky pull-request
 * comment and step outputs. Problems that only limit the report (no token, no pull request, a read-only token)
 * become warnings and notes; the report is still written.
 */
public final class ReportService {

    private final RunnerEnvironment env;
    private final WorkflowCommands commands;
    private final Optional<GitHubGateway> github;
    private final FailureClassifier classifier;
    private final RecoveryPlanner planner;
    private final Path downloads;
    private final FailureRedaction redaction;
    private final ReportMarkdown markdown;
    private final EvidenceAnnotations annotations;
    private final RerunPolicy rerunPolicy;
    private final Optional<RerunReview> rerunReview;
    private final List<String> warnings = new ArrayList<>();
    private final BaselineMode baseline;
    /** The workflow-run attempt that was analysed, for the re-run review. */
    private AnalysedAttempt analysed;
    /** The analysed workflow-run attempt was cancelled: its jobs stopped, nothing is analysed or re-run. */
    private boolean cancelled;

    private record AnalysedAttempt(long runId, int attempt, List<WorkflowJob> jobs) {
    }

    /** @param baseline the effective {@code baseline}: the input, switched off by the configuration */
    ReportService(RunnerEnvironment env, WorkflowCommands commands, Optional<GitHubGateway> github,
            FailureClassifier classifier, RecoveryPlanner planner, Path downloads, Redactor redactor,
            RerunPolicy rerunPolicy, Optional<RerunReview> rerunReview, BaselineMode baseline) {
        this.baseline = baseline;
        this.env = env;
        this.commands = commands;
        this.github = github;
        this.classifier = classifier;
        this.planner = planner;
        this.downloads = downloads;
        this.redaction = new FailureRedaction(redactor);
        this.markdown = new ReportMarkdown(new MarkdownReportRenderer(redactor));
        this.annotations = new EvidenceAnnotations(new AnnotationRenderer(redactor));
        this.rerunPolicy = rerunPolicy;
        this.rerunReview = rerunReview;
    }

    public Report run(Settings settings) {
        commands.debug("settings: " + settings);
        EventPayload event = readEvent();
        boolean reportsOnAnotherRun = settings.mode() == ReportMode.WORKFLOW_RUN
                || settings.mode() == ReportMode.AUTO && workflowRunEvent(event);
        Optional<WorkflowJob> ownJob = reportsOnAnotherRun ? Optional.empty() : findOwnJob(settings);
        ReportMode mode = reportsOnAnotherRun ? ReportMode.WORKFLOW_RUN : resolveMode(settings, ownJob);
        List<String> notes = new ArrayList<>();
        RepositoryPaths paths = RepositoryPaths.of(settings.workspace(),
                RepositoryPaths.hostWorkspace(env.find("RUNNER_WORKSPACE"), env.repository()));
        List<JobFailure> failures = commands.group("Finding the failure (" + mode.id() + ")",
                () -> findFailures(mode, settings, event, ownJob, notes).stream().map(redaction::redact)
                        .map(f -> withRepositoryPaths(f, paths)).peek(this::log).toList());
        List<PlannedFailure> planned = commands.group("Planning the recovery", () -> failures.stream()
                .map(f -> new PlannedFailure(f, planner.plan(f, settings.lane()))).toList());
        TriggeringRun triggering = event.workflowRun().orElse(null);
        String workflow = mode == ReportMode.WORKFLOW_RUN && triggering != null ? triggering.workflowName()
                : env.workflow().orElse("workflow");
        int attempt = mode == ReportMode.WORKFLOW_RUN && triggering != null ? triggering.attempt() : env.runAttempt();
        RerunReport rerun = reviewReruns(mode, settings, failures);
        Report report = new Report(mode, workflow, attempt, runUrl(mode, triggering), planned, notes, rerun,
                cancelled);

        String summary = markdown.summary(report);
        commands.group("Writing the recovery plan", () -> {
            commands.appendSummary(summary);
            if (settings.annotations()) {
                annotations.lines(report).forEach(commands::printCommandLine);
            }
            return null;
        });
        Optional<Integer> pullRequest = findPullRequest(event);
        String key = settings.commentKey().orElse(workflow + "/"
                + (mode == ReportMode.WORKFLOW_RUN ? "workflow_run" : env.job().orElse("job")));
        Optional<String> commentUrl = settings.comment()
                ? new CommentPublisher(github, markdown, warnings).publish(report, pullRequest, key)
                : Optional.empty();
        Map<String, String> outputs = ReportOutputs.of(report, summary, commentUrl, pullRequest);
        outputs.putAll(ReportOutputs.rerun(rerun));
        outputs.forEach(commands::setOutput);
        warnings.forEach(commands::warning);
        return report;
    }

    /** Source locations relative to the repository, for the plan's commands, annotations and outputs alike. */
    private static JobFailure withRepositoryPaths(JobFailure f, RepositoryPaths paths) {
        return new JobFailure(f.job(), f.jobName(), f.failedStep(), f.classification().withLocationFiles(paths::relative),
                f.failedTests(), f.source(), f.notes(), f.logFile());
    }

    /** Re-runs are decided on a finished run, so only in workflow-run mode; elsewhere a set rerun is a warning. */
    private RerunReport reviewReruns(ReportMode mode, Settings settings, List<JobFailure> failures) {
        if (cancelled) {
            int attempt = analysed.attempt();
            RerunOutcome outcome = rerunPolicy.selection().off() ? RerunOutcome.off(attempt, rerunPolicy.maxAttempts())
                    : RerunOutcome.notWanted(RerunDecision.no("the run was cancelled", attempt + 1,
                            rerunPolicy.maxAttempts()));
            return new RerunReport(Optional.of(outcome), OptionalInt.empty(), List.of(), List.of());
        }
        if (mode != ReportMode.WORKFLOW_RUN || analysed == null || rerunReview.isEmpty()) {
            if (!rerunPolicy.selection().off()) {
                warnings.add("rerun is " + rerunPolicy.selection().text() + ", but re-runs are decided only in "
                        + "workflow-run mode, by a workflow triggered by workflow_run (see docs/reruns.md).");
            }
            return RerunReport.NONE;
        }
        return commands.group("Deciding on a re-run", () -> rerunReview.get().review(analysed.runId(),
                analysed.attempt(), analysed.jobs(), failures, settings.maxJobs(), warnings::add));
    }

    /** The verdict in the step's log; evidence is log text, so workflow commands in it are suspended. */
    private void log(JobFailure f) {
        var c = f.classification();
        commands.printUntrusted(f.jobName() + f.stepName().map(s -> " › " + s).orElse("") + ": " + c.failureType().id()
                + " (rule " + c.rule() + ", confidence " + String.format(Locale.ROOT, "%.2f", c.confidence())
                + ")");
        if (!c.evidence().isEmpty()) {
            commands.echoUntrusted(c.evidence().stream().map(e -> "  " + e.line() + ": " + e.text())
                    .collect(Collectors.joining("\n")));
        }
    }

    private EventPayload readEvent() {
        Optional<Path> path = env.eventPath();
        if (path.isEmpty()) {
            return EventPayload.EMPTY;
        }
        try {
            return EventPayload.read(path.get());
        } catch (InvalidInputException e) {
            warnings.add(e.getMessage() + "; continuing without the event (no pull request lookup from it).");
            return EventPayload.EMPTY;
        }
    }

    private Optional<WorkflowJob> findOwnJob(Settings settings) {
        try {
            return github.flatMap(gh -> OwnJob.find(gh, settings, env));
        } catch (GitHubAccessException e) {
            warnings.add("Could not look up this job: " + e.getMessage());
            return Optional.empty();
        }
    }

    private boolean workflowRunEvent(EventPayload event) {
        return env.eventName().filter("workflow_run"::equals).isPresent() && event.workflowRun().isPresent();
    }

    private ReportMode resolveMode(Settings settings, Optional<WorkflowJob> ownJob) {
        if (settings.mode() != ReportMode.AUTO) {
            return settings.mode();
        }
        boolean ownStepFailed = ownJob.flatMap(WorkflowJob::findFailedStep).isPresent();
        boolean filesGiven = !settings.logFiles().isEmpty() || !settings.testReports().isEmpty();
        if (ownStepFailed || filesGiven || ownJob.isEmpty()) {
            return ReportMode.IN_JOB;
        }
        return ReportMode.FOLLOW_UP;
    }

    private List<JobFailure> findFailures(ReportMode mode, Settings settings, EventPayload event,
            Optional<WorkflowJob> ownJob, List<String> notes) {
        return switch (mode) {
            case IN_JOB, AUTO -> new InJobAnalysis(classifier, warnings).analyse(settings, env, ownJob, github.isPresent())
                    .map(List::of).orElse(List.of());
            case FOLLOW_UP -> runLogs(runLogs -> runLogs.analyse(settings.runId().orElseGet(this::requireRunId),
                    settings.runAttempt().orElse(env.runAttempt()),
                    ownJob.map(j -> OptionalLong.of(j.id())).orElse(settings.jobId()), settings.maxJobs(), notes));
            case WORKFLOW_RUN -> {
                TriggeringRun run = event.workflowRun().orElse(null);
                long runId = settings.runId().orElseGet(() -> run == null ? requireTriggeringRun() : run.id());
                Optional<WorkflowRun> found = run != null ? Optional.empty() : gateway().findRun(runId);
                int attempt = settings.runAttempt().orElseGet(() -> run != null ? run.attempt()
                        : found.map(WorkflowRun::attempt).orElse(1));
                analysed = new AnalysedAttempt(runId, attempt, gateway().listJobs(runId, attempt));
                cancelled = conclusionOf(run, found, runId, attempt).filter("cancelled"::equals).isPresent();
                if (cancelled) {
                    yield List.of();
                }
                yield runLogs(logs -> logs.analyse(analysed.jobs(), OptionalLong.empty(), settings.maxJobs(), notes));
            }
        };
    }

    /**
     * The conclusion of the analysed attempt, as far as it is known: the event's (it reports on one attempt) or the
     * run's, which is its latest attempt's.
     */
    private Optional<String> conclusionOf(TriggeringRun event, Optional<WorkflowRun> found, long runId, int attempt) {
        if (event != null && event.id() == runId) {
            return event.attempt() == attempt ? event.conclusion() : Optional.empty();
        }
        Optional<WorkflowRun> latest = event == null ? found : gateway().findRun(runId);
        return latest.filter(r -> r.attempt() == attempt).flatMap(WorkflowRun::conclusion);
    }

    /** Runs {@code analysis} on the run's logs; with {@code baseline: auto}, against the last passing runs. */
    private List<JobFailure> runLogs(Function<RunLogAnalysis, List<JobFailure>> analysis) {
        GitHubGateway gh = gateway();
        if (baseline == BaselineMode.OFF) {
            return analysis.apply(new RunLogAnalysis(gh, classifier, downloads, RunLogAnalysis.Baselines.NONE));
        }
        try (BaselineFinder baselines = new BaselineFinder(gh, downloads.resolve("baseline"), commands::info)) {
            return analysis.apply(new RunLogAnalysis(gh, classifier, downloads, baselines::find));
        }
    }

    private GitHubGateway gateway() {
        return github.orElseThrow(() -> new InvalidInputException(
                "github-token is empty: the follow-up and workflow-run modes download logs through the API"));
    }

    private long requireRunId() {
        return env.runId().orElseThrow(() -> new InvalidInputException(
                "no run to analyse: GITHUB_RUN_ID is not set; pass run-id"));
    }

    private long requireTriggeringRun() {
        throw new InvalidInputException("mode workflow-run needs a workflow_run event or the run-id input");
    }

    private Optional<Integer> findPullRequest(EventPayload event) {
        if (github.isEmpty() || env.eventName().isEmpty()) {
            return Optional.empty();
        }
        try {
            return new PullRequestFinder(github.get()).find(env.eventName().get(), event, env.sha());
        } catch (GitHubAccessException e) {
            warnings.add("Could not find the pull request: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> runUrl(ReportMode mode, TriggeringRun triggering) {
        if (mode == ReportMode.WORKFLOW_RUN && triggering != null && env.repository().isPresent()) {
            return Optional.of(env.serverUrl() + "/" + env.repository().get() + "/actions/runs/" + triggering.id()
                    + (triggering.attempt() > 1 ? "/attempts/" + triggering.attempt() : ""));
        }
        return env.runUrl();
    }
}
