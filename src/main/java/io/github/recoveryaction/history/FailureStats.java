package io.github.recoveryaction.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.recoveryaction.history.RunRecord.JobRecord;
import io.github.recoveryaction.history.StatsReport.Count;
import io.github.recoveryaction.history.StatsReport.Flaky;
import io.github.recoveryaction.history.StatsReport.OpenIncident;
import io.github.recoveryaction.history.StatsReport.Recovery;

/** Turns the records of a window of runs into {@link StatsReport}: pure, no I/O. */
public final class FailureStats {

    /** Entries shown of each ranking. */
    static final int TOP = 10;

    private FailureStats() {
    }

    public static StatsReport compute(List<RunRecord> runs, String defaultBranch) {
        Map<String, Integer> byType = new HashMap<>();
        Map<String, Integer> byJob = new HashMap<>();
        Map<String, Integer> byRule = new HashMap<>();
        Map<String, Integer> causes = new HashMap<>();
        Duration failedTime = Duration.ZERO;
        Duration rerunTime = Duration.ZERO;
        int failedJobs = 0;
        for (RunRecord run : runs) {
            for (JobRecord job : executedJobs(run)) {
                if (job.attempt() > 1) {
                    rerunTime = rerunTime.plus(job.duration());
                }
                if (!job.failed()) {
                    continue;
                }
                failedJobs++;
                failedTime = failedTime.plus(job.duration());
                byJob.merge(job.name(), 1, Integer::sum);
                job.failure().ifPresent(f -> {
                    byType.merge(f.failureType(), 1, Integer::sum);
                    byRule.merge(f.rule(), 1, Integer::sum);
                    f.rootCause().ifPresent(line -> causes.merge(line, 1, Integer::sum));
                });
            }
        }
        List<Flaky>[] flaky = flaky(runs);
        return new StatsReport(runs.size(), (int) runs.stream().filter(RunRecord::failed).count(),
                (int) runs.stream().filter(r -> r.attempts() > 1).count(), failedJobs, top(byType), top(byJob),
                top(byRule), failedTime, rerunTime, flaky[0], flaky[1], recovery(runs, defaultBranch), top(causes));
    }

    /**
     * The jobs that ran; a job GitHub lists again under a later attempt with the same times was carried over by a
     * "re-run failed jobs" and did not run again.
     */
    static List<JobRecord> executedJobs(RunRecord run) {
        Set<String> seen = new HashSet<>();
        List<JobRecord> executed = new ArrayList<>();
        run.jobs().stream().sorted(Comparator.comparingInt(JobRecord::attempt)).forEach(job -> {
            if (seen.add(job.name() + "|" + job.startedAt() + "|" + job.completedAt())) {
                executed.add(job);
            }
        });
        return executed;
    }

    /** Flaky tests and jobs: failed in one execution of a commit, passed in a later one of the same workflow. */
    @SuppressWarnings("unchecked")
    private static List<Flaky>[] flaky(List<RunRecord> runs) {
        Map<String, List<RunRecord>> byCommit = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparing(RunRecord::createdAt))
                .forEach(r -> byCommit.computeIfAbsent(r.workflow() + "@" + r.headSha(), k -> new ArrayList<>()).add(r));
        Map<String, Flaky> tests = new HashMap<>();
        Map<String, Flaky> jobs = new HashMap<>();
        for (List<RunRecord> executions : byCommit.values()) {
            for (int i = 0; i < executions.size(); i++) {
                RunRecord run = executions.get(i);
                List<RunRecord> later = executions.subList(i + 1, executions.size());
                Set<String> counted = new HashSet<>();
                for (JobRecord failed : executedJobs(run)) {
                    if (!failed.failed() || !passedLater(failed, run, later) || !counted.add(failed.name())) {
                        continue;
                    }
                    add(jobs, failed.name(), failed.name(), run.id());
                    failed.failure().ifPresent(f -> f.failedTests().forEach(t -> add(tests, t, failed.name(), run.id())));
                }
            }
        }
        Comparator<Flaky> order = Comparator.comparingInt((Flaky f) -> -f.times()).thenComparing(Flaky::name);
        return new List[] { tests.values().stream().sorted(order).limit(TOP).toList(),
                jobs.values().stream().sorted(order).limit(TOP).toList() };
    }

    private static boolean passedLater(JobRecord failed, RunRecord run, List<RunRecord> laterRuns) {
        boolean inLaterAttempt = run.jobs().stream().anyMatch(j -> j.name().equals(failed.name())
                && j.attempt() > failed.attempt() && j.conclusion().equals("success"));
        return inLaterAttempt || laterRuns.stream().anyMatch(r -> r.succeeded() && (r.jobs().isEmpty()
                || r.jobs().stream().anyMatch(j -> j.name().equals(failed.name()) && j.conclusion().equals("success"))));
    }

    private static void add(Map<String, Flaky> flaky, String name, String job, long runId) {
        flaky.merge(name + "|" + job, new Flaky(name, job, 1, runId),
                (a, b) -> new Flaky(name, job, a.times() + 1, Math.max(a.lastRunId(), runId)));
    }

    /** Red spells of the default branch, per workflow, from the executions (attempts) in the order they ended. */
    private static Recovery recovery(List<RunRecord> runs, String branch) {
        Map<String, List<Execution>> byWorkflow = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            if (run.branch().filter(branch::equals).isPresent()) {
                byWorkflow.computeIfAbsent(run.workflow(), k -> new ArrayList<>()).addAll(executions(run));
            }
        }
        List<Duration> incidents = new ArrayList<>();
        List<OpenIncident> open = new ArrayList<>();
        byWorkflow.forEach((workflow, executions) -> {
            executions.sort(Comparator.comparing(Execution::end));
            Optional<Execution> redSince = Optional.empty();
            for (Execution e : executions) {
                if (e.red() && redSince.isEmpty()) {
                    redSince = Optional.of(e);
                } else if (e.green() && redSince.isPresent()) {
                    incidents.add(Duration.between(redSince.get().end(), e.end()));
                    redSince = Optional.empty();
                }
            }
            redSince.ifPresent(e -> open.add(new OpenIncident(workflow, e.end(), e.runId())));
        });
        return new Recovery(branch, incidents, open);
    }

    private record Execution(long runId, boolean red, boolean green, Instant end) {
    }

    private static List<Execution> executions(RunRecord run) {
        if (run.jobs().isEmpty()) {
            return List.of(new Execution(run.id(), run.failed(), run.succeeded(), run.updatedAt()));
        }
        List<Execution> executions = new ArrayList<>();
        for (int attempt = 1; attempt <= run.attempts(); attempt++) {
            int a = attempt;
            List<JobRecord> jobs = run.jobs().stream().filter(j -> j.attempt() == a).toList();
            if (jobs.isEmpty()) {
                continue;
            }
            boolean red = jobs.stream().anyMatch(JobRecord::failed);
            boolean green = !red && (a < run.attempts() || run.succeeded());
            Instant end = a == run.attempts() ? run.updatedAt()
                    : jobs.stream().flatMap(j -> j.completedAt().stream()).max(Instant::compareTo).orElse(run.updatedAt());
            executions.add(new Execution(run.id(), red, green, end));
        }
        return executions;
    }

    private static List<Count> top(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((Count c) -> -c.count()).thenComparing(Count::key)).limit(TOP).toList();
    }
}
