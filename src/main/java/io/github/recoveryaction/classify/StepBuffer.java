package io.github.recoveryaction.classify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.recoveryaction.classify.rules.RuleSet;

/**
 * The lines of one step, kept raw (undecoded) in bounded memory until the step turns out to matter. When a step
 * outgrows {@link #MAX_BYTES} or {@link #MAX_LINES}, its oldest half is dropped except for lines containing a
 * literal some rule needs ("hot" lines, themselves bounded), so a gigabyte step costs megabytes and keeps both its
 * early errors and its tail.
 */
final class StepBuffer {

    static final int MAX_BYTES = 8 << 20;
    static final int MAX_LINES = 100_000;
    static final int MAX_HOT_BYTES = 2 << 20;
    static final int MAX_HOT_LINES = 5_000;

    private final Lines tail = new Lines(1 << 16, 1024);
    private final Lines hot = new Lines(0, 0);
    private final byte[] firstTimestamp = new byte[40];
    private final byte[] lastTimestamp = new byte[40];
    private int firstTimestampLength;
    private int lastTimestampLength;
    private long droppedLines;

    int number;
    String name;
    /** The gh step column of the step's header, when the log has one. */
    String displayName;
    boolean post;
    boolean errorSeen;
    boolean terminal;
    int exitCode = -1;
    long exitCodeLine;

    void reset(int number, String name, boolean post) {
        this.number = number;
        this.name = name;
        this.displayName = null;
        this.post = post;
        errorSeen = false;
        terminal = false;
        exitCode = -1;
        exitCodeLine = 0;
        tail.clear();
        hot.clear();
        firstTimestampLength = 0;
        lastTimestampLength = 0;
        droppedLines = 0;
    }

    void append(byte[] buf, int from, int to, long lineNumber, RuleSet rules) {
        if (tail.count >= MAX_LINES || tail.size + (to - from) > MAX_BYTES) {
            evictOldestHalf(rules);
        }
        tail.add(buf, from, to, lineNumber);
    }

    void timestamp(byte[] buf, int from, int to) {
        int length = Math.min(to - from, firstTimestamp.length);
        if (firstTimestampLength == 0) {
            System.arraycopy(buf, from, firstTimestamp, 0, length);
            firstTimestampLength = length;
        }
        System.arraycopy(buf, from, lastTimestamp, 0, length);
        lastTimestampLength = length;
    }

    String firstTimestamp() {
        return new String(firstTimestamp, 0, firstTimestampLength, StandardCharsets.ISO_8859_1);
    }

    String lastTimestamp() {
        return new String(lastTimestamp, 0, lastTimestampLength, StandardCharsets.ISO_8859_1);
    }

    /** Forgets the lines kept so far (the step header), keeping the step's identity and timestamps. */
    void dropLines() {
        tail.clear();
        hot.clear();
    }

    boolean isEmpty() {
        return tail.count == 0 && hot.count == 0;
    }

    long droppedLines() {
        return droppedLines;
    }

    /** Visits the kept lines in input order: hot lines of the dropped part first, then the tail. */
    void forEach(LineVisitor visitor) {
        hot.forEach(visitor);
        tail.forEach(visitor);
    }

    @FunctionalInterface
    interface LineVisitor {
        void line(byte[] buf, int from, int to, long number);
    }

    private void evictOldestHalf(RuleSet rules) {
        int half = Math.max(1, tail.count / 2);
        for (int i = 0; i < half; i++) {
            int from = tail.starts[i];
            int to = tail.starts[i + 1];
            if (hot.count < MAX_HOT_LINES && hot.size + (to - from) <= MAX_HOT_BYTES
                    && rules.mayMatter(tail.bytes, from, to)) {
                hot.add(tail.bytes, from, to, tail.numbers[i]);
            } else {
                droppedLines++;
            }
        }
        tail.dropFirst(half);
    }

    /** A packed list of lines: one byte array, start offsets and line numbers. */
    private static final class Lines {
        byte[] bytes;
        int[] starts;
        long[] numbers;
        int count;
        int size;

        Lines(int initialBytes, int initialLines) {
            bytes = new byte[initialBytes];
            starts = new int[initialLines + 1];
            numbers = new long[initialLines];
        }

        void add(byte[] buf, int from, int to, long number) {
            int length = to - from;
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length + 1024));
            }
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, Math.max(16, starts.length * 2));
                numbers = Arrays.copyOf(numbers, starts.length);
            }
            System.arraycopy(buf, from, bytes, size, length);
            starts[count] = size;
            numbers[count] = number;
            size += length;
            count++;
            starts[count] = size;
        }

        void dropFirst(int n) {
            int offset = starts[n];
            System.arraycopy(bytes, offset, bytes, 0, size - offset);
            for (int i = n; i <= count; i++) {
                starts[i - n] = starts[i] - offset;
            }
            System.arraycopy(numbers, n, numbers, 0, count - n);
            count -= n;
            size -= offset;
        }

        void clear() {
            count = 0;
            size = 0;
            if (bytes.length > (1 << 20)) {
                bytes = new byte[1 << 16];
                starts = new int[1025];
                numbers = new long[1024];
            }
        }

        void forEach(LineVisitor visitor) {
            for (int i = 0; i < count; i++) {
                visitor.line(bytes, starts[i], starts[i + 1], numbers[i]);
            }
        }
    }
}
