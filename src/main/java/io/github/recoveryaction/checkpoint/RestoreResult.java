package io.github.recoveryaction.checkpoint;

import java.util.Optional;

/**
 * What {@code recovery restore} did.
 *
 * @param checkpoint the restored checkpoint; empty when {@code latest} found none (a first attempt)
 * @param restoredFiles files and links written, plus files deleted
 * @param bytes content bytes written
 * @param resumeAfter the step the checkpoint was taken after, 0 when nothing was restored
 */
public record RestoreResult(Optional<Checkpoint> checkpoint, int restoredFiles, long bytes, int resumeAfter) {

    public static final RestoreResult NOTHING = new RestoreResult(Optional.empty(), 0, 0, 0);

    public boolean restored() {
        return checkpoint.isPresent();
    }
}
