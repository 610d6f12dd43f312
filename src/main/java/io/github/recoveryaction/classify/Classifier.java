package io.github.recoveryaction.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.recoveryaction.classify.generic.CandidateRanker;
import io.github.recoveryaction.classify.generic.GenericTier;
import io.github.recoveryaction.classify.generic.Lexicon;
import io.github.recoveryaction.classify.log.JobLog;
import io.github.recoveryaction.classify.log.LineReader;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.log.TextStream;
import io.github.recoveryaction.classify.rules.RuleSet;

/**
 * Names the failing step of a CI log and the root cause of its failure. Logs stream through in constant memory;
 * only the steps that could be the failing one are decoded and matched against the rules, and when no rule
 * decides, the generic tier reads the wording of the lines before the failure.
 * <p>
 * Thread-safe: each call works on its own state.
 */
public final class Classifier {

    private final RuleSet rules;
    private final Consumer<String> warnings;
    private final GenericTier generic;

    public Classifier(RuleSet rules) {
        this(rules, w -> {
        });
    }

    /** @param warnings receives one-line warnings about the rules (e.g. a pattern switched off as too slow) */
    public Classifier(RuleSet rules, Consumer<String> warnings) {
        this(rules, warnings, CandidateRanker.LineWeight.NEUTRAL);
    }

    /** @param lineWeight weighs candidate root-cause lines, e.g. down for lines a passing run printed too */
    public Classifier(RuleSet rules, Consumer<String> warnings, CandidateRanker.LineWeight lineWeight) {
        this.rules = rules;
        this.warnings = warnings;
        this.generic = new GenericTier(new CandidateRanker(Lexicon.bundled(), lineWeight));
    }

    /**
     * Classifies the input. With several failed jobs the headline is the root-cause job ({@link RootCauseJob}) and
     * the others are listed; with none the outcome says why (every step passed, empty input, not text).
     *
     * @throws io.github.recoveryaction.InvalidInputException when the input cannot be read
     */
    public Classification classify(LogInput input) {
        return classify(input, KnownLines.NONE);
    }

    /**
     * Classifies as {@link #classify(LogInput)}, comparing the failing step with the lines of a passing run of the
     * same job: the rules still decide, but only on lines the passing run did not print, the generic tier weighs
     * known lines 0 (they never become its root cause) and evidence leaves them out.
     */
    public Classification classify(LogInput input, KnownLines baseline) {
        List<JobScanner.JobResult> results = scanAll(input, baseline);
        List<JobScanner.JobResult> failed = results.stream().filter(r -> !r.passed()).toList();
        if (failed.isEmpty()) {
            Classification.Outcome outcome = results.stream().map(JobScanner.JobResult::outcome)
                    .filter(o -> o == Classification.Outcome.NO_FAILED_STEP).findFirst()
                    .orElse(results.get(0).outcome());
            return Classification.without(input.name(), results.size() == 1 ? results.get(0).job() : Optional.empty(),
                    outcome);
        }
        List<Classification> verdicts = failed.stream()
                .map(r -> r.analysis().orElseThrow().toClassification(input.name(), r.job())).toList();
        int headline = RootCauseJob.choose(failed, verdicts, generic.ranker().lexicon());
        List<Classification.JobVerdict> others = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (i != headline) {
                others.add(RootCauseJob.summary(verdicts.get(i), verdicts, generic.ranker().lexicon()));
            }
        }
        return verdicts.get(headline).withOtherFailedJobs(others);
    }

    /** One classification per job of the input, in the input's order (passed jobs say so). */
    public List<Classification> classifyJobs(LogInput input) {
        return scanAll(input, KnownLines.NONE).stream()
                .map(r -> r.analysis().map(a -> a.toClassification(input.name(), r.job()))
                        .orElseGet(() -> Classification.without(input.name(), r.job(), r.outcome())))
                .toList();
    }

    private List<JobScanner.JobResult> scanAll(LogInput input, KnownLines baseline) {
        StepAnalyzer analyzer = new StepAnalyzer(rules, warnings, generic, baseline);
        List<JobScanner.JobResult> results = new ArrayList<>();
        for (JobLog job : input.jobs()) {
            try (InputStream raw = job.opener().open()) {
                TextStream.Sniffed sniffed = TextStream.sniff(raw);
                if (sniffed.kind() != TextStream.Kind.TEXT) {
                    results.add(JobScanner.JobResult.without(job.job(), sniffed.kind() == TextStream.Kind.EMPTY
                            ? Classification.Outcome.EMPTY
                            : Classification.Outcome.NOT_TEXT));
                    continue;
                }
                JobScanner scanner = new JobScanner(rules, analyzer, job.job());
                LineReader.read(sniffed.stream(), scanner);
                scanner.finishJob();
                results.addAll(scanner.results());
            } catch (IOException e) {
                throw LogInput.unreadable(input.name(), e);
            }
        }
        return results;
    }
}
