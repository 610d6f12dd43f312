package io.github.recoveryaction.classify.rules;

import java.util.List;
import java.util.Optional;

/** One way a rule recognises its message: a single line, or a line followed by others within a window. */
public sealed interface Matcher permits Matcher.Line, Matcher.Window {

    /** The pattern that must match the first (or only) line; the classifier prefilters on its literals. */
    BoundedRegex anchor();

    Optional<BoundedRegex> unless();

    /** Matches a single line that matches {@code pattern} and not {@code unless}. */
    record Line(BoundedRegex pattern, Optional<BoundedRegex> unless) implements Matcher {
        @Override
        public BoundedRegex anchor() {
            return pattern;
        }
    }

    /**
     * Matches a line that matches {@code first}, followed within {@code within} lines by lines matching each of
     * {@code then} in order; {@code unless} vetoes when it matches a line after the first, up to the last matched
     * one (a veto of the first line belongs in {@code first} itself).
     */
    record Window(BoundedRegex first, List<BoundedRegex> then, int within, Optional<BoundedRegex> unless)
            implements
                Matcher {

        public static final int MAX_WITHIN = 200;

        public Window {
            then = List.copyOf(then);
        }

        @Override
        public BoundedRegex anchor() {
            return first;
        }
    }
}
