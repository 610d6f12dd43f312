package io.github.recoveryaction.classify.log;

import java.nio.charset.StandardCharsets;

/**
 * Turns raw line bytes into the text rules see and reports show: invalid UTF-8 becomes U+FFFD, NUL and other
 * control characters (except tab) are dropped, and terminal escape sequences (colours, cursor movement, titles)
 * are removed — also the bare {@code [0m}-style colour codes some log viewers leave behind without their ESC, and the
 * line anchors a copy from GitHub's web UI turns digits into once pasted into Markdown
 * ({@code fmt-test1[2](https://github.com/o/r/actions/runs/1/job/2#step:9:2)} reads {@code fmt-test12} again).
 */
public final class TextCleaner {

    private static final char ESC = 0x1B;
    private static final String LINK_TARGET = "](https://github.com/";
    private static final String STEP_ANCHOR = "#step:";

    private TextCleaner() {
    }

    public static String clean(byte[] buf, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            // '[' only matters before a digit (a bare colour code); "[ERROR]" lines stay on the fast path
            if (b < 0x20 && b != '\t' || b < 0 || b == '[' && i + 1 < to && buf[i + 1] >= '0' && buf[i + 1] <= '9') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return clean(new String(buf, from, to - from, StandardCharsets.UTF_8));
    }

    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ESC) {
                i = skipEscape(text, i);
            } else if (c == '[') {
                i = bracket(text, i, out);
            } else if (c >= 0x20 && c != 0x7F || c == '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A '[' at {@code i}: a bare colour code is dropped, a line anchor keeps its digits, else it is text. */
    private static int bracket(String s, int i, StringBuilder out) {
        int colour = bareColour(s, i);
        if (colour > i) {
            return colour;
        }
        int link = lineLinkEnd(s, i);
        if (link > i) {
            out.append(s, i + 1, s.indexOf(']', i));
            return link;
        }
        out.append('[');
        return i;
    }

    /** The ')' ending a pasted line anchor {@code [12](https://github.com/...#step:4:12)} at {@code i}, or {@code i}. */
    private static int lineLinkEnd(String s, int i) {
        int j = i + 1;
        while (j < s.length() && j - i <= 7 && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j == i + 1 || !s.startsWith(LINK_TARGET, j)) {
            return i;
        }
        int close = s.indexOf(')', j);
        if (close < 0) {
            return i;
        }
        int space = s.indexOf(' ', j);
        boolean oneUrl = space < 0 || space > close;
        return oneUrl && s.lastIndexOf(STEP_ANCHOR, close) > j ? close : i;
    }

    /** Index of the last character of the escape sequence starting at {@code esc}. */
    private static int skipEscape(String s, int esc) {
        int i = esc + 1;
        if (i >= s.length()) {
            return esc;
        }
        char kind = s.charAt(i);
        if (kind == '[') {
            i++;
            while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x3F) {
                i++;
            }
            return Math.min(i, s.length() - 1);
        }
        if (kind == ']') {
            for (i++; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == 0x07) {
                    return i;
                }
                if (c == ESC && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                    return i + 1;
                }
            }
            return s.length() - 1;
        }
        if (kind == '(' || kind == ')') {
            return Math.min(i + 1, s.length() - 1);
        }
        return i;
    }

    /** The end of a bare SGR code such as {@code [0m} or {@code [36;1m} at {@code i}, or {@code i} when none. */
    private static int bareColour(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';') && j - i < 16) {
            j++;
        }
        return j > i + 1 && j < s.length() && s.charAt(j) == 'm' ? j : i;
    }
}
