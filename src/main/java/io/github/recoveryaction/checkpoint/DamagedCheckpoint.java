package io.github.recoveryaction.checkpoint;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * A checkpoint of a store that cannot be restored: its manifest is unreadable or fails its hash, its archive is gone
 * or has the wrong size, or a piece it needs is missing or damaged.
 *
 * @param id the checkpoint's id, from its file or artifact name when the manifest is unreadable
 * @param createdAt from the manifest, else when the file or artifact was written
 * @param attempt the run attempt that wrote it, when known (artifact store)
 * @param problem what is wrong, for a message that ends in "; nothing was restored"
 */
public record DamagedCheckpoint(String id, Instant createdAt, OptionalInt attempt, String problem) {

    /** A manifest this release cannot read: damaged, or written by a newer release. */
    static DamagedCheckpoint unreadable(String id, Instant createdAt, OptionalInt attempt, CheckpointException e) {
        return new DamagedCheckpoint(id, createdAt, attempt, e instanceof UnsupportedSchemaException
                ? e.getMessage()
                : "its manifest is unreadable (" + e.getMessage() + ")");
    }

    /** The sentence a refusal starts with. */
    String describe() {
        return problem.startsWith("its ") ? "checkpoint " + id + " is damaged: " + problem
                : "checkpoint " + id + " cannot be read: " + problem;
    }
}
