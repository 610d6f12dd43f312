package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.config.DurationText;

/**
 * Judges whether a timeout is transient: the platform (the runner's step or job time limit) stopped a step that
 * usually finishes well inside that limit. "Usually" is the median of the last few successful runs of the same job's
 * same step; "well inside" is below a share of the limit ({@link TimeoutKnowledge}: 5 runs, half). Without such
 * runs, or without a limit in the log, the timeout is not counted as transient.
 */
final class TimeoutJudge {

    private final TimeoutKnowledge knowledge;

    TimeoutJudge(TimeoutKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** A job that ran this share of the limit hit the job's limit, so whole-job durations are compared. */
    private static final double JOB_LIMIT_SHARE = 0.9;

    record Judgement(boolean isTransient, String explanation) {
    }

    Judgement judge(FailedJob job, RerunHistory history) {
        if (!knowledge.platformRules().contains(job.rule())) {
            return new Judgement(false, "was not stopped by the runner's time limit (rule " + job.rule()
                    + "), so it is not transient");
        }
        if (job.timeLimit().isEmpty()) {
            return new Judgement(false, "states no time limit to compare the usual duration with, so it is not "
                    + "transient");
        }
        Duration limit = job.timeLimit().get();
        Optional<String> step = jobLimitHit(job, limit) ? Optional.empty() : job.step();
        String what = step.isPresent() ? "the step" : "the job";
        List<Duration> samples = history.successfulDurations(job.name(), step).stream().limit(knowledge.samples())
                .toList();
        if (samples.isEmpty()) {
            return new Judgement(false, "has no successful run of " + what + " to compare with, so it is not counted "
                    + "as transient");
        }
        Duration median = median(samples);
        String usual = what + " usually takes " + DurationText.human(median) + " (median of " + samples.size()
                + " successful run" + (samples.size() == 1 ? "" : "s") + ")";
        if (median.toMillis() < limit.toMillis() * knowledge.share()) {
            return new Judgement(true, usual + ", well inside its " + DurationText.human(limit) + " limit");
        }
        return new Judgement(false, "is not transient: " + usual + " of its " + DurationText.human(limit) + " limit");
    }

    private static boolean jobLimitHit(FailedJob job, Duration limit) {
        long share = (long) (limit.toSeconds() * JOB_LIMIT_SHARE);
        boolean jobRanOut = job.jobDuration().filter(d -> d.toSeconds() >= share).isPresent();
        boolean stepRanOut = job.stepDuration().filter(d -> d.toSeconds() >= share).isPresent();
        return job.step().isEmpty() || jobRanOut && !stepRanOut;
    }

    static Duration median(List<Duration> samples) {
        List<Duration> sorted = samples.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }
}
