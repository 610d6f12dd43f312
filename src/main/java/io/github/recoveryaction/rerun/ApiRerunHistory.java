package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.JobStep;
import io.github.recoveryaction.github.RunFilter;
import io.github.recoveryaction.github.RunSummary;
import io.github.recoveryaction.github.WorkflowJob;

/**
 * {@link RerunHistory} from the API: the last {@value #RUNS} successful runs of the workflow (one listing), whose
 * job lists are fetched one by one until {@link TimeoutKnowledge#samples()} durations are found, so a judgement costs at
 * most {@value #RUNS} + 1 calls, and job lists are shared between judgements. Durations come from the jobs API's
 * timestamps (whole seconds).
 */
public final class ApiRerunHistory implements RerunHistory {

    static final int RUNS = 8;

    private final GitHubGateway github;
    private final OptionalLong workflowId;
    private final long excludedRun;
    private final Supplier<Set<String>> flakyTests;
    private final Consumer<String> warnings;
    private List<RunSummary> runs;
    private final Map<Long, List<WorkflowJob>> jobs = new HashMap<>();

    /**
     * @param workflowId the workflow whose runs are compared; empty means no history
     * @param excludedRun the run under judgement, which is not its own history
     */
    public ApiRerunHistory(GitHubGateway github, OptionalLong workflowId, long excludedRun,
            Supplier<Set<String>> flakyTests, Consumer<String> warnings) {
        this.github = github;
        this.workflowId = workflowId;
        this.excludedRun = excludedRun;
        this.flakyTests = flakyTests;
        this.warnings = warnings;
    }

    @Override
    public List<Duration> successfulDurations(String job, Optional<String> step) {
        List<Duration> durations = new ArrayList<>();
        try {
            for (RunSummary run : runs()) {
                if (durations.size() >= TimeoutKnowledge.BUNDLED.samples()) {
                    break;
                }
                jobsOf(run).stream().filter(j -> j.name().equals(job) && j.succeeded()).findFirst()
                        .flatMap(j -> step.isEmpty() ? j.startedAt().flatMap(s -> j.completedAt()
                                .map(c -> Duration.between(s, c))) : stepDuration(j, step.get()))
                        .ifPresent(durations::add);
            }
        } catch (GitHubAccessException e) {
            warnings.accept("Could not read earlier runs to judge the timeout: " + e.getMessage());
        }
        return durations;
    }

    @Override
    public Set<String> knownFlakyTests() {
        return flakyTests.get();
    }

    private static Optional<Duration> stepDuration(WorkflowJob job, String name) {
        return job.steps().stream().filter(s -> s.name().equals(name) && s.conclusion().filter("success"::equals)
                .isPresent()).findFirst().flatMap(ApiRerunHistory::duration);
    }

    private static Optional<Duration> duration(JobStep step) {
        return step.startedAt().flatMap(s -> step.completedAt().map(c -> Duration.between(s, c)));
    }

    private List<RunSummary> runs() {
        if (runs == null) {
            runs = workflowId.isEmpty() ? List.of()
                    : github.listRuns(RunFilter.successfulRunsOf(workflowId.getAsLong(), Optional.empty()), 1, RUNS + 1)
                            .runs().stream().filter(r -> r.id() != excludedRun).limit(RUNS).toList();
        }
        return runs;
    }

    private List<WorkflowJob> jobsOf(RunSummary run) {
        return jobs.computeIfAbsent(run.id(), id -> github.listJobs(id, run.attempt()));
    }
}
