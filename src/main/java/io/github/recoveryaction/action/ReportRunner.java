package io.github.recoveryaction.action;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.config.BaselineMode;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import io.github.recoveryaction.config.Settings;
import io.github.recoveryaction.github.ArtifactRuntime;
import io.github.recoveryaction.github.GitChangedFiles;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.Hub4jGitHubGateway;
import io.github.recoveryaction.github.RetryingHttpClient;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.Sleeper;
import io.github.recoveryaction.github.WorkflowArtifacts;
import io.github.recoveryaction.github.WorkflowCommands;
import io.github.recoveryaction.plan.PlanLoader;
import io.github.recoveryaction.plan.Planner;
import io.github.recoveryaction.report.JsonReportRenderer;
import io.github.recoveryaction.report.Redactor;
import io.github.recoveryaction.rerun.ArtifactLedgerStore;
import io.github.recoveryaction.rerun.DryRunRequests;
import io.github.recoveryaction.rerun.GitHubRerunRequests;
import io.github.recoveryaction.rerun.RerunPolicy;
import io.github.recoveryaction.rerun.RerunRequests;
import io.github.recoveryaction.workspace.FileOwnership;
import io.github.recoveryaction.workspace.TemporaryFolder;

/** Assembles {@link ReportService} for the real runner: workflow commands, the API client, the engine. */
public final class ReportRunner {

    private final RunnerEnvironment env;
    private final WorkflowCommands commands;

    public ReportRunner(RunnerEnvironment env, PrintWriter out) {
        this.env = env;
        this.commands = WorkflowCommands.of(env, out);
    }

    public Report run(Settings settings) {
        Optional<GitHubGateway> github = settings.githubToken().flatMap(token -> env.repository()
                .map(repo -> Hub4jGitHubGateway.connect(env, repo, token.value(),
                        RetryingHttpClient.create(commands::debug))));
        RepositoryConfig config = loadConfig(settings);
        List<String> redact = new ArrayList<>(config.report().redactPatterns());
        settings.githubToken().ifPresent(token -> redact.add(Pattern.quote(token.value())));
        Redactor redactor = Redactor.withPatterns(redact);
        FailureClassifier classifier = RuleBasedFailureClassifier.forSettings(settings, config, commands::debug);
        RerunPolicy rerunPolicy = RerunPolicy.resolve(settings.rerun(), config.rerun(), env.eventName());
        try (TemporaryFolder downloads = downloads(settings)) {
            Optional<RerunReview> rerun = github.map(gh -> rerunReview(rerunPolicy, gh, classifier, downloads.path(),
                    config.rerun().testReportArtifacts().orElse(TestReportArtifacts.DEFAULT_NAMES)));
            ReportService service = new ReportService(env, commands, github, classifier,
                    planner(settings, config, redactor), downloads.path(), redactor, rerunPolicy, rerun,
                    settings.baseline() == BaselineMode.OFF ? BaselineMode.OFF
                            : config.history().baseline().orElse(BaselineMode.AUTO));
            return service.run(settings);
        }
    }

    /** The re-run review; a dry run swaps the requests for a recorder, nothing else changes. */
    private RerunReview rerunReview(RerunPolicy policy, GitHubGateway github, FailureClassifier classifier,
            Path downloads, List<String> reportArtifacts) {
        Consumer<String> log = line -> commands.info(line.replaceAll("\\R", " "));
        RerunRequests requests = policy.dryRun() ? new DryRunRequests(log)
                : new GitHubRerunRequests(github,
                        Sleeper.REAL);
        ArtifactRuntime runtime = ArtifactRuntime.from(env::find);
        Optional<ArtifactLedgerStore.Upload> upload = runtime.canUpload()
                ? Optional.of((name, zip) -> WorkflowArtifacts.create(runtime, commands::debug).upload(name,
                        Optional.empty(), out -> out.write(zip)))
                : Optional.empty();
        return new RerunReview(policy, env, github, requests,
                new AttemptComparison(github, classifier, downloads, reportArtifacts),
                new ArtifactLedgerStore(github, upload, commands::warning), Clock.systemUTC(), log);
    }

    /** The action's own failure, as a warning and a line in the job summary, so the user's build stays as it was. */
    public void reportOwnFailure(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        commands.warning("recovery-action could not finish: " + message
                + " (the step still succeeds; set fail-on-error: true to fail it instead)");
        try {
            commands.appendSummary("> [!WARNING]\n> recovery-action could not analyse this failure: "
                    + ReportMarkdown.escape(message) + "\n");
        } catch (ToolException ignored) {
            // the warning above is already in the log
        }
    }

    private RecoveryPlanner planner(Settings settings, RepositoryConfig config, Redactor redactor) {
        Planner planner = new Planner(PlanLoader.load(PlanLoader.findOverride(settings.workspace(), Optional.empty(),
                config.plansFile())));
        boolean autoLane = settings.lane().equals("auto") && config.lanes().lane().isEmpty();
        Optional<List<String>> changed = autoLane ? GitChangedFiles.find(settings.workspace(), env.baseRef())
                : Optional.empty();
        return new TemplateRecoveryPlanner(planner, config.lanes(), changed, Optional.of(env.serverUrl()),
                env.repository(), new JsonReportRenderer(redactor), Clock.systemUTC());
    }

    /** The repository configuration; a broken file is a warning, and the defaults apply. */
    private RepositoryConfig loadConfig(Settings settings) {
        try {
            return settings.configFile().map(RepositoryConfigLoader::load)
                    .orElseGet(() -> RepositoryConfigLoader.loadFromWorkspace(settings.workspace()));
        } catch (InvalidInputException e) {
            commands.warning(e.getMessage() + " (using the default configuration)");
            return RepositoryConfig.DEFAULT;
        }
    }

    /** Downloaded job logs: in RUNNER_TEMP, owned like the workspace, deleted when the report ends. */
    private TemporaryFolder downloads(Settings settings) {
        try {
            return TemporaryFolder.create(env.runnerTemp(), "recovery-logs",
                    FileOwnership.ofWorkspace(settings.workspace()));
        } catch (IOException e) {
            throw new ToolException(ToolException.Outcome.FAILED, "cannot create a folder for downloaded logs: "
                    + e.getMessage(), e);
        }
    }
}
