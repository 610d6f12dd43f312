package io.github.recoveryaction.checkpoint;

import java.util.OptionalLong;

/**
 * What making a checkpoint cost.
 *
 * @param wallMillis elapsed time of the operation
 * @param cpuMillis CPU time of the whole process during the operation (compression threads included)
 * @param peakMemoryBytes the process's peak resident memory, or its peak heap use where that is unknown
 * @param jobElapsedMillis time since the job started, when known (see {@code RECOVERY_JOB_STARTED_AT})
 */
public record CheckpointMetrics(long wallMillis, long cpuMillis, long peakMemoryBytes, OptionalLong jobElapsedMillis) {

    public static final CheckpointMetrics NONE = new CheckpointMetrics(0, 0, 0, OptionalLong.empty());
}
