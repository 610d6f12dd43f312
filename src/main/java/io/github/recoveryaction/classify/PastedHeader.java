package io.github.recoveryaction.classify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.recoveryaction.classify.log.TextCleaner;

/**
 * Recognises step headers in a log copied from GitHub's web UI, where the runner's {@code ##[group]Run} marker is
 * gone and a step reads {@code Run <command>} followed by the header's echo of the script and inputs (indented, or
 * {@code shell:} / {@code with:} / {@code env:} lines). A {@code Run ...} line in the middle of output is a header
 * only when that echo follows, so "Run `npm audit fix` to fix them" stays output; the first line of a paste is a
 * header on its own, since a paste opens where the reader started copying. When that first header has no echo, the
 * copy was taken with the steps collapsed (a composite action's inner steps show just {@code Run <name>} lines, each
 * followed by its output), so every later {@code Run ...} header-like line opens a step too.
 */
final class PastedHeader {

    private static final byte[] RUN = "Run ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEBUG = "##[debug]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] COLLAPSED = { "> ".getBytes(StandardCharsets.UTF_8), "▶ ".getBytes(StandardCharsets.UTF_8),
            "► ".getBytes(StandardCharsets.UTF_8), "▸ ".getBytes(StandardCharsets.UTF_8),
            "▼ ".getBytes(StandardCharsets.UTF_8), "▾ ".getBytes(StandardCharsets.UTF_8) };
    private static final byte[][] ADVICE = { "with ".getBytes(StandardCharsets.US_ASCII),
            "the ".getBytes(StandardCharsets.US_ASCII), "again".getBytes(StandardCharsets.US_ASCII) };
    private static final byte[][] ECHO_KEYS = { "shell:".getBytes(StandardCharsets.US_ASCII),
            "with:".getBytes(StandardCharsets.US_ASCII), "env:".getBytes(StandardCharsets.US_ASCII) };

    enum Decision {
        /** An ordinary output line. */
        OUTPUT,
        /** A header on its own (the first line of the paste, or any in a copy with collapsed steps): start a step. */
        OPEN,
        /** The held {@code Run} line was a header: start a step with its name, drop this echo line. */
        CONFIRM,
        /** Hold this {@code Run} line until the next line says what it is. */
        HOLD,
        /** The held line was output: append it, clear it, and ask again about this line. */
        FLUSH,
        /** A line of the header's echo: not output of the step. */
        ECHO
    }

    private boolean seenContent;
    private boolean inEcho;
    private boolean awaitingFirstEcho;
    private boolean collapsed;
    private byte[] pending;
    private long pendingNumber;

    Decision line(byte[] buf, int from, int to, long number) {
        // a copy from the web UI's log viewer may put each line's number on a line of its own
        boolean lineNumber = isLineNumber(buf, from, to);
        if (lineNumber && (inEcho || pending != null)) {
            return Decision.ECHO;
        }
        boolean blank = lineNumber || isBlank(buf, from, to);
        // with step debug logging on, the runner's "##[debug]/usr/bin/bash -e …sh" follows a header and its echo
        boolean debug = RunnerMarkers.startsWith(buf, from, to, DEBUG);
        if (awaitingFirstEcho && !blank) {
            awaitingFirstEcho = false;
            collapsed = !isEcho(buf, from, to, debug);
        }
        if (inEcho) {
            if (!blank && isEcho(buf, from, to, debug)) {
                return Decision.ECHO;
            }
            inEcho = false;
        }
        if (pending != null) {
            if (!blank && isEcho(buf, from, to, debug)) {
                inEcho = true;
                return Decision.CONFIRM;
            }
            return Decision.FLUSH;
        }
        if (isRun(buf, from, to)) {
            if (!seenContent || collapsed) {
                awaitingFirstEcho = !seenContent;
                seenContent = true;
                inEcho = true;
                return Decision.OPEN;
            }
            hold(buf, from, to, number);
            return Decision.HOLD;
        }
        seenContent |= !blank;
        return Decision.OUTPUT;
    }

    String name(byte[] buf, int from, int to) {
        return TextCleaner.clean(buf, from + runOffset(buf, from, to) + RUN.length, to).strip();
    }

    String pendingName() {
        return name(pending, 0, pending.length);
    }

    /** The held line (to append as output), or null; a copy, since the reader's buffer moves on. */
    byte[] pendingLine() {
        return pending;
    }

    long pendingNumber() {
        return pendingNumber;
    }

    void clear() {
        pending = null;
    }

    /** A new job starts. */
    void reset() {
        seenContent = false;
        inEcho = false;
        awaitingFirstEcho = false;
        collapsed = false;
        pending = null;
    }

    private void hold(byte[] buf, int from, int to, long number) {
        pending = Arrays.copyOfRange(buf, from, to);
        pendingNumber = number;
    }

    /**
     * {@code Run <command>}, also behind the {@code > } or {@code ▶ } that marks a collapsed group in some copies. Advice
     * in tools' output is no header: a first word ending in ':' ("Run options: --seed 4", minitest's first line),
     * "Run with --stacktrace ..." (Gradle), "Run the ..." or a quoted command ("Run `npm audit fix` to ...").
     */
    private static boolean isRun(byte[] buf, int from, int to) {
        int at = from + runOffset(buf, from, to);
        if (to - at <= RUN.length || !RunnerMarkers.startsWith(buf, at, to, RUN) || buf[at + RUN.length] == ' '
                || buf[at + RUN.length] == '`' || buf[at + RUN.length] == '\'') {
            return false;
        }
        for (byte[] word : ADVICE) {
            if (RunnerMarkers.startsWith(buf, at + RUN.length, to, word)) {
                return false;
            }
        }
        for (int i = at + RUN.length; i < to && buf[i] != ' '; i++) {
            if (buf[i] == ':' && (i + 1 == to || buf[i + 1] == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static int runOffset(byte[] buf, int from, int to) {
        for (byte[] marker : COLLAPSED) {
            if (RunnerMarkers.startsWith(buf, from, to, marker)) {
                return marker.length;
            }
        }
        return 0;
    }

    /** A line of a header's echo: the script indented, an input key, or the runner's debug line of the shell. */
    private static boolean isEcho(byte[] buf, int from, int to, boolean debug) {
        return debug || isIndented(buf, from, to) || isEchoKey(buf, from, to);
    }

    private static boolean isIndented(byte[] buf, int from, int to) {
        return from < to && (buf[from] == ' ' || buf[from] == '\t');
    }

    private static boolean isEchoKey(byte[] buf, int from, int to) {
        for (byte[] key : ECHO_KEYS) {
            if (RunnerMarkers.startsWith(buf, from, to, key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLineNumber(byte[] buf, int from, int to) {
        if (to - from > 7 || to == from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if ((buf[i] < '0' || buf[i] > '9') && buf[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
