package io.github.recoveryaction.history;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.github.recoveryaction.classify.rules.RuleSet;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.Hub4jGitHubGateway;
import io.github.recoveryaction.github.RequestBudget;
import io.github.recoveryaction.github.RetryingHttpClient;
import io.github.recoveryaction.github.RunFilter;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowCommands;
import io.github.recoveryaction.report.Redactor;
import io.github.recoveryaction.workspace.FileOwnership;

/**
 * Assembles {@link StatsService} for {@code recovery stats}: the API client within the request budget, the rules,
 * redaction of the token, storage for the workspace's owner; in GitHub Actions it writes the job summary and the
 * {@code stats-json} output. Returns the report in every format, for the command to print the one asked for.
 */
public final class StatsRunner {

    /** Rate-limit requests left to the rest of the workflow. */
    static final int RATE_LIMIT_RESERVE = 100;

    /**
     * A scan as the command's options resolved it.
     *
     * @param days runs created in the last N days, when limited by age
     * @param runs at most the last N completed runs, when limited by count
     */
    public record Scan(String repository, String token, Optional<String> workflow, Optional<String> branch,
            Optional<Integer> days, Optional<Integer> runs, int maxRequests, Optional<Path> cacheFile) {
    }

    /** The report as Markdown (the summary), one JSON line ({@code stats-json}) and text. */
    public record Rendered(String markdown, String json, String text) {
    }

    private final RunnerEnvironment env;
    private final WorkflowCommands commands;
    private final Consumer<String> progress;
    private final String version;

    public StatsRunner(RunnerEnvironment env, WorkflowCommands commands, Consumer<String> progress, String version) {
        this.env = env;
        this.commands = commands;
        this.progress = progress;
        this.version = version;
    }

    public Rendered run(Scan scan, Path workspace, RepositoryConfig config, RuleSet rules) {
        RequestBudget budget = new RequestBudget(scan.maxRequests(), RATE_LIMIT_RESERVE);
        RetryingHttpClient http = RetryingHttpClient.create(progress).withBudget(budget);
        GitHubGateway github = Hub4jGitHubGateway.connect(env, scan.repository(), scan.token(), http);
        List<String> redact = new ArrayList<>(config.report().redactPatterns());
        redact.add(Pattern.quote(scan.token()));
        StatsService service = new StatsService(github, budget, rules, Redactor.withPatterns(redact), progress,
                Clock.systemUTC(), new StatsService.Storage(env.runnerTemp(), FileOwnership.ofWorkspace(workspace),
                        version));
        String windowText = scan.days().map(d -> "last " + d + " days").orElse("")
                + (scan.days().isPresent() && scan.runs().isPresent() ? ", " : "")
                + scan.runs().map(n -> "last " + n + " runs").orElse("");
        StatsService.Outcome outcome = service.run(new StatsService.Request(scan.repository(),
                new RunScanner.Window(new RunFilter(scan.workflow(), scan.branch(), Optional.of("completed"),
                        Optional.empty()), scan.days(), scan.runs()),
                windowText, scan.cacheFile()));
        Rendered rendered = new Rendered(StatsMarkdown.render(outcome.report(), outcome.scope()),
                StatsJson.toLine(outcome.report(), outcome.scope()),
                StatsText.render(outcome.report(), outcome.scope()));
        if (env.inGitHubActions()) {
            commands.appendSummary(rendered.markdown());
            commands.setOutput("stats-json", rendered.json());
        }
        return rendered;
    }
}
