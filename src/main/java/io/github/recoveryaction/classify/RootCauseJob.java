package io.github.recoveryaction.classify;

import java.util.List;
import java.util.Locale;

import io.github.recoveryaction.classify.generic.Lexicon;

/**
 * Picks the headline among the failed jobs of one input ({@code gh run view --log-failed} of a run, a run-logs
 * archive). A job that only reports on others — an aggregator or "all checks" gate that fails because a job it
 * {@code needs} failed — is a consequence, never the headline while a job with its own failure exists. Among the
 * rest a job the runner marked failed beats one whose failure is only inferred, and a verdict a rule decided beats
 * one of the generic tier, which beats {@code unknown}; ties go to the first job in the input.
 */
final class RootCauseJob {

    private RootCauseJob() {
    }

    static int choose(List<JobScanner.JobResult> failed, List<Classification> verdicts, Lexicon lexicon) {
        int best = 0;
        int bestScore = Integer.MIN_VALUE;
        for (int i = 0; i < verdicts.size(); i++) {
            Classification c = verdicts.get(i);
            int score = (failed.get(i).markedFailed() ? 8 : 0)
                    + (c.decidedByRule() ? 3 : c.failureType() != FailureType.UNKNOWN ? 2 : 0)
                    - (consequence(c, verdicts, lexicon) ? 16 : 0);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    static Classification.JobVerdict summary(Classification c, List<Classification> all, Lexicon lexicon) {
        return new Classification.JobVerdict(c.job().orElse(""), c.failureType(), c.confidence(), c.step(), c.rule(),
                c.title(), c.evidence().stream().limit(3).toList(), consequence(c, all, lexicon));
    }

    /**
     * Whether the job looks like it failed because another job did: its name is an aggregator's, or its evidence
     * speaks of needed jobs' results or names another failed job.
     */
    static boolean consequence(Classification c, List<Classification> all, Lexicon lexicon) {
        if (all.size() < 2 || c.decidedByRule()) {
            return false;
        }
        String name = c.job().orElse("").strip();
        if (!name.isEmpty() && lexicon.aggregatorJobs().matcher(name).find()) {
            return true;
        }
        for (Evidence e : c.evidence()) {
            if (lexicon.needsFailure().matcher(e.text()).find()) {
                return true;
            }
            String text = e.text().toLowerCase(Locale.ROOT);
            for (Classification other : all) {
                String job = other.job().orElse("").toLowerCase(Locale.ROOT);
                if (other != c && job.length() > 3 && text.contains(job)) {
                    return true;
                }
            }
        }
        return false;
    }
}
