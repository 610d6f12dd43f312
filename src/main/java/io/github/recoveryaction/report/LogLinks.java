package io.github.recoveryaction.report;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.plan.RunRef;

/**
 * Links into GitHub's log viewer: {@code …/actions/runs/RUN/job/JOB#step:STEP:LINE}. The viewer numbers steps as the
 * jobs API does ("Set up job" is step 1, so the classifier's step N is the viewer's step N+1) and lines from 1 at
 * the step's {@code Run …} header; a job-log line number L therefore becomes {@code L - headerLine + 1}.
 *
 * @param run the run, with or without the job
 * @param step the failing step, when the log has step markers
 * @param stepHeaderLine the job-log line of the failing step's {@code ##[group]Run} header, when known
 * @param jobStepNumber the failing step's number in the jobs API, when the job is known
 */
public record LogLinks(RunRef run, Optional<StepRef> step, OptionalLong stepHeaderLine, OptionalInt jobStepNumber) {

    /** Links for a log without the jobs API: the viewer's step is taken to be the log's step plus "Set up job". */
    public LogLinks(RunRef run, Optional<StepRef> step, OptionalLong stepHeaderLine) {
        this(run, step, stepHeaderLine, OptionalInt.empty());
    }

    /** The step's number in the viewer: the jobs API's when known. */
    private int viewerStep(StepRef s) {
        return jobStepNumber.orElse(s.number() + 1);
    }

    /**
     * The number the step links carry, when they link into a job: a report that links to the step names it by this
     * number, so that the heading and the page it opens agree.
     */
    public OptionalInt findViewerStepNumber() {
        return run.findJobUrl().isPresent() && step.isPresent() ? OptionalInt.of(viewerStep(step.get()))
                : OptionalInt.empty();
    }

    /** The page of the run. */
    public URI runUrl() {
        return run.runUrl();
    }

    /** The failing step in the job's log, when the job and the step are known. */
    public Optional<URI> findStepUrl() {
        return run.findJobUrl().flatMap(job -> step.map(s -> URI.create(job + "#step:" + viewerStep(s) + ":1")));
    }

    /** One line of the job log in the viewer, when the job, the step and the step's first line are known. */
    public Optional<URI> findLineUrl(long jobLogLine) {
        if (run.findJobUrl().isEmpty() || step.isEmpty()) {
            return Optional.empty();
        }
        long start = step.get().number() == 0 ? 1 : stepHeaderLine.orElse(-1);
        if (start < 1 || jobLogLine < start) {
            return Optional.empty();
        }
        return Optional.of(URI.create(run.findJobUrl().get() + "#step:" + viewerStep(step.get()) + ":"
                + (jobLogLine - start + 1)));
    }
}
