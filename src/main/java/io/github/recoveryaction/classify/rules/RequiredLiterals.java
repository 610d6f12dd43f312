package io.github.recoveryaction.classify.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives from a regular expression the literals one of which every match must contain, so that the classifier
 * can skip a pattern on lines that lack them. The analysis is deliberately conservative: whatever it does not
 * understand ends a literal run, and a pattern it cannot reduce to literals of at least {@link #MIN_LENGTH}
 * characters gets none (and is tried on every line).
 */
final class RequiredLiterals {

    static final int MIN_LENGTH = 3;

    private RequiredLiterals() {
    }

    /** Lower-case literals, one per top-level alternative; empty when any alternative has none. */
    static List<String> of(String regex) {
        String body = stripLeadingFlags(regex);
        if (body == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String alternative : topLevelAlternatives(body)) {
            String best = longestRun(alternative);
            if (best.length() < MIN_LENGTH) {
                return List.of();
            }
            result.add(best.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(result);
    }

    /** Removes leading {@code (?i)}-style flags; null when comments mode makes the pattern text unreliable. */
    private static String stripLeadingFlags(String regex) {
        String s = regex;
        while (s.startsWith("(?") && s.length() > 2 && Character.isLetter(s.charAt(2))) {
            int close = s.indexOf(')');
            if (close < 0) {
                return null;
            }
            String flags = s.substring(2, close);
            if (!flags.chars().allMatch(ch -> Character.isLetter(ch) || ch == '-')) {
                return s;
            }
            if (flags.contains("x")) {
                return null;
            }
            s = s.substring(close + 1);
        }
        return s;
    }

    static List<String> topLevelAlternatives(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String longestRun(String s) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int next;
            boolean literal;
            char value = c;
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                if (e == 'Q') {
                    int end = s.indexOf("\\E", i + 2);
                    String quoted = end < 0 ? s.substring(i + 2) : s.substring(i + 2, end);
                    for (char q : quoted.toCharArray()) {
                        if (q < 128) {
                            run.append(q);
                        } else {
                            best = longer(best, run);
                        }
                    }
                    i = end < 0 ? s.length() : end + 2;
                    continue;
                }
                literal = !Character.isLetterOrDigit(e) && e < 128;
                value = e;
                next = i + 2;
            } else if (c == '[') {
                literal = false;
                next = skipClass(s, i) + 1;
            } else if (c == '(') {
                literal = false;
                int close = skipGroup(s, i);
                next = close + 1;
                if (quantifierAt(s, next) != Quantifier.OPTIONAL) {
                    best = longer(best, new StringBuilder(groupLiteral(s.substring(i + 1, close))));
                }
            } else {
                literal = ".^$|)?*+{".indexOf(c) < 0 && c < 128;
                next = i + 1;
            }
            Quantifier q = quantifierAt(s, next);
            if (!literal) {
                best = longer(best, run);
                run.setLength(0);
            } else if (q == Quantifier.OPTIONAL) {
                best = longer(best, run);
                run.setLength(0);
            } else {
                run.append(value);
                if (q == Quantifier.REPEATED) {
                    best = longer(best, run);
                    run.setLength(0);
                }
            }
            i = q.end(s, next);
        }
        return longer(best, run);
    }

    /**
     * The longest literal a group's body requires: capturing, named and non-capturing groups and positive
     * lookaheads count; negative lookarounds, lookbehinds and bodies with alternatives do not.
     */
    private static String groupLiteral(String body) {
        String inner = body;
        if (inner.startsWith("?")) {
            if (inner.startsWith("?:") || inner.startsWith("?=")) {
                inner = inner.substring(2);
            } else if (inner.startsWith("?<") && inner.length() > 2 && Character.isLetter(inner.charAt(2))) {
                inner = inner.substring(inner.indexOf('>') + 1);
            } else {
                return "";
            }
        }
        return topLevelAlternatives(inner).size() == 1 ? longestRun(inner) : "";
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    private enum Quantifier {
        NONE,
        OPTIONAL,
        REPEATED;

        int end(String s, int at) {
            if (this == NONE) {
                return at;
            }
            int i = at;
            if (s.charAt(i) == '{') {
                i = s.indexOf('}', i);
                i = i < 0 ? s.length() : i + 1;
            } else {
                i++;
            }
            if (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '+')) {
                i++;
            }
            return i;
        }
    }

    private static Quantifier quantifierAt(String s, int i) {
        if (i >= s.length()) {
            return Quantifier.NONE;
        }
        char c = s.charAt(i);
        if (c == '?' || c == '*') {
            return Quantifier.OPTIONAL;
        }
        if (c == '+') {
            return Quantifier.REPEATED;
        }
        if (c == '{' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
            return s.charAt(i + 1) == '0' ? Quantifier.OPTIONAL : Quantifier.REPEATED;
        }
        return Quantifier.NONE;
    }

    static int skipClass(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    static int skipGroup(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }
}
