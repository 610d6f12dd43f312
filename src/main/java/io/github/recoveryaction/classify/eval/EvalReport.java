package io.github.recoveryaction.classify.eval;

import java.util.List;
import java.util.Map;

import io.github.recoveryaction.classify.FailureType;

/**
 * How well the classifier did on a labelled corpus.
 *
 * @param confusion counts by expected type, then predicted type
 * @param stepAccuracy share of logs whose failing step was found, over the logs whose label names a step or none
 * @param keyLinesFound labelled key lines that occur in the evidence
 * @param controls labelled controls (logs of jobs that passed), not counted in {@code total}
 * @param controlsFailed controls the classifier wrongly gave a failure
 */
public record EvalReport(
        int total,
        int correct,
        Map<FailureType, Map<FailureType, Integer>> confusion,
        Map<FailureType, TypeScore> perType,
        int stepTotal,
        int stepCorrect,
        int keyLines,
        int keyLinesFound,
        int controls,
        int controlsFailed,
        List<Miss> misses) {

    public record TypeScore(int support, int predicted, int truePositives) {
        public double precision() {
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        public double recall() {
            return support == 0 ? 1.0 : (double) truePositives / support;
        }
    }

    /** A log the classifier got wrong in type, step or key lines. */
    public record Miss(String file, FailureType expected, FailureType actual, String rule, String problem) {
    }

    /** Share of failure logs typed right; 1 for a corpus of controls only. */
    public double accuracy() {
        return total == 0 ? 1.0 : (double) correct / total;
    }

    public double stepAccuracy() {
        return stepTotal == 0 ? 1.0 : (double) stepCorrect / stepTotal;
    }

    public double keyLineRecall() {
        return keyLines == 0 ? 1.0 : (double) keyLinesFound / keyLines;
    }
}
