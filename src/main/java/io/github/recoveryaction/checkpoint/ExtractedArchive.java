package io.github.recoveryaction.checkpoint;

import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

/**
 * What {@link SafeExtractor} unpacked into the staging folder.
 *
 * @param entries the entries in archive order (parents before children)
 * @param directoryTimes modification times of the directory entries, applied once the directories are filled
 */
public record ExtractedArchive(List<FileEntry> entries, Map<String, FileTime> directoryTimes) {

    public ExtractedArchive {
        entries = List.copyOf(entries);
        directoryTimes = Map.copyOf(directoryTimes);
    }
}
