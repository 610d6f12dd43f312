package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The values extended headers give the next entry of a tar stream: pax records ({@code x}) and GNU long names and
 * link targets ({@code L}, {@code K}). They win over the ustar header's fields; sparse-file keys are only noted, so
 * that such an entry can be refused.
 */
final class PaxHeaders {

    private Optional<String> path = Optional.empty();
    private Optional<String> linkPath = Optional.empty();
    private OptionalLong size = OptionalLong.empty();
    private OptionalLong mtimeMillis = OptionalLong.empty();
    private boolean sparse;

    /** Applies the content of an extended header of tar type {@code type} ({@code x}, {@code L} or {@code K}). */
    void apply(char type, String text) throws IOException {
        if (type == 'L') {
            path = Optional.of(stripNul(text));
        } else if (type == 'K') {
            linkPath = Optional.of(stripNul(text));
        } else {
            for (String[] kv : records(text)) {
                switch (kv[0]) {
                    case "path" -> path = Optional.of(kv[1]);
                    case "linkpath" -> linkPath = Optional.of(kv[1]);
                    case "size" -> size = OptionalLong.of(parseLong(kv[1]));
                    case "mtime" -> mtimeMillis = OptionalLong.of(parseMillis(kv[1]));
                    default -> sparse |= kv[0].startsWith("GNU.sparse.");
                }
            }
        }
    }

    Optional<String> path() {
        return path;
    }

    Optional<String> linkPath() {
        return linkPath;
    }

    OptionalLong size() {
        return size;
    }

    OptionalLong mtimeMillis() {
        return mtimeMillis;
    }

    boolean sparse() {
        return sparse;
    }

    /** pax times are decimal seconds with an optional fraction. */
    private static long parseMillis(String text) throws IOException {
        try {
            return new BigDecimal(text.trim()).movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IOException("an extended header has a malformed time '" + text + "'");
        }
    }

    private static String stripNul(String text) {
        int nul = text.indexOf('\0');
        return nul >= 0 ? text.substring(0, nul) : text;
    }

    private static long parseLong(String text) throws IOException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IOException("an extended header has a malformed size '" + text + "'");
        }
    }

    private static List<String[]> records(String text) throws IOException {
        List<String[]> records = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int space = i;
            while (space < bytes.length && bytes[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(bytes, i, space - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("an extended header has a malformed record");
            }
            if (length <= space - i || i + length > bytes.length || bytes[i + length - 1] != '\n') {
                throw new IOException("an extended header has a malformed record");
            }
            String record = new String(bytes, space + 1, i + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq < 0) {
                throw new IOException("an extended header has a malformed record");
            }
            records.add(new String[] { record.substring(0, eq), record.substring(eq + 1) });
            i += length;
        }
        return records;
    }
}
