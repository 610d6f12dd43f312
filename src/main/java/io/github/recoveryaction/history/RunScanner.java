package io.github.recoveryaction.history;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.GitHubPermissionException;
import io.github.recoveryaction.github.RequestBudget;
import io.github.recoveryaction.github.RunFilter;
import io.github.recoveryaction.github.RunPage;
import io.github.recoveryaction.github.RunSummary;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.history.RunRecord.FailureRecord;
import io.github.recoveryaction.history.RunRecord.JobRecord;

/**
 * Reads the runs of a window through the API, page by page (100 runs a page, newest first), and turns each completed
 * run into a {@link RunRecord}: runs that failed or were re-run get the jobs of every attempt and a classification of
 * each failed job's log. Records still current in the cache cost nothing. When the request budget or the rate limit
 * runs out, the scan stops and keeps what it has; the next scan continues from the cache.
 */
public final class RunScanner {

    static final int PAGE_SIZE = 100;

    /** Reads the failure of a failed job (downloads and classifies its log). */
    @FunctionalInterface
    public interface FailureReader {
        FailureRecord read(WorkflowJob job);
    }

    /**
     * @param days runs created in the last {@code days} days
     * @param maxRuns at most the newest {@code maxRuns} completed runs
     */
    public record Window(RunFilter filter, Optional<Integer> days, Optional<Integer> maxRuns) {
    }

    /**
     * @param matching runs GitHub lists for the window's filter
     * @param fromCache records reused from the cache
     * @param stopped why the scan ended early, when it did
     */
    public record Result(List<RunRecord> runs, int matching, int fromCache, Optional<String> stopped) {
    }

    private final GitHubGateway github;
    private final StatsCache cache;
    private final FailureReader failures;
    private final RequestBudget budget;
    private final Consumer<String> progress;
    private final Clock clock;

    public RunScanner(GitHubGateway github, StatsCache cache, FailureReader failures, RequestBudget budget,
            Consumer<String> progress, Clock clock) {
        this.github = github;
        this.cache = cache;
        this.failures = failures;
        this.budget = budget;
        this.progress = progress;
        this.clock = clock;
    }

    public Result scan(Window window) {
        Optional<Instant> since = window.days().map(d -> clock.instant().minusSeconds(d * 86_400L));
        RunFilter filter = new RunFilter(window.filter().workflow(), window.filter().branch(),
                window.filter().status(), since.map(s -> LocalDate.ofInstant(s, ZoneOffset.UTC)));
        List<RunRecord> records = new ArrayList<>();
        int fromCache = 0;
        int matching = 0;
        int listed = 0;
        Optional<String> stopped = Optional.empty();
        try {
            for (int page = 1;; page++) {
                RunPage runs = github.listRuns(filter, page, PAGE_SIZE);
                matching = runs.totalCount();
                int fresh = 0;
                int cachedBefore = fromCache;
                for (RunSummary run : runs.runs()) {
                    listed++;
                    if (!run.completed() || since.isPresent() && run.createdAt().isBefore(since.get())
                            || window.maxRuns().filter(max -> records.size() >= max).isPresent()) {
                        continue;
                    }
                    Optional<RunRecord> cached = cache.find(run.id(), run.attempt(), run.updatedAt());
                    RunRecord record = cached.orElseGet(() -> record(run));
                    if (cached.isPresent()) {
                        fromCache++;
                    } else {
                        fresh++;
                        cache.put(record);
                    }
                    records.add(record);
                }
                progress.accept("page " + page + ": " + runs.runs().size() + " runs (" + listed + " of " + matching
                        + " listed), " + fresh + " read, " + (fromCache - cachedBefore) + " from the cache; "
                        + budget.used() + " of " + budget.limit() + " requests used");
                boolean full = window.maxRuns().filter(max -> records.size() >= max).isPresent();
                if (full || runs.runs().size() < PAGE_SIZE || listed >= matching) {
                    break;
                }
            }
        } catch (GitHubPermissionException e) {
            throw e;
        } catch (GitHubAccessException e) {
            if (records.isEmpty() && !(e instanceof RequestBudget.ExhaustedException)) {
                throw e;
            }
            stopped = Optional.of(e.getMessage());
            progress.accept("stopped early: " + e.getMessage() + "; the figures cover the " + records.size()
                    + " runs read so far, and the next scan continues from the cache");
        }
        return new Result(records, matching, fromCache, stopped);
    }

    private RunRecord record(RunSummary run) {
        List<JobRecord> jobs = new ArrayList<>();
        if (run.failed() || run.attempt() > 1) {
            for (WorkflowJob job : github.listJobsOfAllAttempts(run.id())) {
                String conclusion = job.conclusion().orElse("");
                Optional<FailureRecord> failure = job.failed() ? Optional.of(failures.read(job)) : Optional.empty();
                jobs.add(new JobRecord(job.id(), job.name(), job.runAttempt(), conclusion, job.startedAt(),
                        job.completedAt(), failure));
            }
        }
        return new RunRecord(run.id(), run.workflowPath().isBlank() ? run.name() : run.workflowPath(),
                run.headBranch(), run.headSha(), run.createdAt(), run.updatedAt(), run.attempt(),
                run.conclusion().orElse(""), jobs);
    }
}
