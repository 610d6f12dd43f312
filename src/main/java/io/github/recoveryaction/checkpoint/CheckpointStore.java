package io.github.recoveryaction.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** Every checkpoint whose manifest this store can read, newest first ({@link StoreContents} finds the damage). */
    List<Checkpoint> list();

    /** Checkpoints whose manifest is unreadable, with why. */
    default List<DamagedCheckpoint> damaged() {
        return List.of();
    }

    /** What is wrong with a checkpoint's archive that shows without reading it (gone, wrong size). */
    default Optional<String> archiveProblem(Checkpoint checkpoint) {
        return Optional.empty();
    }

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

    /**
     * Whether {@code latest} may pick a checkpoint written by {@code attempt}: any in the local store, only those of
     * earlier attempts in the artifact store (a re-run resumes from what an earlier attempt saved).
     */
    default boolean latestMayPick(OptionalInt attempt) {
        return true;
    }

    /**
     * The archive of {@code checkpoint} as a local file, downloaded into {@code scratch} when needed (files there are
     * named after the checkpoint, so the pieces of one restore share a scratch folder).
     */
    FetchedArchive fetch(Checkpoint checkpoint, Path scratch);

    void delete(Checkpoint checkpoint);
}
