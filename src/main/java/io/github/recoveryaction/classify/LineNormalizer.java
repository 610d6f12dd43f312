package io.github.recoveryaction.classify;

/**
 * Reduces a log line to what stays the same between two runs of a job: numbers, durations, percentages, hashes,
 * UUIDs, random ids, temporary paths, day and month names become placeholders, runs of blanks become one. A
 * standalone {@code 0} stays, so that "Failures: 0" and "Failures: 2" still differ. One instance reuses its buffer:
 * not thread-safe.
 */
public final class LineNormalizer {

    private static final String[] TEMP_PREFIXES = { "/tmp/", "/var/folders/", "/private/var/folders/",
            "/home/runner/work/_temp/", "/github/runner_temp/", "\\AppData\\Local\\Temp\\", "\\Temp\\" };
    private static final String[] DATE_WORDS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar",
            "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "June", "July", "August",
            "September", "October", "November", "December" };

    private final StringBuilder out = new StringBuilder(256);

    /** The normalised line, for display and counting. */
    public String normalize(CharSequence line) {
        run(line);
        return out.toString();
    }

    /** A 64-bit hash of the normalised line: equal lines of two runs hash equal. */
    public long hash(CharSequence line) {
        run(line);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < out.length(); i++) {
            h = (h ^ out.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private void run(CharSequence s) {
        out.setLength(0);
        int n = s.length();
        int i = 0;
        while (i < n && isBlank(s.charAt(i))) {
            i++;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (isBlank(c)) {
                while (i < n && isBlank(s.charAt(i))) {
                    i++;
                }
                if (i < n) {
                    out.append(' ');
                }
            } else if ((c == '/' || c == '\\') && tempPrefix(s, i)) {
                i = pathEnd(s, i);
                out.append("<tmp>");
            } else if (isAlnum(c)) {
                i = word(s, i);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** One run of letters and digits starting at {@code from}; returns where it ends. */
    private int word(CharSequence s, int from) {
        int uuid = uuidEnd(s, from);
        if (uuid > 0) {
            out.append("<uuid>");
            return uuid;
        }
        int end = from;
        int digits = 0;
        int transitions = 0;
        boolean hex = true;
        boolean previousDigit = false;
        while (end < s.length() && isAlnum(s.charAt(end))) {
            char c = s.charAt(end);
            boolean digit = c >= '0' && c <= '9';
            digits += digit ? 1 : 0;
            hex &= digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (end > from && digit != previousDigit) {
                transitions++;
            }
            previousDigit = digit;
            end++;
        }
        int length = end - from;
        if (digits == 0) {
            appendWord(s, from, end);
        } else if (hex && length >= 7 && digits < length) {
            out.append("<hex>");
        } else if (length >= 8 && transitions >= 4) {
            out.append("<id>");
        } else if (digits == length) {
            number(s, from, end);
            return numberEnd(s, end);
        } else {
            for (int i = from; i < end;) {
                if (Character.isDigit(s.charAt(i))) {
                    int j = i;
                    while (j < end && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                    number(s, i, j);
                    i = j;
                } else {
                    out.append(s.charAt(i++));
                }
            }
        }
        return end;
    }

    /** A number; a decimal fraction and a percent sign are part of it. */
    private void number(CharSequence s, int from, int end) {
        boolean fraction = end + 1 < s.length() && s.charAt(end) == '.' && Character.isDigit(s.charAt(end + 1));
        boolean percent = numberEnd(s, end) < s.length() && s.charAt(numberEnd(s, end)) == '%';
        if (!fraction && !percent && end - from == 1 && s.charAt(from) == '0') {
            out.append('0');
        } else {
            out.append(percent ? "<pct>" : "<n>");
        }
    }

    private static int numberEnd(CharSequence s, int end) {
        if (end + 1 < s.length() && s.charAt(end) == '.' && Character.isDigit(s.charAt(end + 1))) {
            int i = end + 1;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            return i;
        }
        return end;
    }

    private void appendWord(CharSequence s, int from, int end) {
        int length = end - from;
        char first = s.charAt(from);
        if (length >= 3 && length <= 9 && first >= 'A' && first <= 'Z') {
            for (String word : DATE_WORDS) {
                if (word.length() == length && word.charAt(0) == first && regionMatches(s, from, word)) {
                    out.append("<d>");
                    return;
                }
            }
        }
        out.append(s, from, end);
    }

    private static int uuidEnd(CharSequence s, int from) {
        int[] groups = { 8, 4, 4, 4, 12 };
        int i = from;
        for (int g = 0; g < groups.length; g++) {
            for (int k = 0; k < groups[g]; k++, i++) {
                if (i >= s.length() || Character.digit(s.charAt(i), 16) < 0) {
                    return -1;
                }
            }
            if (g < groups.length - 1) {
                if (i >= s.length() || s.charAt(i) != '-') {
                    return -1;
                }
                i++;
            }
        }
        return i < s.length() && isAlnum(s.charAt(i)) ? -1 : i;
    }

    private static boolean tempPrefix(CharSequence s, int at) {
        for (String prefix : TEMP_PREFIXES) {
            if (regionMatches(s, at, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static int pathEnd(CharSequence s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isBlank(c) || c == '\'' || c == '"' || c == ')' || c == ']' || c == ',' || c == ':' || c == '`') {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean regionMatches(CharSequence s, int at, String prefix) {
        if (at + prefix.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (s.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0';
    }
}
