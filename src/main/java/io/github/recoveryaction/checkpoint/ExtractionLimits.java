package io.github.recoveryaction.checkpoint;

/**
 * Bounds that make a hostile or broken archive fail before it fills the disk. An entry's declared size is checked
 * before a byte of it is written, against these limits and against the free space of the file system.
 *
 * @param maxEntryBytes the largest single file a checkpoint may restore
 * @param maxTotalBytes the most all files of one checkpoint may add up to
 */
public record ExtractionLimits(long maxEntryBytes, long maxTotalBytes) {

    /** 4 GiB per file and 64 GiB in all: far above any build output worth checkpointing, far below a bomb. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(4L << 30, 64L << 30);
}
