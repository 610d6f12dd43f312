package io.github.recoveryaction.report;

import java.nio.charset.StandardCharsets;

/**
 * A size limit of a place GitHub shows Markdown, with a margin: the job summary holds 1 MiB (1,048,576 bytes) per
 * step and the action may append more to it; a comment body holds 65,536 characters and GitHub's counting is not
 * documented exactly, so comments stay at 60,000.
 *
 * @param name where the text goes, for the note that says detail was left out
 * @param limit the largest size the renderer produces
 * @param bytes true to count UTF-8 bytes, false to count UTF-16 characters
 */
public record SizeBudget(String name, int limit, boolean bytes) {

    /** GitHub's hard limit for one step's job summary. */
    public static final int JOB_SUMMARY_HARD_LIMIT = 1_048_576;
    /** GitHub's hard limit for an issue or pull-request comment. */
    public static final int COMMENT_HARD_LIMIT = 65_536;

    public static final SizeBudget JOB_SUMMARY = new SizeBudget("job summary", 1_000_000, true);
    public static final SizeBudget PR_COMMENT = new SizeBudget("pull-request comment", 60_000, false);

    public int sizeOf(String text) {
        return bytes ? text.getBytes(StandardCharsets.UTF_8).length : text.length();
    }

    public boolean fits(String text) {
        return sizeOf(text) <= limit;
    }

    /** An equal share of this budget for one of {@code parts} reports in one text. */
    public SizeBudget share(int parts) {
        return parts <= 1 ? this : new SizeBudget(name, limit / parts, bytes);
    }
}
