package io.github.recoveryaction.classify.generic;

import java.util.ArrayList;
import java.util.List;

import io.github.recoveryaction.classify.OutputPrefix;

/**
 * Ranks the lines before a step's failure as root-cause candidates, LogSage-style: drop known noise (runner chatter,
 * stack frames), set aside wrapper lines that only repeat that something failed and errors the step recovered from,
 * score the rest by their error wording, and favour lines near the failure.
 * <p>
 * {@link #score} is the one place a line's rank is computed; other knowledge joins through a {@link LineWeight} (for
 * example "this line was also printed by the last passing run", which should never head a report).
 */
public final class CandidateRanker {

    /** What a line is to the ranking. */
    public enum Kind {
        NOISE,
        WRAPPER,
        RECOVERED,
        ERROR,
        PLAIN
    }

    /** A multiplier on a line's score: 1 keeps it, 0 rules it out as a root cause. */
    @FunctionalInterface
    public interface LineWeight {
        LineWeight NEUTRAL = text -> 1.0;

        double weight(String text);
    }

    /** A line of the window: its index among the step's lines, its kind and score (0 unless {@code ERROR}). */
    public record Candidate(int index, Kind kind, double score) {
    }

    /** A line needs this error score to be a candidate. */
    public static final double MIN_ERROR_SCORE = 2.0;
    /** What wording that names a failure type adds to a line's error score. */
    static final double SIGNAL_WEIGHT = 2.0;
    /** What wording that says the retries ran out adds to a line's error score: the line is a failure. */
    static final double GAVE_UP_WEIGHT = 2.0;
    private static final int MAX_CHARS = 1000;
    private static final String ERROR_MARKER = "##[error]";

    private final Lexicon lexicon;
    private final LineWeight extra;

    public CandidateRanker(Lexicon lexicon, LineWeight extra) {
        this.lexicon = lexicon;
        this.extra = extra;
    }

    public CandidateRanker(Lexicon lexicon) {
        this(lexicon, LineWeight.NEUTRAL);
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** This ranker with {@code more} multiplied into its line weight. */
    public CandidateRanker alsoWeighing(LineWeight more) {
        return new CandidateRanker(lexicon, text -> extra.weight(text) * more.weight(text));
    }

    /**
     * Where the window before the failure at {@code end} starts: {@link Lexicon#window()} lines that are not noise,
     * so a flood of compiler notes or progress lines does not push the root cause out (at most ten windows back).
     */
    public int windowStart(List<String> texts, int end) {
        int counted = 0;
        int floor = Math.max(0, end - 10 * lexicon.window());
        int i = end;
        while (i > floor && counted < lexicon.window()) {
            i--;
            if (!Lexicon.any(lexicon.noise(), probe(texts.get(i)))) {
                counted++;
            }
        }
        return i;
    }

    /** Classifies and scores the lines {@code [from, end)}, in line order. */
    public List<Candidate> rank(List<String> texts, int from, int end) {
        List<Candidate> out = new ArrayList<>(end - from);
        int lastRecovery = Integer.MIN_VALUE;
        int gaveUpAt = Integer.MIN_VALUE;
        Kind[] kinds = new Kind[end - from];
        // a recovery line vouches for the errors just before it, so walk backwards; one the step printed nothing after
        // vouches for nothing: the step ended waiting for the retry, so its error is how the step ended
        boolean outputAfter = false;
        for (int i = end - 1; i >= from; i--) {
            String text = probe(texts.get(i));
            Kind kind = kind(text);
            boolean afterLastAttempt = gaveUpAt - i <= lexicon.recoveredReach();
            if (gaveUp(text)) {
                // "giving up after 3 attempts" says the retries failed: it vouches for no error, it is one, and the
                // "retrying" lines between it and the last attempt's error vouch for nothing either
                lastRecovery = Integer.MIN_VALUE;
                gaveUpAt = i;
            } else if (afterLastAttempt) {
                gaveUpAt = kind == Kind.ERROR ? Integer.MIN_VALUE : gaveUpAt;
            } else if (kind == Kind.ERROR && Lexicon.any(lexicon.recovered(), text)) {
                if (outputAfter) {
                    kind = Kind.RECOVERED;
                    lastRecovery = i;
                }
            } else if (kind != Kind.NOISE && Lexicon.any(lexicon.recovered(), text)) {
                lastRecovery = outputAfter ? i : lastRecovery;
            } else if (kind == Kind.ERROR && lastRecovery >= 0 && lastRecovery - i <= lexicon.recoveredReach()) {
                kind = Kind.RECOVERED;
            }
            kinds[i - from] = kind;
            outputAfter |= kind != Kind.NOISE && !text.isBlank();
        }
        for (int i = from; i < end; i++) {
            Kind kind = kinds[i - from];
            double score = kind == Kind.ERROR ? score(probe(texts.get(i)), end - i) : 0;
            if (kind == Kind.ERROR && score < MIN_ERROR_SCORE) {
                kind = Kind.PLAIN;
            }
            out.add(new Candidate(i, kind, score));
        }
        return out;
    }

    /** Whether a line shortly after the line at {@code i} says it is retried or worked around. */
    public boolean recoveredAfter(List<String> texts, int i) {
        int last = Math.min(texts.size() - 1, i + lexicon.recoveredReach());
        for (int j = i + 1; j <= last; j++) {
            String text = probe(texts.get(j));
            if (kind(text) == Kind.WRAPPER || gaveUp(text)) {
                return false;
            }
            if (Lexicon.any(lexicon.recovered(), text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a line says the retries ran out: the error retried is the failure, not recovered from. */
    public boolean gaveUp(String text) {
        return Lexicon.any(lexicon.gaveUp(), text);
    }

    /**
     * A line's rank as a root cause: its error wording (warnings weigh a third), times a nearness factor from 2 (just
     * before the failure) down to 1 (the window's start), times the {@link LineWeight}.
     */
    public double score(String text, int distanceToFailure) {
        double words = errorWeight(text);
        if (words <= 0) {
            return 0;
        }
        double nearness = 1 + Math.max(0, 1 - (double) distanceToFailure / lexicon.window());
        return words * nearness * extra.weight(text);
    }

    /** The raw error wording of a line, before nearness; wording that names a type counts as error wording. */
    public double errorWeight(String text) {
        double words = 0;
        for (Lexicon.Weighted w : lexicon.errorWords()) {
            if (w.pattern().matcher(text).find()) {
                words += w.weight();
            }
        }
        for (Lexicon.Signal s : lexicon.signals()) {
            if (s.pattern().matcher(text).find()) {
                words += SIGNAL_WEIGHT;
                break;
            }
        }
        if (gaveUp(text)) {
            words += GAVE_UP_WEIGHT;
        }
        if (words > 0 && Lexicon.any(lexicon.warnings(), text)) {
            words /= 3;
        }
        return words;
    }

    /** Noise and wrappers by their patterns; everything else is an error line when it has error wording. */
    public Kind kind(String text) {
        if (Lexicon.any(lexicon.noise(), text)) {
            return Kind.NOISE;
        }
        if (Lexicon.any(lexicon.wrappers(), text)) {
            return Kind.WRAPPER;
        }
        return errorWeight(text) >= MIN_ERROR_SCORE ? Kind.ERROR : Kind.PLAIN;
    }

    /**
     * The text patterns see: the runner's {@code ##[error]} prefix and the wrapping tool's prefix
     * ({@link OutputPrefix}) removed, long lines cut.
     */
    public static String probe(String text) {
        String t = OutputPrefix.strip(text.startsWith(ERROR_MARKER) ? text.substring(ERROR_MARKER.length()) : text);
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }
}
