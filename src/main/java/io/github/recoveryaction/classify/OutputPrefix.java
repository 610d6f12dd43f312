package io.github.recoveryaction.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prefixes that wrap a tool's output inside another tool's log: BuildKit's plain progress ({@code #12 3.456 }),
 * Docker Compose's service column ({@code web-1  | }), the date and time of Go's standard logger
 * ({@code 2024/01/02 15:04:05 }) and the package column of workspace runners (pnpm's {@code packages/ui lint: },
 * Turborepo's {@code @acme/ui:lint: }) and the elapsed-time column of Flutter's verbose mode ({@code [  +12 ms] },
 * {@code [        ] }). Rules and the generic tier see the tool's line without them, so the same
 * rule matches whether the tool ran directly or inside {@code docker build} or a monorepo script; evidence keeps the
 * line as printed.
 */
public final class OutputPrefix {

    /** pnpm -r: the package's path (with a slash, or {@code .}), the script, a colon or {@code $}. */
    private static final Pattern PNPM = Pattern.compile("^(?:\\.|[\\w@.-]+(?:/[\\w@.-]+)+) [a-z][\\w:.-]{0,40}?[:$] ");
    /** Turborepo: package and task joined by a colon; the package is not a severity word, the task not a number. */
    private static final Pattern TURBO = Pattern.compile(
            "^(?!(?i:error|warning|warn|fatal|note|info|debug|hint|caused by|npm|yarn|pnpm)\\b)@?[\\w.-]+(?:/[\\w.-]+)?"
                    + ":[a-z][\\w-]{0,30}(?::[a-z][\\w-]{0,30})?: ");
    /** A blank column needs six spaces so a checkbox ({@code [ ] }) or an empty list is not taken for one. */
    private static final Pattern FLUTTER_ELAPSED = Pattern.compile("^\\[(?: *\\+\\d{1,7} ms| {6,})\\] ");
    private static final int MAX_PREFIXES = 3;

    private OutputPrefix() {
    }

    public static String strip(String line) {
        String s = line;
        for (int k = 0; k < MAX_PREFIXES; k++) {
            int end = end(s);
            if (end == 0) {
                return s;
            }
            s = s.substring(end);
        }
        return s;
    }

    private static int end(String s) {
        int n = s.length();
        if (n < 4) {
            return 0;
        }
        char first = s.charAt(0);
        if (first == '#' && Character.isDigit(s.charAt(1))) {
            return buildKit(s);
        }
        if (first == '[') {
            return flutterElapsed(s);
        }
        if (first >= '1' && first <= '2' && n > 20) {
            int date = goDate(s);
            if (date > 0) {
                return date;
            }
        }
        int compose = compose(s);
        if (compose > 0) {
            return compose;
        }
        if (s.indexOf(':') < 0 && s.indexOf('$') < 0) {
            return 0;
        }
        Matcher m = PNPM.matcher(s);
        if (m.lookingAt()) {
            return m.end();
        }
        m = TURBO.matcher(s);
        return m.lookingAt() ? m.end() : 0;
    }

    private static int buildKit(String s) {
        int n = s.length();
        int i = digits(s, 1);
        if (i < n && s.charAt(i) == ' ') {
            int j = digits(s, i + 1);
            if (j > i + 1 && j < n && s.charAt(j) == '.') {
                int k = digits(s, j + 1);
                if (k > j + 1 && k < n && s.charAt(k) == ' ') {
                    return k + 1;
                }
            }
        }
        return 0;
    }

    /** {@code [ +8 ms] } or a blank {@code [        ] } (same millisecond), as {@code flutter -v} starts every line. */
    private static int flutterElapsed(String s) {
        Matcher m = FLUTTER_ELAPSED.matcher(s);
        return m.lookingAt() ? m.end() : 0;
    }

    /** {@code yyyy/mm/dd hh:mm:ss[.micro] }, what Go's log package prints by default. */
    private static int goDate(String s) {
        if (s.charAt(4) != '/' || s.charAt(7) != '/' || s.charAt(10) != ' ' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return 0;
        }
        for (int i : new int[] { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 }) {
            if (!Character.isDigit(s.charAt(i))) {
                return 0;
            }
        }
        int i = 19;
        if (i < s.length() && s.charAt(i) == '.') {
            i = digits(s, i + 1);
        }
        return i < s.length() && s.charAt(i) == ' ' ? i + 1 : 0;
    }

    private static int compose(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-'
                || s.charAt(i) == '.')) {
            i++;
        }
        int nameEnd = i;
        int number = nameEnd;
        while (number > 0 && Character.isDigit(s.charAt(number - 1))) {
            number--;
        }
        if (number == nameEnd || number < 2 || s.charAt(number - 1) != '-' && s.charAt(number - 1) != '_') {
            return 0;
        }
        int spaces = nameEnd;
        while (spaces < n && s.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces > nameEnd && spaces + 1 < n && s.charAt(spaces) == '|' && s.charAt(spaces + 1) == ' '
                ? spaces + 2
                : 0;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
