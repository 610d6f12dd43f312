package io.github.recoveryaction.classify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

import io.github.recoveryaction.classify.log.JobLog;
import io.github.recoveryaction.classify.log.LineReader;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.log.TextCleaner;

/**
 * The lines a passing run of the same job printed, as a compact multiset of 64-bit hashes of their normalised form
 * ({@link LineNormalizer}) with how often each occurred: a baseline costs at most 24 bytes per distinct line, never
 * the log itself. The classifier asks it which lines of a failing step are new; a line the passing run printed twice
 * is new the third time (a retry that gave up where the passing run's recovered).
 */
public final class KnownLines {

    /** Distinct lines kept at most (12 MiB of table); a larger baseline keeps its first lines. */
    public static final int MAX_LINES = 1 << 19;

    public static final KnownLines NONE = new KnownLines("", Optional.empty(), new long[1], new int[1], 0, false);

    private final String source;
    private final Optional<URI> link;
    private final long[] table;
    private final int[] counts;
    private final int size;
    private final boolean truncated;

    private KnownLines(String source, Optional<URI> link, long[] table, int[] counts, int size, boolean truncated) {
        this.source = source;
        this.link = link;
        this.table = table;
        this.counts = counts;
        this.size = size;
        this.truncated = truncated;
    }

    /**
     * Reads every job of {@code log} (job logs with or without timestamps, {@code gh} output, run-logs archives).
     *
     * @param source how reports name the baseline, e.g. "run 41 (main)" or a file name
     * @param link where the passing run's log is, for the report
     * @throws io.github.recoveryaction.InvalidInputException when the log cannot be read
     */
    public static KnownLines read(LogInput log, String source, Optional<URI> link) {
        Builder builder = new Builder();
        for (JobLog job : log.jobs()) {
            try (InputStream in = job.opener().open()) {
                LineReader.read(in, builder);
            } catch (IOException e) {
                throw LogInput.unreadable(log.name(), e);
            }
        }
        return new KnownLines(source, link, builder.table, builder.counts, builder.size, builder.truncated);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Distinct normalised lines. */
    public int size() {
        return size;
    }

    /** True when the baseline had more than {@link #MAX_LINES} distinct lines and only the first were kept. */
    public boolean truncated() {
        return truncated;
    }

    public String source() {
        return source;
    }

    public Optional<URI> link() {
        return link;
    }

    /** How often the passing run printed a line whose normalised form hashes to {@code hash}. */
    public int count(long hash) {
        if (size == 0) {
            return 0;
        }
        long h = nonZero(hash);
        int mask = table.length - 1;
        for (int i = (int) h & mask;; i = (i + 1) & mask) {
            if (table[i] == h) {
                return counts[i];
            }
            if (table[i] == 0) {
                return 0;
            }
        }
    }

    private static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }

    /** Strips the runner's prefixes as the classifier does, then hashes each non-blank line into an open table. */
    private static final class Builder implements LineReader.Sink {
        private final LineNormalizer normalizer = new LineNormalizer();
        private long[] table = new long[1 << 12];
        private int[] counts = new int[1 << 12];
        private int size;
        private boolean truncated;
        private boolean formatKnown;
        private boolean ghColumns;

        @Override
        public void line(byte[] buf, int from, int to, long number) {
            int s = from;
            if (!formatKnown) {
                formatKnown = true;
                ghColumns = GhColumns.detect(buf, from, to);
            }
            if (ghColumns) {
                s = GhColumns.contentStart(buf, from, to);
            }
            if (to - s >= 3 && buf[s] == (byte) 0xEF && buf[s + 1] == (byte) 0xBB && buf[s + 2] == (byte) 0xBF) {
                s += 3;
            }
            s += RunnerMarkers.timestampLength(buf, s, to);
            if (s >= to) {
                return;
            }
            String text = OutputPrefix.strip(TextCleaner.clean(buf, s, Math.min(to, s + StepAnalyzer.MAX_MATCH_CHARS)));
            if (!text.isBlank()) {
                add(nonZero(normalizer.hash(text)));
            }
        }

        private void add(long h) {
            if (size * 2 >= table.length) {
                grow();
            }
            int mask = table.length - 1;
            for (int i = (int) h & mask;; i = (i + 1) & mask) {
                if (table[i] == h) {
                    counts[i] += counts[i] < Integer.MAX_VALUE ? 1 : 0;
                    return;
                }
                if (table[i] == 0) {
                    if (size >= MAX_LINES) {
                        truncated = true;
                        return;
                    }
                    table[i] = h;
                    counts[i] = 1;
                    size++;
                    return;
                }
            }
        }

        private void grow() {
            if (table.length >= 2 * MAX_LINES) {
                return;
            }
            long[] old = table;
            int[] oldCounts = counts;
            table = new long[old.length * 2];
            counts = new int[table.length];
            int mask = table.length - 1;
            for (int k = 0; k < old.length; k++) {
                if (old[k] != 0) {
                    int i = (int) old[k] & mask;
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = old[k];
                    counts[i] = oldCounts[k];
                }
            }
        }
    }
}
