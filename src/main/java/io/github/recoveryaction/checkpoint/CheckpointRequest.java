package io.github.recoveryaction.checkpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code recovery checkpoint} was asked to record.
 *
 * @param id the checkpoint id; empty for the default {@code <lane>-step<N>-<yyyyMMdd_HHmmss>}
 * @param globs {@code --path} globs, relative to the workspace
 * @param job the GitHub Actions job attempt, empty outside GitHub Actions
 * @param jobStartedAt when the job started, for the job's elapsed time, when known
 */
public record CheckpointRequest(Optional<String> id, String lane, int stepNumber, String stepName, boolean success,
        Optional<String> errorMessage, List<String> globs, Optional<JobAttempt> job, Optional<Instant> jobStartedAt) {

    public CheckpointRequest {
        globs = List.copyOf(globs);
    }
}
