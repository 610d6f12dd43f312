package io.github.recoveryaction.classify;

import java.util.Arrays;

/**
 * The {@code gh run view --log[-failed]} form: {@code job<TAB>step<TAB>timestamp text}. Detected on the first
 * line; the job column separates jobs, the step column is ignored in favour of the {@code ##[group]Run} headers.
 */
final class GhColumns {

    private GhColumns() {
    }

    static boolean detect(byte[] buf, int from, int to) {
        int content = contentStart(buf, from, to);
        if (content == from) {
            return false;
        }
        if (to - content >= 3 && buf[content] == (byte) 0xEF) {
            content += 3;
        }
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

    static byte[] job(byte[] buf, int from, int to) {
        int i = from;
        while (i < to && buf[i] != '\t') {
            i++;
        }
        return Arrays.copyOfRange(buf, from, i);
    }
}
