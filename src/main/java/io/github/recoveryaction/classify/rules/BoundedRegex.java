package io.github.recoveryaction.classify.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled rule pattern that cannot hang a run: the text it scans counts character reads and gives up once the
 * time budget is spent, so even a catastrophically backtracking pattern costs at most its budget per line.
 * It also knows the literals one of which every match must contain, so that lines are only tried when they could
 * match.
 */
public final class BoundedRegex {

    /** Thrown out of the regex engine when the budget is spent. */
    public static final class TimeLimitExceeded extends RuntimeException {
        public TimeLimitExceeded() {
            super(null, null, false, false);
        }
    }

    private final String source;
    private final Pattern pattern;
    private final List<String> requiredLiterals;
    private final List<Capture> captures;

    BoundedRegex(String source, Pattern pattern, List<String> requiredLiterals, List<Capture> captures) {
        this.source = source;
        this.pattern = pattern;
        this.requiredLiterals = List.copyOf(requiredLiterals);
        this.captures = List.copyOf(captures);
    }

    public String source() {
        return source;
    }

    /** Lower-case literals one of which occurs in every match; empty when none could be derived. */
    public List<String> requiredLiterals() {
        return requiredLiterals;
    }

    public List<Capture> captures() {
        return captures;
    }

    /** The captured groups of the first match in {@code text}, or empty when there is none. */
    public Optional<Map<Capture, String>> find(String text, long budgetNanos) {
        Matcher m = pattern.matcher(new Guarded(text, System.nanoTime() + budgetNanos, Long.MAX_VALUE));
        if (!m.find()) {
            return Optional.empty();
        }
        if (captures.isEmpty()) {
            return Optional.of(Map.of());
        }
        List<Map.Entry<Capture, String>> found = new ArrayList<>(captures.size());
        for (Capture c : captures) {
            String value = m.group(c.group());
            if (value != null && !value.isBlank()) {
                found.add(Map.entry(c, value.strip()));
            }
        }
        return Optional.of(Map.ofEntries(found.toArray(Map.Entry[]::new)));
    }

    public boolean matches(String text, long budgetNanos) {
        return pattern.matcher(new Guarded(text, System.nanoTime() + budgetNanos, Long.MAX_VALUE)).find();
    }

    /**
     * How many characters the regex engine reads to search {@code text}, up to {@code limit}: a machine-independent
     * measure of a pattern's cost, used to keep every rule linear in the line's length.
     */
    public long cost(String text, long limit) {
        Guarded guarded = new Guarded(text, Long.MAX_VALUE, limit);
        try {
            pattern.matcher(guarded).find();
        } catch (TimeLimitExceeded e) {
            return limit;
        }
        return guarded.reads;
    }

    /**
     * The text as the regex engine reads it: every read is counted, and the search is abandoned once it exceeds
     * the read limit or, checked every few thousand reads, the deadline.
     */
    private static final class Guarded implements CharSequence {
        private final String text;
        private final long deadline;
        private final long readLimit;
        private long reads;

        Guarded(String text, long deadline, long readLimit) {
            this.text = text;
            this.deadline = deadline;
            this.readLimit = readLimit;
        }

        @Override
        public char charAt(int index) {
            if (++reads > readLimit || (reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
                throw new TimeLimitExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
