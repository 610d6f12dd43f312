package io.github.recoveryaction.classify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code gh run view --log[-failed]} form: {@code job<TAB>step<TAB>timestamp text}. Detected on the first
 * line; the job column separates jobs, the step column is the step's display name (the one GitHub shows) beside
 * the contract's {@code ##[group]Run} name. {@code gh} writes {@code UNKNOWN STEP} where it could not tell.
 */
final class GhColumns {

    static final byte[] SET_UP_JOB = "Set up job".getBytes(StandardCharsets.US_ASCII);
    private static final String UNKNOWN_STEP = "UNKNOWN STEP";

    private GhColumns() {
    }

    static boolean detect(byte[] buf, int from, int to) {
        int content = contentStart(buf, from, to);
        if (content == from) {
            return false;
        }
        content += ByteOrderMarks.length(buf, content, to);
        return RunnerMarkers.timestampLength(buf, content, to) > 0;
    }

    /** Index after the second tab, or {@code from} when the line has fewer than two tabs. */
    static int contentStart(byte[] buf, int from, int to) {
        int tabs = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\t' && ++tabs == 2) {
                return i + 1;
            }
        }
        return from;
    }

    static boolean sameJob(byte[] buf, int from, int to, byte[] job) {
        int end = from + job.length;
        return end < to && buf[end] == '\t' && Arrays.equals(buf, from, end, job, 0, job.length);
    }

    /** The step column, or null when gh did not know the step. */
    static String step(byte[] buf, int from, int to) {
        int first = indexOfTab(buf, from, to);
        int second = first < 0 ? -1 : indexOfTab(buf, first + 1, to);
        if (second < 0) {
            return null;
        }
        String name = new String(buf, first + 1, second - first - 1, StandardCharsets.UTF_8).strip();
        return name.isEmpty() || name.equals(UNKNOWN_STEP) ? null : name;
    }

    static boolean stepIs(byte[] buf, int from, int to, byte[] name) {
        int first = indexOfTab(buf, from, to);
        int end = first + 1 + name.length;
        return first >= 0 && end < to && buf[end] == '\t' && RunnerMarkers.startsWith(buf, first + 1, to, name);
    }

    private static int indexOfTab(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\t') {
                return i;
            }
        }
        return -1;
    }

    static byte[] job(byte[] buf, int from, int to) {
        int i = from;
        while (i < to && buf[i] != '\t') {
            i++;
        }
        return Arrays.copyOfRange(buf, from, i);
    }
}
