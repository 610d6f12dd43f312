package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a POSIX (pax) tar stream: ustar headers, with a pax extended header only for what ustar cannot hold (names
 * or link targets beyond 100 bytes or not ASCII, sizes of 8 GiB and more). Headers and content go through one large
 * buffer that callers may fill directly ({@link #reserve}), so a file is read straight into the buffer the compressor
 * takes, and per-file costs stay at one header of 512 bytes. Owners are written as 0, as tar archives for other
 * machines usually are.
 */
final class TarWriter {

    static final int BLOCK = 512;
    private static final long MAX_USTAR_SIZE = 077777777777L;

    private final OutputStream out;
    private byte[] buffer;
    private int position;

    /** @param bufferSize bytes handed to {@code out} per write; a multiple of {@value #BLOCK} */
    TarWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    void file(String name, int mode, long size, long mtimeSeconds) throws IOException {
        header(name, '0', 0100000 | mode, size, mtimeSeconds, "");
    }

    void directory(String name, int mode, long mtimeSeconds) throws IOException {
        header(name + "/", '5', 040000 | mode, 0, mtimeSeconds, "");
    }

    void symlink(String name, String target, long mtimeSeconds) throws IOException {
        header(name, '2', 0120777, 0, mtimeSeconds, target);
    }

    /** The buffer (another one after each {@link #reserve}) and the offset at which content bytes may be placed. */
    byte[] buffer() {
        return buffer;
    }

    int offset() {
        return position;
    }

    /** Free room in the buffer, flushing it first when less than {@code wanted} bytes are free. */
    int reserve(int wanted) throws IOException {
        if (buffer.length - position < Math.min(wanted, buffer.length)) {
            flush();
        }
        return buffer.length - position;
    }

    /** Marks {@code n} bytes placed at {@link #offset()} as written. */
    void commit(int n) {
        position += n;
    }

    void write(byte[] data, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, reserve(len));
            System.arraycopy(data, off, buffer, position, n);
            position += n;
            off += n;
            len -= n;
        }
    }

    /** Pads the content of an entry of {@code size} bytes to a whole block. */
    void endEntry(long size) throws IOException {
        int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
        zeros(padding);
    }

    /** Two zero blocks end the archive; flushes everything to {@code out}. */
    void finish() throws IOException {
        zeros(2 * BLOCK);
        flush();
    }

    private void zeros(int n) throws IOException {
        reserve(n);
        Arrays.fill(buffer, position, position + n, (byte) 0);
        position += n;
    }

    /** A stage on another thread takes the buffer itself and gives back an empty one: no copy. */
    private void flush() throws IOException {
        if (position > 0) {
            if (out instanceof WriteBehindOutputStream stage) {
                buffer = stage.exchange(buffer, position);
            } else {
                out.write(buffer, 0, position);
            }
            position = 0;
        }
    }

    private void header(String name, char type, int mode, long size, long mtime, String link) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
        boolean longName = !fitsUstar(nameBytes, name);
        boolean longLink = !fitsUstar(linkBytes, link);
        boolean bigSize = size > MAX_USTAR_SIZE;
        long time = Math.max(0, Math.min(mtime, MAX_USTAR_SIZE));
        if (longName || longLink || bigSize) {
            StringBuilder records = new StringBuilder();
            if (longName) {
                record(records, "path", name);
            }
            if (longLink) {
                record(records, "linkpath", link);
            }
            if (bigSize) {
                record(records, "size", Long.toString(size));
            }
            byte[] pax = records.toString().getBytes(StandardCharsets.UTF_8);
            block(ascii("PaxHeaders/" + Math.abs(name.hashCode())), 'x', 0644, pax.length, time, new byte[0]);
            write(pax, 0, pax.length);
            endEntry(pax.length);
        }
        block(longName ? ascii(name) : nameBytes, type, mode, bigSize ? 0 : size, time, longLink ? ascii(link) : linkBytes);
    }

    private static boolean fitsUstar(byte[] bytes, String text) {
        return bytes.length <= 100 && bytes.length == text.length();
    }

    /** A stand-in for ustar's fields when the real value is in the pax header: ASCII, at most 100 bytes. */
    private static byte[] ascii(String text) {
        byte[] bytes = text.replaceAll("[^\\x20-\\x7e]", "_").getBytes(StandardCharsets.US_ASCII);
        return bytes.length <= 100 ? bytes : Arrays.copyOfRange(bytes, bytes.length - 100, bytes.length);
    }

    /** {@code "<length> key=value\n"}, where the length counts the whole record, its own digits included. */
    private static void record(StringBuilder records, String key, String value) {
        int body = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length + 3;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
        }
        records.append(length).append(' ').append(key).append('=').append(value).append('\n');
    }

    private void block(byte[] name, char type, int mode, long size, long mtime, byte[] link) throws IOException {
        reserve(BLOCK);
        int h = position;
        Arrays.fill(buffer, h, h + BLOCK, (byte) 0);
        System.arraycopy(name, 0, buffer, h, name.length);
        octal(h + 100, 8, mode & 07777777);
        octal(h + 108, 8, 0);
        octal(h + 116, 8, 0);
        octal(h + 124, 12, size);
        octal(h + 136, 12, mtime);
        buffer[h + 156] = (byte) type;
        System.arraycopy(link, 0, buffer, h + 157, link.length);
        System.arraycopy(USTAR_MAGIC, 0, buffer, h + 257, USTAR_MAGIC.length);
        Arrays.fill(buffer, h + 148, h + 156, (byte) ' ');
        long sum = 0;
        for (int i = h; i < h + BLOCK; i++) {
            sum += buffer[i] & 0xff;
        }
        octal(h + 148, 7, sum);
        buffer[h + 155] = ' ';
        position += BLOCK;
    }

    private static final byte[] USTAR_MAGIC = { 'u', 's', 't', 'a', 'r', 0, '0', '0' };

    /** {@code width - 1} octal digits, zero-padded, then NUL. */
    private void octal(int at, int width, long value) {
        long v = value;
        for (int i = at + width - 2; i >= at; i--) {
            buffer[i] = (byte) ('0' + (v & 7));
            v >>>= 3;
        }
        buffer[at + width - 1] = 0;
    }
}
