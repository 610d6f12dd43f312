package io.github.recoveryaction.checkpoint;

import java.util.List;

/**
 * What {@link ArchiveWriter} wrote.
 *
 * @param entries the archived paths with their modes, times and content hashes, in archive order; entries whose
 *        content an earlier checkpoint holds name it as their piece
 * @param bytes content bytes captured
 * @param archiveHash {@code sha256:} of the compressed archive
 * @param archiveBytes size of the compressed archive
 * @param pieces the earlier checkpoints whose content the entries use
 */
public record ArchiveResult(List<FileEntry> entries, long bytes, String archiveHash, long archiveBytes,
        List<Piece> pieces) {

    public ArchiveResult {
        entries = List.copyOf(entries);
        pieces = List.copyOf(pieces);
    }
}
