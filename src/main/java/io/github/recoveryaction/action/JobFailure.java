package io.github.recoveryaction.action;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.github.JobStep;
import io.github.recoveryaction.github.WorkflowJob;

/**
 * What the action found out about one failed job.
 *
 * @param job the job from the API; empty when the job could not be looked up (no token, no job id)
 * @param jobName the job's display name, or the workflow job key without the API
 * @param failedStep the failed step from the jobs API
 * @param classification the verdict on the logs that were available
 * @param failedTests failing tests from JUnit reports
 * @param source where the evidence came from, for the report ("job log", "log files", …)
 * @param notes what limited the analysis (log not available yet, no log files matched), shown in the report
 * @param logFile the downloaded job log the classification read, for links to its lines
 */
public record JobFailure(Optional<WorkflowJob> job, String jobName, Optional<JobStep> failedStep,
        Classification classification, List<FailedTest> failedTests, String source, List<String> notes,
        Optional<Path> logFile) {

    public JobFailure {
        failedTests = List.copyOf(failedTests);
        notes = List.copyOf(notes);
    }

    /** The failed step's name: from the API, else from the classification. */
    public Optional<String> stepName() {
        return failedStep.map(JobStep::name).or(() -> classification.step().map(s -> s.name()));
    }
}
