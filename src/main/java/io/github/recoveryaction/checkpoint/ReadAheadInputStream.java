package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own, a few chunks ahead, so that decompressing an archive and writing its
 * files overlap on two cores, as {@code zstd -d | tar -x} does with two processes. Errors of the source surface on
 * the next read; closing stops the reader.
 */
final class ReadAheadInputStream extends InputStream {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> chunks;
    private final Thread reader;
    private byte[] current = new byte[0];
    private int position;
    private boolean finished;

    ReadAheadInputStream(InputStream source, int chunkSize, int depth) {
        this.chunks = new ArrayBlockingQueue<>(depth);
        this.reader = Thread.ofPlatform().daemon().name("checkpoint-read-ahead").start(() -> pump(source, chunkSize));
    }

    private void pump(InputStream source, int chunkSize) {
        try (source) {
            while (true) {
                byte[] chunk = source.readNBytes(chunkSize);
                if (chunk.length > 0) {
                    chunks.put(chunk);
                }
                if (chunk.length < chunkSize) {
                    chunks.put(END);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            try {
                chunks.put(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        if (position == current.length && !next()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    private boolean next() throws IOException {
        if (finished) {
            return false;
        }
        Object item;
        try {
            item = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the archive");
        }
        if (item instanceof IOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (item instanceof RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        current = (byte[]) item;
        position = 0;
        if (current == END) {
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
