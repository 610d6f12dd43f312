package io.github.recoveryaction.checkpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A checkpoint's manifest: which step it follows, the git state it was made on, what it captured and what that
 * cost. Stored as JSON next to its archive (schema {@value #SCHEMA_VERSION}, see {@link CheckpointCodec}).
 *
 * @param schemaVersion the manifest format; readers refuse newer versions than they know
 * @param id unique within its store; default {@code <lane>-step<N>-<yyyyMMdd_HHmmss>}
 * @param stepNumber the step the checkpoint was taken after; a restore resumes after it
 * @param success false for a checkpoint taken after a failed step (kept for inspection, never restored by
 *        {@code latest})
 * @param commit {@code HEAD} of the workspace, empty outside a git repository
 * @param branch the checked-out branch, empty when detached or unknown
 * @param dirty whether the working tree differed from {@code HEAD}
 * @param stateHash {@code sha256:} over the file list and the commit, see {@link StateHash}
 * @param archiveHash {@code sha256:} of the archive's bytes
 * @param archiveBytes the archive's size
 * @param bytes the content bytes captured
 * @param job where in GitHub Actions it was made, empty outside
 * @param fileList every captured path, sorted
 * @param pieces the earlier checkpoints whose archives hold content of this one (empty unless incremental)
 */
public record Checkpoint(
        int schemaVersion,
        String id,
        String lane,
        int stepNumber,
        String stepName,
        boolean success,
        Optional<String> errorMessage,
        Optional<String> commit,
        Optional<String> branch,
        boolean dirty,
        String stateHash,
        String archiveHash,
        long archiveBytes,
        long bytes,
        Instant createdAt,
        CheckpointMetrics metrics,
        Optional<JobAttempt> job,
        List<FileEntry> fileList,
        List<Piece> pieces) {

    /** 2 adds pieces (incremental checkpoints) and file times to the manifest; the archive format is unchanged. */
    public static final int SCHEMA_VERSION = 2;

    public Checkpoint {
        fileList = List.copyOf(fileList);
        pieces = List.copyOf(pieces);
    }

    /** A checkpoint complete in its own archive. */
    public Checkpoint(int schemaVersion, String id, String lane, int stepNumber, String stepName, boolean success,
            Optional<String> errorMessage, Optional<String> commit, Optional<String> branch, boolean dirty,
            String stateHash, String archiveHash, long archiveBytes, long bytes, Instant createdAt,
            CheckpointMetrics metrics, Optional<JobAttempt> job, List<FileEntry> fileList) {
        this(schemaVersion, id, lane, stepNumber, stepName, success, errorMessage, commit, branch, dirty, stateHash,
                archiveHash, archiveBytes, bytes, createdAt, metrics, job, fileList, List.of());
    }

    public boolean incremental() {
        return !pieces.isEmpty();
    }

    /** Content bytes in this checkpoint's own archive; less than {@link #bytes()} when pieces hold the rest. */
    public long storedBytes() {
        return fileList.stream().filter(e -> e.type() == EntryType.FILE && e.piece().isEmpty())
                .mapToLong(FileEntry::size).sum();
    }

    /** The number of captured paths (files, links, empty directories and deletions). */
    public int files() {
        return fileList.size();
    }

    public Checkpoint withMetrics(CheckpointMetrics newMetrics) {
        return new Checkpoint(schemaVersion, id, lane, stepNumber, stepName, success, errorMessage, commit, branch,
                dirty, stateHash, archiveHash, archiveBytes, bytes, createdAt, newMetrics, job, fileList, pieces);
    }
}
