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

    Pattern pattern() {
        return pattern;
    }

    /** The captured groups of the first match in {@code text}, or empty when there is none. */
    public Optional<Map<Capture, String>> find(String text, long budgetNanos) {
        return new RegexSession().find(this, text, budgetNanos);
    }

    public boolean matches(String text, long budgetNanos) {
        return new RegexSession().matches(this, text, budgetNanos);
    }

    /** The named groups of a successful match, blank ones left out. */
    Map<Capture, String> captured(Matcher m) {
        if (captures.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<Capture, String>> found = new ArrayList<>(captures.size());
        for (Capture c : captures) {
            String value = m.group(c.group());
            if (value != null && !value.isBlank()) {
                found.add(Map.entry(c, value.strip()));
            }
        }
        return Map.ofEntries(found.toArray(Map.Entry[]::new));
    }

    /**
     * How many characters the regex engine reads to search {@code text}, up to {@code limit}: a machine-independent
     * measure of a pattern's cost, used to keep every rule linear in the line's length.
     */
    public long cost(String text, long limit) {
        GuardedText guarded = new GuardedText().reset(text, Long.MAX_VALUE, limit);
        try {
            pattern.matcher(guarded).find();
        } catch (TimeLimitExceeded e) {
            return limit;
        }
        return guarded.reads();
    }
}
