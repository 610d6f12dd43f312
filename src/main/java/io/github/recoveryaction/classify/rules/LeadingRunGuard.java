package io.github.recoveryaction.classify.rules;

/**
 * Keeps patterns that start with a repeated character class linear. Searching {@code \d+ tests failed} or
 * {@code (?<file>[^\s:]+):(?<line>\d+)} in a line with a long run of such characters retries the repetition from
 * every position inside the run, which is quadratic; a lookbehind that only lets a match start where the run starts
 * makes it linear. The rewrite does not change what {@code find()} returns: a match that starts inside a run can
 * always be extended to the run's start (the repetition absorbs the characters before it), so the leftmost match
 * starts there anyway.
 */
final class LeadingRunGuard {

    private LeadingRunGuard() {
    }

    /** The pattern with a start-of-run lookbehind, or unchanged when it does not start with an unbounded class. */
    static String apply(String regex) {
        int start = flagsEnd(regex);
        int i = start;
        while (i < regex.length() && regex.charAt(i) == '(') {
            int bodyStart = groupBodyStart(regex, i);
            if (bodyStart < 0) {
                return regex;
            }
            int close = RequiredLiterals.skipGroup(regex, i);
            if (RequiredLiterals.topLevelAlternatives(regex.substring(bodyStart, close)).size() > 1) {
                return regex;
            }
            i = bodyStart;
        }
        int atomEnd = atomEnd(regex, i);
        if (atomEnd < 0 || !unboundedQuantifierAt(regex, atomEnd)) {
            return regex;
        }
        return regex.substring(0, start) + "(?<!" + regex.substring(i, atomEnd) + ")" + regex.substring(start);
    }

    /** Index after leading inline flags such as {@code (?i)}. */
    private static int flagsEnd(String regex) {
        int i = 0;
        while (regex.startsWith("(?", i) && i + 2 < regex.length() && Character.isLetter(regex.charAt(i + 2))) {
            int close = regex.indexOf(')', i);
            String flags = close < 0 ? "" : regex.substring(i + 2, close);
            if (close < 0 || !flags.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
                return i;
            }
            i = close + 1;
        }
        return i;
    }

    /** Where the body of a plain, non-capturing or named group opening at {@code open} starts; -1 for lookarounds. */
    private static int groupBodyStart(String regex, int open) {
        if (!regex.startsWith("(?", open)) {
            return open + 1;
        }
        if (regex.startsWith("(?:", open)) {
            return open + 3;
        }
        if (regex.startsWith("(?<", open) && open + 3 < regex.length() && Character.isLetter(regex.charAt(open + 3))) {
            int close = regex.indexOf('>', open);
            return close < 0 ? -1 : close + 1;
        }
        return -1;
    }

    /** End of a character-class atom ({@code [..]}, {@code \d}-style escape, {@code \p{..}}, {@code .}) at i, or -1. */
    private static int atomEnd(String regex, int i) {
        if (i >= regex.length()) {
            return -1;
        }
        char c = regex.charAt(i);
        if (c == '[') {
            return RequiredLiterals.skipClass(regex, i) + 1;
        }
        if (c == '.') {
            return i + 1;
        }
        if (c == '\\' && i + 1 < regex.length()) {
            char e = regex.charAt(i + 1);
            if ("dDwWsShHvV".indexOf(e) >= 0) {
                return i + 2;
            }
            if ((e == 'p' || e == 'P') && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
                int close = regex.indexOf('}', i);
                return close < 0 ? -1 : close + 1;
            }
        }
        return -1;
    }

    private static boolean unboundedQuantifierAt(String regex, int i) {
        if (i >= regex.length()) {
            return false;
        }
        char q = regex.charAt(i);
        if (q == '+' || q == '*') {
            return true;
        }
        if (q != '{') {
            return false;
        }
        int close = regex.indexOf('}', i);
        return close > 0 && regex.substring(i + 1, close).matches("\\d+,");
    }
}
