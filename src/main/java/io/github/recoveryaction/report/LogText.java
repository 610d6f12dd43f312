package io.github.recoveryaction.report;

import java.util.regex.Pattern;

/** Log text made inert for any output: no terminal escapes or control characters, no workflow commands. */
final class LogText {

    private static final Pattern ANSI = Pattern
            .compile("\\x1B(?:\\[[0-9;?]*[ -/]*[@-~]|\\][^\\x07\\x1B]*(?:\\x07|\\x1B\\\\)?|[@-Z\\\\-_])");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
    /** The runner reads {@code ::command::} and legacy {@code ##[command]} at the start of a trimmed line. */
    private static final Pattern WORKFLOW_COMMAND = Pattern.compile("^(\\s*)(::|##\\[)");
    /** Zero-width space: invisible, but not whitespace to the runner, so the line no longer starts with a command. */
    static final String ZWSP = "\u200B";

    private LogText() {
    }

    /** One line: escapes and controls removed (tabs kept), bidi overrides removed, workflow commands defused. */
    static String line(String text) {
        String s = ANSI.matcher(text).replaceAll("");
        s = CONTROL.matcher(s).replaceAll("");
        return WORKFLOW_COMMAND.matcher(s).replaceFirst("$1" + ZWSP + "$2");
    }

    /** One line for a numbered listing (the number in front defuses commands): escapes removed, cut to {@code max}. */
    static String numbered(String text, int max) {
        String s = CONTROL.matcher(ANSI.matcher(text).replaceAll("")).replaceAll("");
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** Every line of a multi-line text made inert. */
    static String lines(String text) {
        StringBuilder out = new StringBuilder();
        for (String l : text.split("\r\n|\r|\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line(l));
        }
        return out.toString();
    }
}
