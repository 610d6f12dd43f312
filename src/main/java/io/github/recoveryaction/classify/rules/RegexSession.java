package io.github.recoveryaction.classify.rules;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Runs bounded regexes for one analysis on one thread, reusing one matcher per pattern and one guarded text instead
 * of allocating them for every line: on a large failing step that is hundreds of megabytes less garbage.
 */
public final class RegexSession {

    private final Map<BoundedRegex, Matcher> matchers = new IdentityHashMap<>();
    private final GuardedText text = new GuardedText();

    /** The captured groups of the first match of {@code regex} in {@code line}, or empty when there is none. */
    public Optional<Map<Capture, String>> find(BoundedRegex regex, String line, long budgetNanos) {
        Matcher m = matcher(regex, line, budgetNanos);
        return m.find() ? Optional.of(regex.captured(m)) : Optional.empty();
    }

    public boolean matches(BoundedRegex regex, String line, long budgetNanos) {
        return matcher(regex, line, budgetNanos).find();
    }

    private Matcher matcher(BoundedRegex regex, String line, long budgetNanos) {
        text.reset(line, System.nanoTime() + budgetNanos, Long.MAX_VALUE);
        return matchers.computeIfAbsent(regex, r -> r.pattern().matcher("")).reset(text);
    }
}
