package io.github.recoveryaction.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where checkpoints live: a folder of the workspace ({@link LocalDirectoryCheckpointStore}) or the workflow run's
 * artifacts ({@link ArtifactCheckpointStore}). A checkpoint is its manifest plus a zstd-compressed tar archive; the
 * store decides how the two are kept together.
 */
public interface CheckpointStore {

    /** For messages, e.g. "local store .checkpoints" or "artifacts of run 42". */
    String describe();

    /**
     * A path where a new archive may be written before {@link #save}; on the store's own file system when it has
     * one, so that saving is a rename.
     */
    Path newArchiveFile(String id);

    /** Keeps the checkpoint; takes ownership of {@code archive} (moved or deleted). */
    void save(Checkpoint checkpoint, Path archive);

    /** Every checkpoint this store can restore here, newest first. */
    List<Checkpoint> list();

    default Optional<Checkpoint> find(String id) {
        return list().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The checkpoint {@code --checkpoint-id latest} means: the newest successful one a restore should resume from
     * (for artifacts: from an earlier attempt of this job).
     */
    default Optional<Checkpoint> findLatest() {
        return list().stream().filter(Checkpoint::success).findFirst();
    }

    /** The archive of {@code checkpoint} as a local file, downloaded into {@code scratch} when needed. */
    FetchedArchive fetch(Checkpoint checkpoint, Path scratch);

    void delete(Checkpoint checkpoint);
}
