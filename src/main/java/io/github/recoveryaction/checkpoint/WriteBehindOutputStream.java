package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands what is written to a thread of its own, which writes it to the target: the writer's thread never waits for
 * the stage after it, so that reading and hashing files, compressing, and hashing and writing the archive run at once,
 * as {@code tar | zstd} runs in two processes. A fixed set of buffers circulates between the two threads; a full
 * set makes the writer wait. A failure of the target surfaces on the next write or on close; close waits until the
 * target has everything and flushes it, but leaves it open: the caller owns it.
 */
final class WriteBehindOutputStream extends OutputStream {

    private static final byte[] END = new byte[0];

    /** A filled buffer; {@link #END} as data marks the end. */
    private record Chunk(byte[] data, int length) {
    }

    private final BlockingQueue<Chunk> filled;
    private final BlockingQueue<byte[]> free;
    private final Thread drainer;
    private volatile IOException failure;
    private byte[] current;
    private int position;
    private boolean closed;

    WriteBehindOutputStream(OutputStream target, String threadName, int chunkSize, int depth) {
        // room for every buffer, one a caller brings by exchange included, and the end mark: puts never block
        this.filled = new ArrayBlockingQueue<>(depth + 2);
        this.free = new ArrayBlockingQueue<>(depth + 1);
        for (int i = 0; i < depth - 1; i++) {
            free.add(new byte[chunkSize]);
        }
        this.current = new byte[chunkSize];
        this.drainer = Thread.ofPlatform().daemon().name(threadName).start(() -> drain(target));
    }

    private void drain(OutputStream target) {
        try {
            while (true) {
                Chunk chunk = filled.take();
                if (chunk.data() == END) {
                    target.flush();
                    return;
                }
                target.write(chunk.data(), 0, chunk.length());
                free.put(chunk.data());
            }
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            free.add(new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int offset = off;
        int left = len;
        while (left > 0) {
            int n = Math.min(left, current.length - position);
            System.arraycopy(b, offset, current, position, n);
            position += n;
            offset += n;
            left -= n;
            if (position == current.length) {
                handOver();
            }
        }
    }

    /**
     * Hands {@code full} over as it is, without copying, and returns an empty buffer of the chunk size to fill next
     * (the caller must not touch {@code full} again).
     */
    byte[] exchange(byte[] full, int length) throws IOException {
        checkFailure();
        try {
            filled.put(new Chunk(full, length));
            byte[] next = free.take();
            checkFailure();
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the archive");
        }
    }

    /** Hands the filled part over without waiting for the target. */
    @Override
    public void flush() throws IOException {
        if (position > 0) {
            handOver();
        }
    }

    private void handOver() throws IOException {
        checkFailure();
        try {
            filled.put(new Chunk(current, position));
            current = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the archive");
        }
        position = 0;
        checkFailure();
    }

    private void checkFailure() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failure == null && position > 0) {
                filled.put(new Chunk(current, position));
            }
            filled.put(new Chunk(END, 0));
            drainer.join();
        } catch (InterruptedException e) {
            drainer.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the archive");
        }
        checkFailure();
    }
}
