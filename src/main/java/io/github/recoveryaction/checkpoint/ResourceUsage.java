package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** Measures an operation for {@link CheckpointMetrics}: wall time, process CPU time and peak memory. */
final class ResourceUsage {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final long startNanos = System.nanoTime();
    private final Duration startCpu = processCpu();

    CheckpointMetrics finish(Instant now, OptionalLong jobStartedAtEpochMillis) {
        long wall = (System.nanoTime() - startNanos) / 1_000_000;
        long cpu = processCpu().minus(startCpu).toMillis();
        OptionalLong jobElapsed = jobStartedAtEpochMillis.isPresent()
                ? OptionalLong.of(Math.max(0, now.toEpochMilli() - jobStartedAtEpochMillis.getAsLong()))
                : OptionalLong.empty();
        return new CheckpointMetrics(wall, cpu, peakMemory(), jobElapsed);
    }

    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Peak resident set size ({@code VmHWM}) on Linux; the heap in use elsewhere. */
    private static long peakMemory() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or /proc not mounted
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
