package io.github.recoveryaction.classify;

/**
 * Prefixes that wrap a tool's output inside another tool's log: BuildKit's plain progress ({@code #12 3.456 }) and
 * Docker Compose's service column ({@code web-1  | }). Rules see the tool's line without them, so the same rule
 * matches whether the tool ran directly or inside {@code docker build}; evidence keeps the line as printed.
 */
final class OutputPrefix {

    private OutputPrefix() {
    }

    static String strip(String line) {
        return line.substring(end(line));
    }

    private static int end(String s) {
        int n = s.length();
        if (n > 3 && s.charAt(0) == '#' && Character.isDigit(s.charAt(1))) {
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
