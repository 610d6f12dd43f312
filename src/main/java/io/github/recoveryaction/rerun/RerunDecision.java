package io.github.recoveryaction.rerun;

import java.util.List;

/**
 * Whether to re-run the failed jobs of the analysed attempt, and why, in one line.
 *
 * @param jobs the failed jobs a re-run covers (GitHub also re-runs the jobs that depend on them)
 * @param nextAttempt the attempt a re-run would create
 */
public record RerunDecision(boolean rerun, String reason, List<String> jobs, int nextAttempt, int maxAttempts) {

    public RerunDecision {
        jobs = List.copyOf(jobs);
    }

    public static RerunDecision no(String why, int nextAttempt, int maxAttempts) {
        return new RerunDecision(false, "Not re-running: " + why, List.of(), nextAttempt, maxAttempts);
    }
}
