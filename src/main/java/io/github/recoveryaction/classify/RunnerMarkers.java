package io.github.recoveryaction.classify;

import java.nio.charset.StandardCharsets;

/**
 * The runner's own log protocol (github-runtime.md §4.2): step headers, error lines, the start of post-job
 * cleanup, and the messages with which the runner ends a step. This is the log format, not failure knowledge —
 * what a message means is decided by the rules.
 */
final class RunnerMarkers {

    static final byte[] MARKER = ascii("##[");
    static final byte[] GROUP_RUN = ascii("##[group]Run ");
    static final byte[] ERROR = ascii("##[error]");
    static final byte[] DEBUG = ascii("##[debug]");
    static final byte[] END_GROUP = ascii("##[endgroup]");
    static final byte[] POST_JOB = ascii("Post job cleanup.");
    static final byte[] ORPHANS = ascii("Cleaning up orphan processes");
    static final byte[] EXIT_CODE = ascii("Process completed with exit code ");
    static final byte[] PASTED_EXIT_CODE = ascii("Error: Process completed with exit code ");

    /** Error lines with which the runner ends a step (besides the exit code line). */
    static final byte[][] STEP_ENDINGS = {
            ascii("has timed out after"),
            ascii("has exceeded the maximum execution time"),
            ascii("The operation was canceled"),
            ascii("received a shutdown signal"),
            ascii("lost communication with the server"),
            ascii("Docker run failed with exit code"),
            ascii("Unable to resolve action"),
            ascii("An action could not be found"),
            ascii("Failed to resolve action download info"),
            ascii("Can't find 'action.yml'"),
            ascii("Executing the custom container implementation failed"),
            ascii("Container action is only supported on Linux") };

    /** Lines of the job's set-up preamble, printed before any step: they show that a log holds a whole job. */
    static final byte[][] JOB_START = {
            ascii("Current runner version:"),
            ascii("Runner name:"),
            ascii("Requested labels:"),
            ascii("Job defined at:"),
            ascii("Prepare workflow directory"),
            ascii("Prepare all required actions"),
            ascii("Complete job name:"),
            ascii("##[group]Operating System"),
            ascii("##[group]Runner Image"),
            ascii("##[group]Virtual Environment"),
            ascii("##[group]GITHUB_TOKEN Permissions") };

    private RunnerMarkers() {
    }

    static boolean startsWith(byte[] buf, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(byte[] buf, int from, int to, byte[] needle) {
        int last = to - needle.length;
        byte first = needle[0];
        for (int i = from; i <= last; i++) {
            if (buf[i] == first && startsWith(buf, i, to, needle)) {
                return true;
            }
        }
        return false;
    }

    static boolean startsJob(byte[] buf, int from, int to) {
        for (byte[] start : JOB_START) {
            if (startsWith(buf, from, to, start)) {
                return true;
            }
        }
        return false;
    }

    static boolean endsStep(byte[] buf, int from, int to) {
        for (byte[] ending : STEP_ENDINGS) {
            if (contains(buf, from, to, ending)) {
                return true;
            }
        }
        return false;
    }

    /** Length of the runner's timestamp prefix ({@code 2026-11-26T07:21:07.1234567Z }) at {@code from}, or 0. */
    static int timestampLength(byte[] buf, int from, int to) {
        if (to - from < 21 || buf[from + 4] != '-' || buf[from + 7] != '-' || buf[from + 10] != 'T'
                || buf[from + 13] != ':' || !digit(buf[from]) || !digit(buf[from + 3])) {
            return 0;
        }
        int limit = Math.min(to, from + 36);
        for (int i = from + 19; i < limit; i++) {
            if (buf[i] == 'Z') {
                return i + 1 == to ? i + 1 - from : buf[i + 1] == ' ' ? i + 2 - from : 0;
            }
            if (buf[i] != '.' && !digit(buf[i])) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
