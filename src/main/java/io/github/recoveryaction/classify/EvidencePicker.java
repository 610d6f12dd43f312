package io.github.recoveryaction.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.recoveryaction.classify.generic.CandidateRanker;

/**
 * Spends the evidence cap on what proves a verdict: the first root-cause line with the lines that complete its
 * message (a heading before it, the continuation after it), the tool's summary line nearest the failure, the first
 * wrapper line naming the command that failed, and then the other matching lines — at most {@link #PER_SHAPE} of
 * each shape, so twenty copies of one finding do not crowd out a different one. Lines the last passing run printed
 * too are never picked: they are what the job always says, not why it failed this time.
 */
final class EvidencePicker {

    static final int PER_SHAPE = 3;
    private static final int CONTINUATION_LINES = 3;
    private static final int LOOK_BACK = 8;
    private static final int CAUSES_BEFORE = 3;
    /** A file name with an extension right before the position that follows it ({@code src/a.py:12}, {@code A.cs(3,4)}). */
    private static final Pattern SOURCE_FILE = Pattern
            .compile("[\\w.\\\\/-]*\\w\\.\\w{1,5}(?=[:(\\[]\\d)");

    private final CandidateRanker ranker;
    private final IntPredicate known;

    /** @param known whether the line at an index was printed by the last passing run too */
    EvidencePicker(CandidateRanker ranker, IntPredicate known) {
        this.ranker = ranker;
        this.known = known;
    }

    /**
     * @param first the deciding lines, in order (a rule's matched lines, or the generic root cause)
     * @param others further lines of the verdict's type in order of preference
     * @param failure index of the line the step failed at (the exit-code line), or the number of lines
     * @param lead how many output lines before the root cause to show whatever they are: the generic tier shows
     *        what the step was doing when it failed, a rule's message speaks for itself
     */
    Set<Integer> pick(int[] first, List<Integer> others, List<String> texts, int failure, int lead) {
        Set<Integer> must = new LinkedHashSet<>();
        for (int line : first) {
            must.add(line);
        }
        int root = first[0];
        context(root, texts, failure, lead, must);
        int last = Math.max(first[first.length - 1], others.stream().mapToInt(Integer::intValue).max().orElse(root));
        summary(last, texts, failure, must);
        TreeSet<Integer> chosen = new TreeSet<>();
        for (int line : must) {
            if (chosen.size() < Classification.MAX_EVIDENCE && !known.test(line)) {
                chosen.add(line);
            }
        }
        Map<String, Integer> shapes = new HashMap<>();
        chosen.forEach(i -> shapes.merge(shape(texts.get(i)), 1, Integer::sum));
        // first one line of each kind (shape and file, in order of preference), so a linter's flood over several
        // files shows each finding in every file it reached, not only in the first; then up to PER_SHAPE of each
        // shape and then whatever is left, both spread over the step: the tail of a flood is no better evidence than
        // its head, but the other files and tests it reaches are
        List<Integer> spread = spreadOrder(others);
        Set<String> kinds = new HashSet<>();
        chosen.forEach(i -> kinds.add(kind(texts.get(i))));
        for (int cap : new int[] { 1, PER_SHAPE, Integer.MAX_VALUE }) {
            for (int line : cap == 1 ? others : spread) {
                if (chosen.size() >= Classification.MAX_EVIDENCE) {
                    break;
                }
                String text = texts.get(line);
                String shape = shape(text);
                boolean fits = cap == 1 ? kinds.add(kind(text)) : shapes.getOrDefault(shape, 0) < cap;
                if (!chosen.contains(line) && !known.test(line) && fits) {
                    chosen.add(line);
                    shapes.merge(shape, 1, Integer::sum);
                }
            }
        }
        for (int line : List.copyOf(chosen)) {
            if (chosen.size() < Classification.MAX_EVIDENCE && texts.get(line).stripTrailing().endsWith(":")) {
                nextLine(line, texts, failure).filter(next -> !known.test(next)).ifPresent(chosen::add);
            }
        }
        return chosen;
    }

    /**
     * The lines in an order that halves the gaps between the ones already visited (first, middle, quarters, ...): any
     * prefix of it is spread evenly over the whole list.
     */
    static List<Integer> spreadOrder(List<Integer> lines) {
        int n = lines.size();
        List<Integer> order = new ArrayList<>(n);
        boolean[] seen = new boolean[n];
        for (int step = Integer.highestOneBit(Math.max(1, n - 1)) * 2; step >= 1 && order.size() < n; step /= 2) {
            for (int i = 0; i < n; i += step) {
                if (!seen[i]) {
                    seen[i] = true;
                    order.add(lines.get(i));
                }
            }
        }
        return order;
    }

    /**
     * A heading ending in ':' just before the root line, the errors just before it (a cause chain such as cargo's
     * "Caused by:"), the {@code lead} lines before it, and its continuation.
     */
    private void context(int root, List<String> texts, int failure, int lead, Set<Integer> out) {
        int seen = 0;
        int causes = 0;
        for (int i = root - 1; i >= 0 && seen < LOOK_BACK && causes < CAUSES_BEFORE; i--) {
            String probe = CandidateRanker.probe(texts.get(i));
            CandidateRanker.Kind kind = ranker.kind(probe);
            if (kind == CandidateRanker.Kind.NOISE) {
                continue;
            }
            if (seen < lead || seen == 0 && probe.stripTrailing().endsWith(":")) {
                out.add(i);
            } else if (kind == CandidateRanker.Kind.ERROR) {
                out.add(i);
                causes++;
            }
            seen++;
        }
        continuation(root, texts, failure, out);
    }

    private Optional<Integer> nextLine(int line, List<String> texts, int failure) {
        for (int i = line + 1; i < failure; i++) {
            if (!texts.get(i).isBlank()) {
                return ranker.kind(CandidateRanker.probe(texts.get(i))) == CandidateRanker.Kind.NOISE
                        ? Optional.empty()
                        : Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The next output line, and the indented lines that carry on the message. */
    private void continuation(int root, List<String> texts, int failure, Set<Integer> out) {
        int taken = 0;
        for (int i = root + 1; i < failure && taken < CONTINUATION_LINES; i++) {
            String text = texts.get(i);
            if (text.isBlank()) {
                continue;
            }
            CandidateRanker.Kind kind = ranker.kind(CandidateRanker.probe(text));
            if (kind == CandidateRanker.Kind.NOISE || kind == CandidateRanker.Kind.WRAPPER
                    || taken > 0 && !Character.isWhitespace(text.charAt(0))) {
                break;
            }
            out.add(i);
            taken++;
        }
    }

    /** The first wrapper after the root cause (names what failed) and the last error line before the failure. */
    private void summary(int last, List<String> texts, int failure, Set<Integer> out) {
        int limit = Math.min(failure, last + ranker.lexicon().window());
        for (int i = last + 1; i < limit; i++) {
            if (ranker.kind(CandidateRanker.probe(texts.get(i))) == CandidateRanker.Kind.WRAPPER) {
                out.add(i);
                break;
            }
        }
        int floor = Math.max(last, ranker.windowStart(texts, failure) - 1);
        for (int i = failure - 1; i > floor; i--) {
            if (ranker.kind(CandidateRanker.probe(texts.get(i))) == CandidateRanker.Kind.ERROR) {
                out.add(i);
                break;
            }
        }
    }

    /** The line's shape and the source file it names first (a finding's location), if any. */
    static String kind(String text) {
        Matcher m = SOURCE_FILE.matcher(text);
        return m.find() ? shape(text) + "@" + m.group() : shape(text);
    }

    /** A line with its numbers, quoted parts and paths blanked: lines of one kind share a shape. */
    static String shape(String text) {
        String s = text.length() > 200 ? text.substring(0, 200) : text;
        s = s.replaceAll("(['\"`]).*?\\1", "Q").replaceAll("\\S*[/\\\\]\\S*", "P").replaceAll("\\d+", "#");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
