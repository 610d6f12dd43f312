package io.github.recoveryaction.classify.rules;

/**
 * The text as the regex engine reads it: every read is counted, and the search is abandoned once it exceeds the
 * read limit or, checked every few thousand reads, the deadline. Mutable so that one instance serves every search
 * of an analysis.
 */
final class GuardedText implements CharSequence {

    private String text = "";
    private long deadline;
    private long readLimit;
    private long reads;

    GuardedText reset(String text, long deadline, long readLimit) {
        this.text = text;
        this.deadline = deadline;
        this.readLimit = readLimit;
        this.reads = 0;
        return this;
    }

    long reads() {
        return reads;
    }

    @Override
    public char charAt(int index) {
        if (++reads > readLimit || (reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
            throw new BoundedRegex.TimeLimitExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
