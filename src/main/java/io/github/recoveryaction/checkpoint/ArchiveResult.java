package io.github.recoveryaction.checkpoint;

import java.util.List;

/**
 * What {@link ArchiveWriter} wrote.
 *
 * @param entries the archived paths with their modes and content hashes, in archive order
 * @param bytes content bytes archived
 * @param archiveHash {@code sha256:} of the compressed archive
 * @param archiveBytes size of the compressed archive
 */
public record ArchiveResult(List<FileEntry> entries, long bytes, String archiveHash, long archiveBytes) {
}
