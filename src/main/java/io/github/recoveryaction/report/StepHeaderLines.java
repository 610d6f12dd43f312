package io.github.recoveryaction.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import io.github.recoveryaction.classify.log.LineReader;

/**
 * Finds the line where a step starts in a plain job log, for links into GitHub's log viewer (see {@link LogLinks}).
 * Splits lines and counts {@code ##[group]Run} headers exactly as the classifier does, so that its evidence line
 * numbers and these agree; reads the file once in constant memory.
 */
public final class StepHeaderLines {

    private static final Pattern HEADER = Pattern.compile(
            "^(?:\\xEF\\xBB\\xBF)?(?:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z )?##\\[group]Run ");
    private static final byte[] MARK = "##[group]Run ".getBytes(StandardCharsets.US_ASCII);

    private StepHeaderLines() {
    }

    /** The 1-based line of step {@code number}'s header; empty for zips, folders, unreadable files or no such step. */
    public static OptionalLong find(Path log, int number) {
        if (number < 1 || !Files.isRegularFile(log) || log.toString().endsWith(".zip")) {
            return OptionalLong.empty();
        }
        long[] found = { -1 };
        int[] seen = { 0 };
        try (InputStream in = Files.newInputStream(log)) {
            LineReader.read(in, (buf, from, to, line) -> {
                if (found[0] < 0 && to - from >= MARK.length && contains(buf, from, Math.min(to, from + 64))
                        && HEADER.matcher(new String(buf, from, Math.min(to - from, 64), StandardCharsets.ISO_8859_1))
                                .find()
                        && ++seen[0] == number) {
                    found[0] = line;
                }
            });
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return found[0] > 0 ? OptionalLong.of(found[0]) : OptionalLong.empty();
    }

    private static boolean contains(byte[] buf, int from, int to) {
        outer: for (int i = from; i + MARK.length <= to; i++) {
            for (int j = 0; j < MARK.length; j++) {
                if (buf[i + j] != MARK[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
