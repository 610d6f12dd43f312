package io.github.recoveryaction.action;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.github.JobStep;

/** Combining and completing classifications from several sources (log files, test reports, the jobs API). */
final class Classifications {

    private Classifications() {
    }

    /** The verdict when no output of the failed step was available. */
    static Classification withoutLog(String name, Optional<String> job, Optional<JobStep> step, String title) {
        return new Classification(name, job, FailureType.UNKNOWN, 0.0, step.map(Classifications::stepRef), List.of(),
                "no-log", title, Details.NONE);
    }

    /** A test-failure verdict from JUnit reports, for when the logs said nothing more precise. */
    static Classification fromTests(String name, Optional<String> job, Optional<JobStep> step, List<FailedTest> tests) {
        List<Evidence> evidence = tests.stream().limit(Classification.MAX_EVIDENCE)
                .map(t -> new Evidence(0, t.displayName() + ": " + t.message())).toList();
        Details details = new Details(tests.stream().map(FailedTest::displayName).distinct().toList(), List.of(),
                List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());
        return new Classification(name, job, FailureType.TEST_FAILURE, 0.9, step.map(Classifications::stepRef),
                evidence, "junit.failed-tests", tests.size() + " test" + (tests.size() == 1 ? "" : "s")
                        + " failed according to the JUnit reports.",
                details);
    }

    /** The most telling verdict: a known type over unknown, a higher precedence tier, then higher confidence. */
    static Optional<Classification> best(List<Classification> candidates) {
        return candidates.stream().max(Comparator
                .comparing((Classification c) -> c.failureType() != FailureType.UNKNOWN)
                .thenComparing(c -> c.failureType().tier())
                .thenComparingDouble(Classification::confidence));
    }

    /** Fills in the job and, for raw output without step markers, the failed step the API named. */
    static Classification complete(Classification c, Optional<String> job, Optional<JobStep> step) {
        if (!c.failed()) {
            // the API says the job failed, the log shows no failed step (cancelled, or cut before the failure)
            return withoutLog(c.file(), c.job().or(() -> job), step,
                    "The job failed, but its log shows no failed step (" + c.outcome().id().replace('_', ' ') + ").");
        }
        Optional<StepRef> stepRef = c.step().isPresent() ? c.step() : step.map(Classifications::stepRef);
        return c.withJob(c.job().or(() -> job)).withStep(stepRef);
    }

    /**
     * The classifier's numbering of an API step: the jobs API counts "Set up job" as 1, the classifier counts the
     * {@code Run …} steps from 1 and calls the set-up phase 0.
     */
    static StepRef stepRef(JobStep step) {
        return new StepRef(Math.max(0, step.number() - 1), step.name());
    }
}
