package io.github.recoveryaction.classify;

/**
 * Byte-order marks where a line's text starts: the UTF-8 BOM every step file of a run-logs archive begins with (and
 * that {@code gh run view} leaves after its columns), the same mark mangled by a Latin-1 round trip ({@code ï»¿})
 * and written out as the escape {@code \\uFEFF}. Left in place they hide the timestamp and the gh columns.
 */
final class ByteOrderMarks {

    private static final byte[] UTF8 = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final byte[] MANGLED = { (byte) 0xC3, (byte) 0xAF, (byte) 0xC2, (byte) 0xBB, (byte) 0xC2,
            (byte) 0xBF };
    private static final byte[] ESCAPED = { '\\', 'u', 'F', 'E', 'F', 'F' };
    private static final byte[] ESCAPED_LOWER = { '\\', 'u', 'f', 'e', 'f', 'f' };

    private ByteOrderMarks() {
    }

    /** The length of the marks at {@code from} (several may follow each other), 0 when there is none. */
    static int length(byte[] buf, int from, int to) {
        int i = from;
        while (i < to) {
            byte b = buf[i];
            if (b == (byte) 0xEF && RunnerMarkers.startsWith(buf, i, to, UTF8)) {
                i += UTF8.length;
            } else if (b == (byte) 0xC3 && RunnerMarkers.startsWith(buf, i, to, MANGLED)) {
                i += MANGLED.length;
            } else if (b == '\\' && (RunnerMarkers.startsWith(buf, i, to, ESCAPED)
                    || RunnerMarkers.startsWith(buf, i, to, ESCAPED_LOWER))) {
                i += ESCAPED.length;
            } else {
                break;
            }
        }
        return i - from;
    }
}
