package io.github.recoveryaction.classify;

/**
 * Byte-order marks where a line's text starts: the UTF-8 BOM every step file of a run-logs archive begins with (and
 * that {@code gh run view} leaves after its columns), the same mark mangled by a Latin-1 round trip ({@code ï»¿}),
 * by a CP437 console ({@code ∩╗┐}, what a Windows runner's default code page makes of it), written
 * out as the escape {@code \\uFEFF}, or replaced by question marks by an ASCII round trip; the question marks count
 * only before a runner timestamp, marker or gh columns, where a log line never starts with them. Left in place these marks hide
 * the timestamp and the gh columns.
 */
final class ByteOrderMarks {

    private static final byte[] UTF8 = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final byte[] MANGLED = { (byte) 0xC3, (byte) 0xAF, (byte) 0xC2, (byte) 0xBB, (byte) 0xC2,
            (byte) 0xBF };
    /** "∩╗┐" in UTF-8: the three BOM bytes read as CP437. */
    private static final byte[] CP437 = { (byte) 0xE2, (byte) 0x88, (byte) 0xA9, (byte) 0xE2, (byte) 0x95, (byte) 0x97,
            (byte) 0xE2, (byte) 0x94, (byte) 0x90 };
    private static final int MAX_QUESTION_MARKS = 3;
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
            } else if (b == (byte) 0xE2 && RunnerMarkers.startsWith(buf, i, to, CP437)) {
                i += CP437.length;
            } else if (b == '?') {
                int marks = questionMarks(buf, i, to);
                if (marks == 0) {
                    break;
                }
                i += marks;
            } else if (b == '\\' && (RunnerMarkers.startsWith(buf, i, to, ESCAPED)
                    || RunnerMarkers.startsWith(buf, i, to, ESCAPED_LOWER))) {
                i += ESCAPED.length;
            } else {
                break;
            }
        }
        return i - from;
    }

    /** The question marks at {@code from} standing for a lost mark: 1 to 3 before a timestamp, marker or gh columns. */
    private static int questionMarks(byte[] buf, int from, int to) {
        int i = from;
        while (i < to && buf[i] == '?' && i - from < MAX_QUESTION_MARKS) {
            i++;
        }
        boolean before = RunnerMarkers.timestampLength(buf, i, to) > 0
                || RunnerMarkers.startsWith(buf, i, to, RunnerMarkers.MARKER) || GhColumns.detect(buf, i, to);
        return before ? i - from : 0;
    }
}
