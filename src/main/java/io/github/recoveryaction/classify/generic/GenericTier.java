package io.github.recoveryaction.classify.generic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.rules.Rule;

/**
 * Decides a step no rule recognised. It takes the root-cause candidates nearest before the failure (a bounded
 * window of the step's tail, see {@link CandidateRanker}), groups the last of them into the final error cluster and
 * reads the type off their wording ({@link Lexicon#signals()}): HTTP statuses, "not found" and what is missing,
 * "not supported", "denied", "refused", compiler diagnostic shapes... Lines of the final cluster weigh most; earlier
 * errors a little, so a consequence printed last does not hide its cause. The verdict is honest about being a guess:
 * a {@code generic.*} rule id and a confidence of at most {@link Lexicon.Confidence#cap()}.
 */
public final class GenericTier {

    /** Weight of a signal on a line of the final cluster, relative to one outside it. */
    private static final double CLUSTER_WEIGHT = 1.0;
    private static final double OUTSIDE_WEIGHT = 0.25;
    /** Output lines before a line in which a signal's context is looked for. */
    private static final int CONTEXT_LINES = 4;
    /** A type needs this much signal weight to be named. */
    private static final double MIN_TALLY = 2.0;

    /**
     * What the generic tier found.
     *
     * @param type {@code unknown} when the wording names no type
     * @param signal the signal behind the type, the tail of the rule id; {@code unrecognized} for {@code unknown}
     * @param rootCause index of the root-cause line, or -1 when the step printed no error line
     * @param cluster indexes of the final error cluster, in line order
     */
    public record Finding(FailureType type, String signal, double confidence, int rootCause, List<Integer> cluster) {
        public String ruleId() {
            return "generic." + signal;
        }
    }

    private record Hit(int index, Lexicon.Signal signal, FailureType type, double weight) {
    }

    private final CandidateRanker ranker;

    public GenericTier(CandidateRanker ranker) {
        this.ranker = ranker;
    }

    public CandidateRanker ranker() {
        return ranker;
    }

    /** This tier with its ranker also weighing lines by {@code weight} (for one step's known lines, say). */
    public GenericTier alsoWeighing(CandidateRanker.LineWeight weight) {
        return new GenericTier(ranker.alsoWeighing(weight));
    }

    /** Reads the lines {@code [0, end)} of a step whose failure is at {@code end}. */
    public Finding decide(List<String> texts, int end) {
        Lexicon lexicon = ranker.lexicon();
        int from = ranker.windowStart(texts, end);
        List<CandidateRanker.Candidate> ranked = ranker.rank(texts, from, end);
        List<Integer> cluster = finalCluster(ranked, lexicon);
        if (cluster.isEmpty()) {
            return new Finding(FailureType.UNKNOWN, "unrecognized", lexicon.confidence().unknown(), -1, List.of());
        }
        List<Hit> hits = new ArrayList<>();
        Map<FailureType, Double> tally = new EnumMap<>(FailureType.class);
        int first = cluster.get(0);
        for (CandidateRanker.Candidate c : ranked) {
            if (c.kind() != CandidateRanker.Kind.ERROR) {
                continue;
            }
            double place = c.index() >= first ? CLUSTER_WEIGHT : OUTSIDE_WEIGHT;
            for (Hit hit : hits(texts, c.index(), from, ranker)) {
                double w = hit.weight() * place * (1 + (double) (c.index() - from) / Math.max(1, end - from));
                hits.add(new Hit(hit.index(), hit.signal(), hit.type(), w));
                tally.merge(hit.type(), w, Double::sum);
            }
        }
        Optional<FailureType> winner = tally.entrySet().stream().filter(e -> e.getValue() >= MIN_TALLY)
                .max((a, b) -> a.getValue().equals(b.getValue())
                        ? Integer.compare(Rule.defaultPriority(a.getKey()), Rule.defaultPriority(b.getKey()))
                        : Double.compare(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey);
        if (winner.isEmpty()) {
            return new Finding(FailureType.UNKNOWN, "unrecognized", lexicon.confidence().unknown(), cluster.get(0),
                    cluster);
        }
        FailureType type = testVerdictFirst(winner.get(), tally);
        Hit root = hits.stream().filter(h -> h.type() == type && h.index() >= first).findFirst()
                .orElseGet(() -> hits.stream().filter(h -> h.type() == type)
                        .max((a, b) -> Double.compare(a.weight(), b.weight())).orElseThrow());
        String signal = hits.stream().filter(h -> h.index() == root.index() && h.type() == type)
                .max((a, b) -> Double.compare(a.signal().weight(), b.signal().weight())).orElse(root).signal().id();
        double total = tally.values().stream().mapToDouble(Double::doubleValue).sum();
        Lexicon.Confidence c = lexicon.confidence();
        double confidence = Math.min(c.cap(), c.base() + c.spread() * tally.get(type) / total);
        return new Finding(type, signal, confidence, root.index(), cluster);
    }

    /**
     * The taxonomy's deliberate rule: a test runner's verdict beats the network, permission or timeout wording of
     * the failing tests' own messages.
     */
    private static FailureType testVerdictFirst(FailureType winner, Map<FailureType, Double> tally) {
        boolean environment = winner == FailureType.NETWORK_ERROR || winner == FailureType.PERMISSION_ERROR
                || winner == FailureType.TIMEOUT;
        return environment && tally.getOrDefault(FailureType.TEST_FAILURE, 0.0) >= MIN_TALLY
                ? FailureType.TEST_FAILURE
                : winner;
    }

    /**
     * The last error lines before the failure, walking back while the next one is at most
     * {@link Lexicon#clusterGap()} output lines away and the cluster spans at most {@link Lexicon#clusterSpan()}.
     * When no line reads as an error, the last wrapper line stands in (it at least names the command that failed).
     */
    static List<Integer> finalCluster(List<CandidateRanker.Candidate> ranked, Lexicon lexicon) {
        List<Integer> cluster = new ArrayList<>();
        int gap = 0;
        int last = -1;
        for (int i = ranked.size() - 1; i >= 0; i--) {
            CandidateRanker.Candidate c = ranked.get(i);
            if (c.kind() == CandidateRanker.Kind.ERROR) {
                if (last >= 0 && (gap > lexicon.clusterGap() || last - c.index() > lexicon.clusterSpan())) {
                    break;
                }
                cluster.add(0, c.index());
                if (last < 0) {
                    last = c.index();
                }
                gap = 0;
            } else if (c.kind() != CandidateRanker.Kind.NOISE && last >= 0) {
                gap++;
            }
        }
        if (cluster.isEmpty()) {
            for (int i = ranked.size() - 1; i >= 0; i--) {
                if (ranked.get(i).kind() == CandidateRanker.Kind.WRAPPER) {
                    return List.of(ranked.get(i).index());
                }
            }
        }
        return cluster;
    }

    /** The signals on line {@code i}, each type once, with the type its context gives it. */
    private static List<Hit> hits(List<String> texts, int i, int from, CandidateRanker ranker) {
        Lexicon lexicon = ranker.lexicon();
        String text = CandidateRanker.probe(texts.get(i));
        List<Hit> found = new ArrayList<>();
        for (Lexicon.Signal s : lexicon.signals()) {
            if (!s.pattern().matcher(text).find()) {
                continue;
            }
            FailureType type = s.type();
            if (s.context().isPresent() && inContext(texts, i, from, s.context().get(), ranker)) {
                type = s.contextType().orElseThrow();
            }
            FailureType t = type;
            Optional<Hit> same = found.stream().filter(h -> h.type() == t).findFirst();
            if (same.isEmpty()) {
                found.add(new Hit(i, s, type, s.weight()));
            } else if (same.get().weight() < s.weight()) {
                found.set(found.indexOf(same.get()), new Hit(i, s, type, s.weight()));
            }
        }
        return found;
    }

    /** Whether the line or one of the output lines just before it (noise skipped) matches the context. */
    private static boolean inContext(List<String> texts, int i, int from, Pattern context, CandidateRanker ranker) {
        int seen = 0;
        for (int j = i; j >= from && seen <= CONTEXT_LINES; j--) {
            String t = CandidateRanker.probe(texts.get(j));
            if (j < i && ranker.kind(t) == CandidateRanker.Kind.NOISE) {
                continue;
            }
            if (context.matcher(t).find()) {
                return true;
            }
            seen++;
        }
        return false;
    }
}
