package io.github.recoveryaction.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.recoveryaction.classify.KnownLines;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.RunFilter;
import io.github.recoveryaction.github.RunSummary;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.github.WorkflowRun;
import io.github.recoveryaction.workspace.FileOwnership;
import io.github.recoveryaction.workspace.TemporaryFolder;

/**
 * Finds the baseline of a failed job: the log of the same job (by name, so matrix legs match their own leg) in the
 * newest successful run of the same workflow on the same branch, else on the default branch. At most
 * {@link #CANDIDATE_RUNS} runs per branch are looked at and {@link #MAX_LOG_BYTES} of a log are read; logs are
 * downloaded under {@code RUNNER_TEMP} while the report runs and removed by {@link #close()}. A lookup that fails
 * costs the report nothing but the comparison: it becomes one line in the log.
 * <p>
 * Cost per failed job: one jobs listing per candidate run and one log download; the run lookup, the default branch and
 * one runs listing per branch are shared by the run's failed jobs.
 */
public final class BaselineFinder implements AutoCloseable {

    static final int CANDIDATE_RUNS = 3;
    static final long MAX_LOG_BYTES = 32L * 1024 * 1024;

    private final GitHubGateway github;
    private final Path folder;
    private final Consumer<String> log;
    private final FileOwnership ownership;
    private final Map<String, List<RunSummary>> passingRuns = new HashMap<>();
    private final Map<Long, List<WorkflowJob>> jobsOfRun = new HashMap<>();
    private final Map<Long, Optional<WorkflowRun>> failingRuns = new HashMap<>();
    private Optional<String> defaultBranch = Optional.empty();

    /**
     * @param folder where logs are downloaded (created here, owned like the folder it is in, deleted by
     *        {@link #close()})
     * @param log receives one line per baseline found or missed
     */
    public BaselineFinder(GitHubGateway github, Path folder, Consumer<String> log) {
        this.github = github;
        this.folder = folder;
        this.log = log;
        this.ownership = FileOwnership.ofWorkspace(folder);
    }

    /** The passing run's lines for {@code job} of {@code runId}; {@link KnownLines#NONE} when there is none. */
    public KnownLines find(long runId, WorkflowJob job) {
        try {
            Optional<WorkflowRun> failing = failingRuns.computeIfAbsent(runId, github::findRun);
            if (failing.isEmpty() || failing.get().workflowId().isEmpty()) {
                return KnownLines.NONE;
            }
            Optional<String> head = failing.get().headBranch();
            Optional<KnownLines> found = head.flatMap(branch -> findOn(failing.get(), branch, job.name()));
            if (found.isPresent()) {
                return found.get();
            }
            String fallback = defaultBranch();
            if (!head.filter(fallback::equals).isPresent()) {
                found = findOn(failing.get(), fallback, job.name());
                if (found.isPresent()) {
                    return found.get();
                }
            }
            log.accept("No passing run of job " + job.name() + " on " + Stream.concat(head.stream(), Stream.of(fallback))
                    .distinct().collect(Collectors.joining(" or ")) + " to compare with; the evidence is not de-noised.");
        } catch (GitHubAccessException e) {
            log.accept("Could not fetch the last passing run of job " + job.name() + ": " + e.getMessage());
        }
        return KnownLines.NONE;
    }

    /** Looked up only when the failed run's own branch has no passing run. */
    private String defaultBranch() {
        if (defaultBranch.isEmpty()) {
            defaultBranch = Optional.of(github.defaultBranch());
        }
        return defaultBranch.get();
    }

    private Optional<KnownLines> findOn(WorkflowRun failing, String branch, String jobName) {
        long workflowId = failing.workflowId().getAsLong();
        List<RunSummary> runs = passingRuns.computeIfAbsent(workflowId + "@" + branch,
                key -> github.listRuns(RunFilter.successfulRunsOf(workflowId, Optional.of(branch)), 1,
                        CANDIDATE_RUNS + 1).runs());
        for (RunSummary run : runs.stream().filter(r -> r.id() != failing.id()).limit(CANDIDATE_RUNS).toList()) {
            Optional<WorkflowJob> passed = jobsOfRun.computeIfAbsent(run.id(), id -> github.listJobs(id, run.attempt()))
                    .stream().filter(j -> j.name().equals(jobName) && j.succeeded()).findFirst();
            if (passed.isPresent()) {
                return read(run, branch, passed.get());
            }
        }
        return Optional.empty();
    }

    private Optional<KnownLines> read(RunSummary run, String branch, WorkflowJob job) {
        Path file = folder.resolve("baseline-" + job.id() + ".log");
        try {
            ownership.createDirectories(folder);
        } catch (IOException e) {
            throw new GitHubAccessException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        Optional<Path> downloaded = github.downloadJobLog(job.id(), file, MAX_LOG_BYTES).map(ownership::claim);
        if (downloaded.isEmpty()) {
            return Optional.empty();
        }
        String source = "run " + run.id() + " on " + branch;
        KnownLines lines = KnownLines.read(LogInput.of(downloaded.get()), source,
                job.htmlUrl().isBlank() ? Optional.empty() : Optional.of(URI.create(job.htmlUrl())));
        log.accept("Baseline for job " + job.name() + ": " + source + " (" + lines.size() + " distinct lines"
                + (lines.truncated() ? ", truncated" : "") + ")");
        return Optional.of(lines);
    }

    /** Removes the downloaded logs. */
    @Override
    public void close() {
        try {
            TemporaryFolder.deleteTree(folder);
        } catch (UncheckedIOException e) {
            log.accept("Could not remove the baseline logs in " + folder + ": " + e.getCause().getMessage());
        }
    }
}
