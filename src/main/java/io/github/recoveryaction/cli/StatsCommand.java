package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.rules.RuleLoader;
import io.github.recoveryaction.config.HistoryConfig;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import io.github.recoveryaction.github.WorkflowCommands;
import io.github.recoveryaction.history.StatsRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Failure statistics of a repository's workflow runs.", description = {
        "Reads the last runs through the API (optionally one workflow and branch) and reports failures per type, job "
                + "and rule, time lost to failed jobs and re-runs, flaky tests (failed, then passed on a re-run of the "
                + "same commit), time to recovery on the default branch and the most frequent root-cause lines.",
        "Failed jobs' logs are classified once; the run records are cached between runs, so a daily scan costs only "
                + "the new runs. In GitHub Actions (command: stats) the report goes to the job summary, with a Mermaid "
                + "chart, and to the output stats-json." })
class StatsCommand extends CommandBase implements Callable<Integer> {

    static final int DEFAULT_DAYS = 30;
    static final int DEFAULT_MAX_REQUESTS = 1000;
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    @Option(names = "--repository", paramLabel = "OWNER/REPO", description = "The repository (default: $GITHUB_REPOSITORY).")
    String repository;

    @Option(names = "--github-token", paramLabel = "TOKEN", description = "Token with actions: read (default: $GITHUB_TOKEN, else $GH_TOKEN).")
    String githubToken;

    @Option(names = "--workflow", paramLabel = "FILE", description = "Only this workflow: its file name (ci.yml) or id.")
    String workflow;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "Only runs on this branch.")
    String branch;

    @Option(names = "--days", paramLabel = "N", description = "Runs created in the last N days (default: history.stats.days of .github/recovery.yml, "
            + "else 30 unless --runs is given).")
    String days;

    @Option(names = "--runs", paramLabel = "N", description = "At most the last N completed runs.")
    String runs;

    @Option(names = "--max-requests", paramLabel = "N", description = "API requests one scan may send (default: history.stats.max-requests, else 1000); "
            + "a scan that reaches it reports what it read, and the next continues from the cache.")
    String maxRequests;

    @Option(names = "--cache-file", paramLabel = "FILE", description = "Where run records are kept between scans, or off (default: "
            + ".recovery/stats-cache.json in the workspace inside GitHub Actions, for actions/cache; else "
            + "~/.cache/recovery-action/stats-OWNER-REPO.json).")
    String cacheFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, markdown or json.")
    FormatOption format;

    @Option(names = "--workspace", paramLabel = "DIR", description = "The checkout whose .github/recovery.yml and rules apply (default: $GITHUB_WORKSPACE, "
            + "else the current directory).")
    String workspace;

    @Option(names = "--rules-file", paramLabel = "FILE", description = "Rules added to or replacing the bundled ones, for classifying failed jobs.")
    String rulesFile;

    @Override
    public Integer call() {
        Path root = SettingsParser.text(workspace).map(Path::of).or(environment::workspace).orElse(Path.of(""));
        RepositoryConfig config = RepositoryConfigLoader.loadFromWorkspace(root);
        HistoryConfig history = config.history();
        String repo = SettingsParser.text(repository).or(environment::repository).orElseThrow(() -> new InvalidInputException(
                "no repository: pass --repository OWNER/REPO or set GITHUB_REPOSITORY"));
        if (!REPOSITORY.matcher(repo).matches()) {
            throw new InvalidInputException("repository '" + repo + "' is not of the form OWNER/REPO");
        }
        String token = SettingsParser.text(githubToken).or(() -> environment.find("GITHUB_TOKEN"))
                .or(() -> environment.find("GH_TOKEN")).filter(t -> !t.isBlank()).orElseThrow(
                        () -> new InvalidInputException("no token: stats reads runs through the API; pass --github-token "
                                + "or set GITHUB_TOKEN (with actions: read)"));
        Optional<Integer> runLimit = number("runs", runs, 1, 10_000);
        Optional<Integer> dayLimit = number("days", days, 1, 400)
                .or(() -> runLimit.isPresent() ? Optional.empty() : history.statsDays().or(() -> Optional.of(DEFAULT_DAYS)));
        int budgetLimit = number("max-requests", maxRequests, 1, 100_000).or(history::statsMaxRequests)
                .orElse(DEFAULT_MAX_REQUESTS);
        if (format != FormatOption.text && format != FormatOption.json && format != FormatOption.markdown) {
            throw new InvalidInputException("--format " + format + " is not supported by stats; use text, markdown or json");
        }
        PrintWriter err = spec.commandLine().getErr();
        StatsRunner.Rendered stats = new StatsRunner(environment, WorkflowCommands.of(environment,
                spec.commandLine().getOut()), line -> progress(err, line), new VersionProvider().getVersion()[0])
                .run(new StatsRunner.Scan(repo, token, SettingsParser.text(workflow), SettingsParser.text(branch),
                        dayLimit, runLimit, budgetLimit, cache(root, repo)), root, config,
                        RuleLoader.loadForWorkspace(root, SettingsParser.text(rulesFile).map(root::resolve),
                                config.rulesFile()));
        // job names and root-cause lines come from logs: fenced in GitHub Actions, so none becomes a workflow command
        printResult(switch (format) {
            case json -> stats.json();
            case markdown -> stats.markdown();
            default -> stats.text();
        });
        return ExitCodes.OK;
    }

    private Optional<Path> cache(Path root, String repo) {
        Optional<String> given = SettingsParser.text(cacheFile);
        if (given.filter("off"::equals).isPresent()) {
            return Optional.empty();
        }
        if (given.isPresent()) {
            return Optional.of(root.resolve(given.get()));
        }
        if (environment.inGitHubActions()) {
            return Optional.of(root.resolve(".recovery/stats-cache.json"));
        }
        Path home = environment.find("XDG_CACHE_HOME").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache"));
        return Optional.of(home.resolve("recovery-action").resolve("stats-" + repo.replace('/', '-') + ".json"));
    }

    private static void progress(PrintWriter err, String line) {
        err.println("recovery: " + WorkflowCommands.oneLine(line));
        err.flush();
    }

    private static Optional<Integer> number(String name, String value, int min, int max) {
        Optional<String> text = SettingsParser.text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(text.get());
            if (n < min || n > max) {
                throw new InvalidInputException(name + " must be between " + min + " and " + max + ", got " + n);
            }
            return Optional.of(n);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a number, got '" + text.get() + "'");
        }
    }
}
