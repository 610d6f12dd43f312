package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small GitHub-Markdown reader for tests: which text is prose and whether every code fence is closed. */
final class MarkdownChecks {

    private static final Pattern FENCE = Pattern.compile("^ *(`{3,})([^`]*)$");

    private MarkdownChecks() {
    }

    /** The prose lines (outside fenced blocks), with inline code spans removed; fails on an unclosed fence. */
    static List<String> prose(String markdown) {
        List<String> prose = new ArrayList<>();
        String open = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (open == null) {
                Matcher m = FENCE.matcher(line);
                if (m.matches()) {
                    open = m.group(1);
                    continue;
                }
                prose.add(withoutCodeSpans(line));
            } else if (trimmed.equals(open) || trimmed.matches("`{" + open.length() + ",}")) {
                open = null;
            }
        }
        assertThat(open).as("every code fence is closed").isNull();
        return prose;
    }

    static String withoutCodeSpans(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                out.append(line, i, i + 2);
                i += 2;
                continue;
            }
            if (line.charAt(i) != '`') {
                out.append(line.charAt(i++));
                continue;
            }
            int run = i;
            while (run < line.length() && line.charAt(run) == '`') {
                run++;
            }
            String fence = line.substring(i, run);
            int close = findClosing(line, run, fence);
            if (close < 0) {
                out.append(fence);
                i = run;
            } else {
                i = close + fence.length();
            }
        }
        return out.toString();
    }

    private static int findClosing(String line, int from, String fence) {
        int at = line.indexOf(fence, from);
        while (at >= 0) {
            boolean before = at > 0 && line.charAt(at - 1) == '`';
            boolean after = at + fence.length() < line.length() && line.charAt(at + fence.length()) == '`';
            if (!before && !after) {
                return at;
            }
            at = line.indexOf(fence, at + 1);
        }
        return -1;
    }
}
