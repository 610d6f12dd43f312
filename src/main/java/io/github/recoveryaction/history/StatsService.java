package io.github.recoveryaction.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.rules.RuleSet;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.RequestBudget;
import io.github.recoveryaction.report.Redactor;
import io.github.recoveryaction.workspace.FileOwnership;
import io.github.recoveryaction.workspace.TemporaryFolder;

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
    private final Storage storage;

    /**
     * Where the scan writes: job logs in a temporary folder of {@code tempParent} (else the system's), deleted when
     * the scan ends, and the cache; both for {@code ownership}'s owner.
     *
     * @param writtenBy the program and its version, recorded in the cache
     */
    public record Storage(Optional<Path> tempParent, FileOwnership ownership, String writtenBy) {
    }

    /**
     * @param github a gateway whose HTTP client counts against {@code budget}
     * @param progress receives a line per page and per problem
     */
    public StatsService(GitHubGateway github, RequestBudget budget, RuleSet rules, Redactor redactor,
            Consumer<String> progress, Clock clock, Storage storage) {
        this.github = github;
        this.budget = budget;
        this.rules = rules;
        this.redactor = redactor;
        this.progress = progress;
        this.clock = clock;
        this.storage = storage;
    }

    public Outcome run(Request request) {
        List<String> warnings = new ArrayList<>();
        StatsCache cache = request.cacheFile().map(f -> StatsCache.read(f, request.repository(), warnings))
                .orElseGet(StatsCache::empty);
        warnings.forEach(progress);
        request.cacheFile().ifPresent(f -> progress.accept("cache " + f + ": " + cache.size() + " runs"));
        RunScanner.Result result;
        String defaultBranch;
        try (TemporaryFolder folder = tempFolder()) {
            defaultBranch = github.defaultBranch();
            Classifier classifier = new Classifier(rules, progress);
            result = new RunScanner(github, cache, new JobLogFailures(github, classifier, redactor, folder.path()),
                    budget, progress, clock).scan(request.window());
        } finally {
            request.cacheFile().ifPresent(f -> cache.write(f, request.repository(), storage.writtenBy(),
                    storage.ownership()));
        }
        StatsReport report = FailureStats.compute(result.runs(), defaultBranch);
        StatsScope scope = new StatsScope(request.repository(), request.window().filter().workflow(),
                request.window().filter().branch(), request.windowText(), result.matching(), result.fromCache(),
                budget.used(), result.stopped());
        return new Outcome(report, scope);
    }

    private TemporaryFolder tempFolder() {
        try {
            return TemporaryFolder.create(storage.tempParent(), "recovery-stats", storage.ownership());
        } catch (IOException e) {
            throw new ToolException(ToolException.Outcome.FAILED, "cannot create a folder for job logs: "
                    + e.getMessage(), e);
        }
    }
}
