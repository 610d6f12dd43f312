package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes small staged files on other threads while the archive is read on: a restore of tens of thousands of small
 * files spends its time creating them, in the kernel, and these calls overlap where one thread would wait for each.
 * The bytes in flight are bounded. The first failure stops further writes and surfaces on the next {@link #write},
 * on {@link #finish} or, as any failure of a task, never later than {@link #close}, which waits for every task so
 * that nothing writes into the staging folder once it is deleted.
 */
final class ParallelFileWrites implements AutoCloseable {

    /** Files up to this size are written in parallel; larger ones stream from the archive on the reading thread. */
    static final int SMALL_FILE = 256 << 10;
    private static final int BYTES_IN_FLIGHT = 32 << 20;

    private final StagedFiles staged;
    private final ExecutorService threads;
    private final Semaphore budget = new Semaphore(BYTES_IN_FLIGHT);
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    ParallelFileWrites(StagedFiles staged, int threads) {
        this.staged = staged;
        this.threads = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().daemon().name("checkpoint-file-writer-", 1).factory());
    }

    /** Queues the file {@code name} (its folder exists) with {@code content}, its mode and its time. */
    void write(String name, int mode, long mtimeMillis, byte[] content) throws IOException {
        rethrow();
        int cost = Math.max(content.length, 1);
        try {
            budget.acquire(cost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while restoring files");
        }
        threads.execute(() -> {
            try {
                if (failure.get() == null) {
                    try (FileChannel out = staged.newFileInExistingFolder(name, mode)) {
                        StagedFiles.writeFully(out, content, 0, content.length);
                    }
                    staged.finishFile(name, mode, mtimeMillis);
                }
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException(e.getMessage(), e));
            } finally {
                budget.release(cost);
            }
        });
    }

    /** Waits until every queued file is written; throws the first failure. */
    void finish() throws IOException {
        try {
            budget.acquire(BYTES_IN_FLIGHT);
            budget.release(BYTES_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while restoring files");
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            while (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
                // a stuck write: keep waiting, the staging folder must not go while a task may still write into it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
