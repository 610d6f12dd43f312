package io.github.recoveryaction.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.rules.RuleSet;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.RequestBudget;
import io.github.recoveryaction.report.Redactor;

/**
 * {@code recovery stats}: scans a window of runs with a bounded request budget, reusing and refreshing the cache,
 * and computes the figures.
 */
public final class StatsService {

    /**
     * @param cacheFile where the run records are kept between scans; empty to keep none
     * @param windowText how reports name the window, e.g. "last 30 days"
     */
    public record Request(String repository, RunScanner.Window window, String windowText, Optional<Path> cacheFile) {
    }

    /** The figures and what they cover. */
    public record Outcome(StatsReport report, StatsScope scope) {
    }

    private final GitHubGateway github;
    private final RequestBudget budget;
    private final RuleSet rules;
    private final Redactor redactor;
    private final Consumer<String> progress;
    private final Clock clock;

    /**
     * @param github a gateway whose HTTP client counts against {@code budget}
     * @param progress receives a line per page and per problem
     */
    public StatsService(GitHubGateway github, RequestBudget budget, RuleSet rules, Redactor redactor,
            Consumer<String> progress, Clock clock) {
        this.github = github;
        this.budget = budget;
        this.rules = rules;
        this.redactor = redactor;
        this.progress = progress;
        this.clock = clock;
    }

    public Outcome run(Request request) {
        List<String> warnings = new ArrayList<>();
        StatsCache cache = request.cacheFile().map(f -> StatsCache.read(f, request.repository(), warnings))
                .orElseGet(StatsCache::empty);
        warnings.forEach(progress);
        request.cacheFile().ifPresent(f -> progress.accept("cache " + f + ": " + cache.size() + " runs"));
        Path folder = tempFolder();
        RunScanner.Result result;
        String defaultBranch;
        try {
            defaultBranch = github.defaultBranch();
            Classifier classifier = new Classifier(rules, progress);
            result = new RunScanner(github, cache, new JobLogFailures(github, classifier, redactor, folder), budget,
                    progress, clock).scan(request.window());
        } finally {
            delete(folder);
            request.cacheFile().ifPresent(f -> cache.write(f, request.repository()));
        }
        StatsReport report = FailureStats.compute(result.runs(), defaultBranch);
        StatsScope scope = new StatsScope(request.repository(), request.window().filter().workflow(),
                request.window().filter().branch(), request.windowText(), result.matching(), result.fromCache(),
                budget.used(), result.stopped());
        return new Outcome(report, scope);
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("recovery-stats");
        } catch (IOException e) {
            throw new ToolException(ToolException.Outcome.FAILED, "cannot create a folder for job logs: "
                    + e.getMessage(), e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a temporary folder; the system removes it eventually
        }
    }
}
