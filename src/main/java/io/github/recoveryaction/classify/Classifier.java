package io.github.recoveryaction.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.recoveryaction.classify.log.JobLog;
import io.github.recoveryaction.classify.log.LineReader;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.rules.RuleSet;

/**
 * Names the failing step of a CI log and the root cause of its failure. Logs stream through in constant memory;
 * only the steps that could be the failing one are decoded and matched against the rules.
 * <p>
 * Thread-safe: each call works on its own state.
 */
public final class Classifier {

    private final RuleSet rules;
    private final Consumer<String> warnings;

    public Classifier(RuleSet rules) {
        this(rules, w -> {
        });
    }

    /** @param warnings receives one-line warnings about the rules (e.g. a pattern switched off as too slow) */
    public Classifier(RuleSet rules, Consumer<String> warnings) {
        this.rules = rules;
        this.warnings = warnings;
    }

    /**
     * Classifies the failing job of the input: the first job whose failing step the runner marked, else the first
     * job.
     *
     * @throws io.github.recoveryaction.InvalidInputException when the input cannot be read
     */
    public Classification classify(LogInput input) {
        return classify(input, KnownLines.NONE);
    }

    /**
     * Classifies as {@link #classify(LogInput)}, comparing the failing step with the lines of a passing run of the
     * same job: the rules still decide, but matches and evidence on lines the passing run also printed rank last.
     */
    public Classification classify(LogInput input, KnownLines baseline) {
        List<JobScanner.JobResult> results = scanAll(input, baseline);
        JobScanner.JobResult chosen = results.stream().filter(JobScanner.JobResult::markedFailed).findFirst()
                .orElse(results.get(0));
        return chosen.analysis().toClassification(input.name(), chosen.job());
    }

    /** One classification per job of the input, in the input's order. */
    public List<Classification> classifyJobs(LogInput input) {
        return scanAll(input, KnownLines.NONE).stream().map(r -> r.analysis().toClassification(input.name(), r.job())).toList();
    }

    private List<JobScanner.JobResult> scanAll(LogInput input, KnownLines baseline) {
        StepAnalyzer analyzer = new StepAnalyzer(rules, warnings, baseline);
        List<JobScanner.JobResult> results = new ArrayList<>();
        for (JobLog job : input.jobs()) {
            JobScanner scanner = new JobScanner(rules, analyzer, job.job());
            try (InputStream in = job.opener().open()) {
                LineReader.read(in, scanner);
            } catch (IOException e) {
                throw LogInput.unreadable(input.name(), e);
            }
            scanner.finishJob();
            results.addAll(scanner.results());
        }
        return results;
    }
}
