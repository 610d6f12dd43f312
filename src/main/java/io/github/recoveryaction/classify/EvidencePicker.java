package io.github.recoveryaction.classify;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.recoveryaction.classify.generic.CandidateRanker;

/**
 * Spends the evidence cap on what proves a verdict: the first root-cause line with the lines that complete its
 * message (a heading before it, the continuation after it), the tool's summary line nearest the failure, the first
 * wrapper line naming the command that failed, and then the other matching lines — at most {@link #PER_SHAPE} of
 * each shape, so twenty copies of one finding do not crowd out a different one.
 */
final class EvidencePicker {

    static final int PER_SHAPE = 3;
    private static final int CONTINUATION_LINES = 3;
    private static final int LOOK_BACK = 8;
    private static final int CAUSES_BEFORE = 2;

    private final CandidateRanker ranker;

    EvidencePicker(CandidateRanker ranker) {
        this.ranker = ranker;
    }

    /**
     * @param first the deciding lines, in order (a rule's matched lines, or the generic root cause)
     * @param others further lines of the verdict's type in order of preference
     * @param failure index of the line the step failed at (the exit-code line), or the number of lines
     */
    Set<Integer> pick(int[] first, List<Integer> others, List<String> texts, int failure) {
        Set<Integer> must = new LinkedHashSet<>();
        for (int line : first) {
            must.add(line);
        }
        int root = first[0];
        context(root, texts, failure, must);
        int last = Math.max(first[first.length - 1], others.stream().mapToInt(Integer::intValue).max().orElse(root));
        summary(last, texts, failure, must);
        if (!others.isEmpty() && last != root && texts.get(last).stripTrailing().endsWith(":")) {
            continuation(last, texts, failure, must);
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        for (int line : must) {
            if (chosen.size() < Classification.MAX_EVIDENCE) {
                chosen.add(line);
            }
        }
        Map<String, Integer> shapes = new HashMap<>();
        chosen.forEach(i -> shapes.merge(shape(texts.get(i)), 1, Integer::sum));
        for (int line : others) {
            if (chosen.size() >= Classification.MAX_EVIDENCE) {
                break;
            }
            String shape = shape(texts.get(line));
            if (!chosen.contains(line) && shapes.getOrDefault(shape, 0) < PER_SHAPE) {
                chosen.add(line);
                shapes.merge(shape, 1, Integer::sum);
            }
        }
        for (int line : others) {
            if (chosen.size() >= Classification.MAX_EVIDENCE) {
                break;
            }
            chosen.add(line);
        }
        return chosen;
    }

    /** A heading ending in ':' just before the root line, the errors just before it, and its continuation. */
    private void context(int root, List<String> texts, int failure, Set<Integer> out) {
        int seen = 0;
        int causes = 0;
        for (int i = root - 1; i >= 0 && seen < LOOK_BACK && causes < CAUSES_BEFORE; i--) {
            String probe = CandidateRanker.probe(texts.get(i));
            CandidateRanker.Kind kind = ranker.kind(probe);
            if (kind == CandidateRanker.Kind.NOISE) {
                if (!probe.isBlank() && probe.startsWith("##[")) {
                    break;
                }
                continue;
            }
            if (seen == 0 && probe.stripTrailing().endsWith(":") || kind == CandidateRanker.Kind.ERROR) {
                out.add(i);
                causes++;
            }
            seen++;
        }
        continuation(root, texts, failure, out);
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
        int floor = Math.max(last, failure - ranker.lexicon().window());
        for (int i = failure - 1; i > floor; i--) {
            if (ranker.kind(CandidateRanker.probe(texts.get(i))) == CandidateRanker.Kind.ERROR) {
                out.add(i);
                break;
            }
        }
    }

    /** A line with its numbers, quoted parts and paths blanked: lines of one kind share a shape. */
    static String shape(String text) {
        String s = text.length() > 200 ? text.substring(0, 200) : text;
        s = s.replaceAll("(['\"`]).*?\\1", "Q").replaceAll("\\S*[/\\\\]\\S*", "P").replaceAll("\\d+", "#");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
