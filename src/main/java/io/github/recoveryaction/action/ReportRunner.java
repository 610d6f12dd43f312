package io.github.recoveryaction.action;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import io.github.recoveryaction.config.Settings;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.Hub4jGitHubGateway;
import io.github.recoveryaction.github.RetryingHttpClient;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowCommands;

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
        Settings effective = settings.rulesFile().isPresent() || config.rulesFile().isEmpty() ? settings
                : settings.withRulesFile(settings.workspace().resolve(config.rulesFile().get()));
        SecretRedaction redaction = new SecretRedaction(config.report().redactPatterns(),
                settings.githubToken().map(t -> List.of(t.value())).orElse(List.of()));
        ReportService service = new ReportService(env, commands, github,
                RuleBasedFailureClassifier.forSettings(effective, commands::debug),
                new MatrixRecoveryPlanner(config.lanes()), downloads(), redaction);
        return service.run(settings);
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

    private Path downloads() {
        try {
            Optional<Path> temp = env.runnerTemp().filter(Files::isDirectory);
            return temp.isPresent() ? Files.createTempDirectory(temp.get(), "recovery-logs")
                    : Files.createTempDirectory("recovery-logs");
        } catch (IOException e) {
            throw new ToolException(ToolException.Outcome.FAILED, "cannot create a folder for downloaded logs: "
                    + e.getMessage(), e);
        }
    }
}
