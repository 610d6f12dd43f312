package io.github.recoveryaction.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where {@code recovery report} finds the failure; {@code auto} decides from the event and the job's state. */
public enum ReportMode {
    /** Decide from the event: {@code workflow_run} → workflow-run, a job id of a finished job → follow-up, else in-job. */
    AUTO("auto"),
    /** An {@code if: failure()} step of the failing job: steps from the API, output from log files and test reports. */
    IN_JOB("in-job"),
    /** A later job of the same run ({@code needs:} + {@code if: failure()}): full logs of the failed jobs. */
    FOLLOW_UP("follow-up"),
    /** A {@code workflow_run} workflow: full logs of the triggering run's failed jobs. */
    WORKFLOW_RUN("workflow-run");

    private final String id;

    ReportMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ReportMode> findById(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(ReportMode::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
