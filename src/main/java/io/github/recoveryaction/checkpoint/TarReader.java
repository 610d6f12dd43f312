package io.github.recoveryaction.checkpoint;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the tar streams of checkpoints (ustar headers and pax extended headers, as {@link TarWriter} and earlier
 * releases wrote them) from one large buffer: headers are parsed in place and content goes from the buffer straight
 * to its file. It only parses; what an entry may do is {@link SafeExtractor}'s decision, so every type is reported
 * as it is, devices and sparse files included.
 */
final class TarReader {

    /** One header, with pax values applied. {@code type} is the raw tar type flag. */
    record Header(String name, char type, int mode, long size, long mtimeMillis, String linkName, boolean sparse) {

        boolean isFile() {
            return type == '0' || type == 0 || type == '7';
        }
    }

    private final InputStream in;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private long remaining;
    private long padding;

    TarReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /** The next entry, or empty at the end of the archive; the previous entry's content is skipped. */
    Optional<Header> next() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        PaxHeaders pax = new PaxHeaders();
        while (true) {
            if (!fill(TarWriter.BLOCK)) {
                if (end == start) {
                    throw new EOFException("the archive ends without its end-of-archive blocks");
                }
                throw new EOFException("the archive ends inside a header");
            }
            int h = start;
            if (isZeroBlock(h)) {
                start += TarWriter.BLOCK;
                return Optional.empty();
            }
            verifyChecksum(h);
            char type = (char) buffer[h + 156];
            long size = number(h + 124, 12);
            if (type == 'x' || type == 'L' || type == 'K') {
                start += TarWriter.BLOCK;
                if (size > 1 << 20) {
                    throw new IOException("an extended header of " + size + " bytes");
                }
                String text = new String(readBytes((int) size), StandardCharsets.UTF_8);
                skip(pad(size));
                pax.apply(type, text);
                continue;
            }
            String name = pax.path().orElseGet(() -> ustarName(h));
            String link = pax.linkPath().orElseGet(() -> text(h + 157, 100));
            int mode = (int) number(h + 100, 8);
            long mtime = pax.mtimeMillis().isPresent() ? pax.mtimeMillis().getAsLong() : number(h + 136, 12) * 1000;
            long entrySize = pax.size().orElse(size);
            boolean sparse = pax.sparse();
            start += TarWriter.BLOCK;
            boolean hasContent = type != '1' && type != '2' && type != '5' && type != '3' && type != '4' && type != '6';
            remaining = hasContent ? entrySize : 0;
            padding = hasContent ? pad(entrySize) : 0;
            return Optional.of(new Header(name, type, mode, entrySize, mtime, link, sparse || type == 'S'));
        }
    }

    /** Writes the current entry's content to {@code out}, passing each chunk to {@code observer} first. */
    void copyContent(WritableByteChannel out, ContentObserver observer) throws IOException {
        while (remaining > 0) {
            if (!fill(1)) {
                throw new EOFException("the archive ends inside a file's content");
            }
            int n = (int) Math.min(remaining, end - start);
            observer.accept(buffer, start, n);
            ByteBuffer chunk = ByteBuffer.wrap(buffer, start, n);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
            start += n;
            remaining -= n;
        }
    }

    /** Passes the current entry's content to {@code observer} without writing it anywhere. */
    void readContent(ContentObserver observer) throws IOException {
        while (remaining > 0) {
            if (!fill(1)) {
                throw new EOFException("the archive ends inside a file's content");
            }
            int n = (int) Math.min(remaining, end - start);
            observer.accept(buffer, start, n);
            start += n;
            remaining -= n;
        }
    }

    /** Receives content chunks; the array is only valid during the call. */
    @FunctionalInterface
    interface ContentObserver {
        void accept(byte[] data, int offset, int length) throws IOException;

        ContentObserver NONE = (data, offset, length) -> {
        };
    }

    private static long pad(long size) {
        return (TarWriter.BLOCK - size % TarWriter.BLOCK) % TarWriter.BLOCK;
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (!fill(1)) {
                throw new EOFException("the archive ends inside a file's content");
            }
            int step = (int) Math.min(left, end - start);
            start += step;
            left -= step;
        }
    }

    private byte[] readBytes(int n) throws IOException {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            if (!fill(1)) {
                throw new EOFException("the archive ends inside an extended header");
            }
            int step = Math.min(n - done, end - start);
            System.arraycopy(buffer, start, out, done, step);
            start += step;
            done += step;
        }
        return out;
    }

    /** Makes at least {@code n} bytes available (n at most a block), unless the stream ends first. */
    private boolean fill(int n) throws IOException {
        if (end - start >= n) {
            return true;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < n && !eof) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                eof = true;
            } else {
                end += read;
            }
        }
        return end - start >= n;
    }

    private boolean isZeroBlock(int h) {
        for (int i = h; i < h + TarWriter.BLOCK; i++) {
            if (buffer[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private void verifyChecksum(int h) throws IOException {
        long stored = number(h + 148, 8);
        long unsigned = 0;
        for (int i = h; i < h + TarWriter.BLOCK; i++) {
            unsigned += i >= h + 148 && i < h + 156 ? ' ' : buffer[i] & 0xff;
        }
        if (stored != unsigned) {
            throw new IOException("a tar header fails its checksum");
        }
    }

    private String ustarName(int h) {
        String name = text(h, 100);
        boolean ustar = buffer[h + 257] == 'u' && buffer[h + 258] == 's' && buffer[h + 259] == 't'
                && buffer[h + 260] == 'a' && buffer[h + 261] == 'r';
        String prefix = ustar ? text(h + 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private String text(int at, int length) {
        int n = 0;
        while (n < length && buffer[at + n] != 0) {
            n++;
        }
        return new String(buffer, at, n, StandardCharsets.UTF_8);
    }

    /** Octal, space- or NUL-terminated, or base-256 (high bit set) as GNU and commons-compress write big values. */
    private long number(int at, int length) throws IOException {
        if ((buffer[at] & 0x80) != 0) {
            long v = buffer[at] & 0x7f;
            for (int i = at + 1; i < at + length; i++) {
                v = v << 8 | buffer[i] & 0xff;
            }
            return v;
        }
        long v = 0;
        int i = at;
        while (i < at + length && buffer[i] == ' ') {
            i++;
        }
        for (; i < at + length; i++) {
            byte b = buffer[i];
            if (b == 0 || b == ' ') {
                break;
            }
            if (b < '0' || b > '7') {
                throw new IOException("a tar header has a malformed number");
            }
            v = v << 3 | b - '0';
        }
        return v;
    }
}
