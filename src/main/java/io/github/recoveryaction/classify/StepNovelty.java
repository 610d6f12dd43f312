package io.github.recoveryaction.classify;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.recoveryaction.classify.generic.CandidateRanker;
import io.github.recoveryaction.classify.generic.GenericTier;

/**
 * Which kept lines of a step the passing baseline also printed. Without a baseline nothing is known and every line
 * counts as new, so ranking behaves as before.
 */
final class StepNovelty {

    static final StepNovelty NONE = new StepNovelty(new BitSet(), Optional.empty());

    private final BitSet known;
    private final Optional<Novelty> summary;

    private StepNovelty(BitSet known, Optional<Novelty> summary) {
        this.known = known;
        this.summary = summary;
    }

    /** @param probes the step's kept lines as the rules see them */
    static StepNovelty of(KnownLines baseline, List<String> probes) {
        if (baseline.isEmpty()) {
            return NONE;
        }
        LineNormalizer normalizer = new LineNormalizer();
        BitSet known = new BitSet(probes.size());
        Map<Long, Integer> seen = new HashMap<>();
        int lines = 0;
        int fresh = 0;
        for (int i = 0; i < probes.size(); i++) {
            String probe = probes.get(i);
            if (probe.isBlank()) {
                continue;
            }
            lines++;
            long hash = normalizer.hash(probe);
            int before = seen.merge(hash, 1, Integer::sum) - 1;
            if (before < baseline.count(hash)) {
                known.set(i);
            } else {
                fresh++;
            }
        }
        return new StepNovelty(known, Optional.of(new Novelty(fresh, lines, baseline.source(), baseline.link())));
    }

    boolean known(int line) {
        return known.get(line);
    }

    /** True when every line of the match was printed by the passing run too. */
    boolean allKnown(int[] lines) {
        for (int line : lines) {
            if (!known.get(line)) {
                return false;
            }
        }
        return lines.length > 0 && summary.isPresent();
    }

    /**
     * The generic tier for this step: without a baseline {@code generic} itself, with one a tier whose ranker weighs
     * 0 every line the passing run printed as often, so such a line never becomes a generic root cause. The ranker
     * sees line texts, not positions: a text counts as known only when each of its occurrences in the step is.
     */
    GenericTier weighing(GenericTier generic, List<String> texts) {
        if (summary.isEmpty()) {
            return generic;
        }
        Set<String> known = new HashSet<>();
        Set<String> fresh = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            (this.known.get(i) ? known : fresh).add(CandidateRanker.probe(texts.get(i)));
        }
        known.removeAll(fresh);
        return known.isEmpty() ? generic : generic.alsoWeighing(text -> known.contains(text) ? 0 : 1);
    }

    Optional<Novelty> summary() {
        return summary;
    }
}
