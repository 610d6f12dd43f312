package io.github.recoveryaction.classify.log;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines without decoding it, in constant memory: lines are handed out as slices of a
 * reused buffer, trailing CR removed, and lines longer than {@link #MAX_LINE} are cut (the rest is skipped) so
 * that a log with megabyte lines streams like any other. A stream without any LF but with CRs is split on CR.
 */
public final class LineReader {

    /** Longest line kept, in bytes; longer lines keep their start. */
    public static final int MAX_LINE = 64 * 1024;
    private static final int CHUNK = 1 << 20;
    /** Bytes without any LF but with a CR after which the input is taken to use old Mac (CR) line ends. */
    private static final int CR_ONLY_EVIDENCE = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Receives each line as {@code buf[from, to)}; the slice is only valid during the call. */
    @FunctionalInterface
    public interface Sink {
        void line(byte[] buf, int from, int to, long number);
    }

    private LineReader() {
    }

    /** Reads {@code in} to its end; returns the number of lines. */
    public static long read(InputStream in, Sink sink) throws IOException {
        byte[] buf = new byte[CHUNK + MAX_LINE];
        int start = 0;
        int end = 0;
        long number = 0;
        boolean skipping = false;
        boolean crOnly = false;
        boolean sawLf = false;
        int n;
        while ((n = in.read(buf, end, buf.length - end)) >= 0) {
            int pos = end;
            end += n;
            if (!sawLf && !crOnly) {
                sawLf = indexOfNewline(buf, pos, end) >= 0;
                if (!sawLf && end - start >= CR_ONLY_EVIDENCE && indexOf(buf, (byte) '\r', start, end) >= 0) {
                    crOnly = true;
                    pos = start;
                }
            }
            int sep;
            while ((sep = crOnly ? indexOf(buf, (byte) '\r', pos, end) : indexOfNewline(buf, pos, end)) >= 0) {
                if (skipping) {
                    skipping = false;
                } else {
                    sink.line(buf, start, trimCr(buf, start, sep), ++number);
                }
                start = sep + 1;
                pos = start;
            }
            if (end - start >= MAX_LINE) {
                if (!skipping) {
                    sink.line(buf, start, start + MAX_LINE, ++number);
                    skipping = true;
                }
                start = end;
            }
            if (end + MAX_LINE > buf.length) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
        }
        if (end > start && !skipping) {
            sink.line(buf, start, trimCr(buf, start, end), ++number);
        }
        return number;
    }

    private static int trimCr(byte[] buf, int from, int to) {
        return to > from && buf[to - 1] == '\r' ? to - 1 : to;
    }

    private static int indexOf(byte[] buf, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Word-at-a-time search for LF: eight bytes per step, the hot loop of every scan. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
