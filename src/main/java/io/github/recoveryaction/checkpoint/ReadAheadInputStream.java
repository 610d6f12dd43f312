package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own, a few chunks ahead, so that decompressing an archive and writing its
 * files overlap on two cores, as {@code zstd -d | tar -x} does with two processes. A fixed set of buffers circulates
 * between the two threads, so nothing is allocated per chunk. Errors of the source surface on the next read; closing
 * stops the reader.
 */
final class ReadAheadInputStream extends InputStream {

    /** A filled buffer; {@code length < 0} marks the end, {@code error} a failure of the source. */
    private record Chunk(byte[] data, int length, Exception error) {
    }

    private final BlockingQueue<Chunk> filled;
    private final BlockingQueue<byte[]> free;
    private final Thread reader;
    private Chunk current;
    private int position;
    private boolean finished;

    ReadAheadInputStream(InputStream source, int chunkSize, int depth) {
        this.filled = new ArrayBlockingQueue<>(depth + 1);
        this.free = new ArrayBlockingQueue<>(depth);
        for (int i = 0; i < depth; i++) {
            free.add(new byte[chunkSize]);
        }
        this.reader = Thread.ofPlatform().daemon().name("checkpoint-read-ahead").start(() -> pump(source));
    }

    private void pump(InputStream source) {
        try (source) {
            while (true) {
                byte[] buffer = free.take();
                int length = fill(source, buffer);
                if (length > 0) {
                    filled.put(new Chunk(buffer, length, null));
                }
                if (length < buffer.length) {
                    filled.put(new Chunk(null, -1, null));
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            try {
                filled.put(new Chunk(null, -1, e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int fill(InputStream source, byte[] buffer) throws IOException {
        int length = 0;
        while (length < buffer.length) {
            int n = source.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if ((current == null || position == current.length()) && !next()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        position += n;
        return n;
    }

    private boolean next() throws IOException {
        if (finished) {
            return false;
        }
        if (current != null) {
            free.add(current.data());
        }
        try {
            current = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the archive");
        }
        position = 0;
        if (current.error() != null) {
            finished = true;
            throw new IOException(current.error().getMessage(), current.error());
        }
        if (current.length() < 0) {
            finished = true;
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        reader.interrupt();
        finished = true;
    }
}
