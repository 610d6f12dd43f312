package io.github.recoveryaction.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown building blocks that keep untrusted text inert on GitHub: code fences longer than any backtick run inside
 * them, HTML escaped in prose, and {@code @user}, {@code @org/team} and {@code #123} broken with a zero-width space so
 * they neither notify nor cross-reference.
 */
public final class MarkdownText {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern MENTION = Pattern.compile("@(?=[A-Za-z0-9])");
    private static final Pattern REFERENCE = Pattern.compile("#(?=\\d)");
    private static final Pattern INLINE_SPECIAL = Pattern.compile("[\\\\`*_\\[\\]|~!]");

    private MarkdownText() {
    }

    /** Untrusted text as plain prose: every Markdown and HTML meaning removed. */
    public static String inline(String text) {
        String s = LogText.line(text.replace('\n', ' ').replace('\r', ' '));
        s = INLINE_SPECIAL.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        return defuse(html(s));
    }

    /**
     * Trusted Markdown (plan texts from templates) whose code spans may hold log values: HTML and mentions are
     * neutralised outside code spans; code spans, where GitHub renders neither, stay as they are.
     */
    static String prose(String markdown) {
        String s = LogText.line(markdown.replace('\n', ' '));
        StringBuilder out = new StringBuilder();
        String[] parts = s.split("`", -1);
        boolean balanced = parts.length % 2 == 1;
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && balanced;
            if (i > 0) {
                out.append(balanced ? "`" : "\\`");
            }
            out.append(code ? parts[i] : defuse(html(parts[i])));
        }
        return out.toString();
    }

    /** Untrusted text as an inline code span, delimited by more backticks than it contains. */
    public static String codeSpan(String text) {
        String s = LogText.line(text.replace('\n', ' ').replace('\r', ' '));
        String fence = "`".repeat(longestRun(s) + 1);
        String pad = s.startsWith("`") || s.endsWith("`") || s.isEmpty() ? " " : "";
        return fence + pad + s + pad + fence;
    }

    /** A fenced code block whose fence no line can close; every line indented by {@code indent}. */
    static String codeBlock(List<String> lines, String info, String indent) {
        int longest = 0;
        for (String l : lines) {
            longest = Math.max(longest, longestRun(l));
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        StringBuilder out = new StringBuilder(indent).append(fence).append(info).append('\n');
        for (String l : lines) {
            out.append(indent).append(LogText.line(l)).append('\n');
        }
        return out.append(indent).append(fence).append('\n').toString();
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Breaks mentions and issue references with a zero-width space. */
    static String defuse(String text) {
        String s = MENTION.matcher(text).replaceAll("@" + LogText.ZWSP);
        return REFERENCE.matcher(s).replaceAll("#" + LogText.ZWSP);
    }

    private static int longestRun(String s) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(s);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return longest;
    }
}
