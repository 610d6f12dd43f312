package io.github.recoveryaction.classify;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The verdict on one log: which step failed, why, and the lines that prove it.
 *
 * @param file the input as the user named it
 * @param job the job the failing step belongs to, when the input names jobs (run-log archives, gh output)
 * @param failureType the root cause's type; {@code unknown} when nothing failed (see {@link #outcome})
 * @param confidence 0..1
 * @param step the failing step; empty for raw command output and excerpts without step markers
 * @param evidence root-cause lines, at most {@link #MAX_EVIDENCE}; empty only for {@code unknown} without output
 * @param rule id of the rule that decided; {@code generic.*} when the generic tier read the wording
 * @param title one sentence saying why, from the deciding rule
 * @param details structured facts the rules extracted
 * @param outcome whether the input shows a failure at all
 * @param otherFailedJobs the input's other failed jobs (multi-job logs), in input order
 * @param novelty how many lines of the failing step are new since the last passing run, when a baseline was given
 */
public record Classification(
        String file,
        Optional<String> job,
        FailureType failureType,
        double confidence,
        Optional<StepRef> step,
        List<Evidence> evidence,
        String rule,
        String title,
        Details details,
        Outcome outcome,
        List<JobVerdict> otherFailedJobs,
        Optional<Novelty> novelty) {

    public static final int MAX_EVIDENCE = 20;
    /** Rule id prefix of the generic tier's verdicts. */
    public static final String GENERIC_PREFIX = "generic.";

    /** What the input shows. The JSON value is {@link #id()}. */
    public enum Outcome {
        /** A step failed: the classification names it. */
        FAILED("failed"),
        /** A whole job log in which no step failed. */
        NO_FAILED_STEP("no_failed_step"),
        /** The input holds no text at all. */
        EMPTY("empty"),
        /** The input is not text (binary data). */
        NOT_TEXT("not_text");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * A failed job of a multi-job input.
     *
     * @param consequence the job looks like it failed only because a job it needs failed (an aggregator job)
     */
    public record JobVerdict(String job, FailureType failureType, double confidence, Optional<StepRef> step,
            String rule, String title, List<Evidence> evidence, boolean consequence) {
        public JobVerdict {
            evidence = List.copyOf(evidence);
        }
    }

    public Classification {
        evidence = List.copyOf(evidence);
        otherFailedJobs = List.copyOf(otherFailedJobs);
    }

    /** A failure verdict of a single-job input, made without a baseline. */
    public Classification(String file, Optional<String> job, FailureType failureType, double confidence,
            Optional<StepRef> step, List<Evidence> evidence, String rule, String title, Details details) {
        this(file, job, failureType, confidence, step, evidence, rule, title, details, Outcome.FAILED, List.of(),
                Optional.empty());
    }

    /** Whether a rule's knowledge of the tool decided: false for the generic tier, {@code unknown} and non-failures. */
    public boolean decidedByRule() {
        return outcome == Outcome.FAILED && failureType != FailureType.UNKNOWN && !rule.startsWith(GENERIC_PREFIX);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    // Copies change only what reports show; each goes through copy() so the verdict, its outcome, the other failed
    // jobs and the novelty are never lost when a component is added.

    public Classification withOtherFailedJobs(List<JobVerdict> others) {
        return copy(file, job, step, evidence, title, details, others);
    }

    public Classification withFile(String newFile) {
        return copy(newFile, job, step, evidence, title, details, otherFailedJobs);
    }

    public Classification withJob(Optional<String> newJob) {
        return copy(file, newJob, step, evidence, title, details, otherFailedJobs);
    }

    public Classification withStep(Optional<StepRef> newStep) {
        return copy(file, job, newStep, evidence, title, details, otherFailedJobs);
    }

    public Classification withEvidence(List<Evidence> newEvidence) {
        return copy(file, job, step, newEvidence, title, details, otherFailedJobs);
    }

    public Classification withTitle(String newTitle) {
        return copy(file, job, step, evidence, newTitle, details, otherFailedJobs);
    }

    public Classification withDetails(Details newDetails) {
        return copy(file, job, step, evidence, title, newDetails, otherFailedJobs);
    }

    private Classification copy(String newFile, Optional<String> newJob, Optional<StepRef> newStep,
            List<Evidence> newEvidence, String newTitle, Details newDetails, List<JobVerdict> others) {
        return new Classification(newFile, newJob, failureType, confidence, newStep, newEvidence, rule, newTitle,
                newDetails, outcome, others, novelty);
    }

    /** The verdict on an input that shows no failure. */
    public static Classification without(String file, Optional<String> job, Outcome outcome) {
        String rule = switch (outcome) {
            case NO_FAILED_STEP -> "none.no-failed-step";
            case EMPTY -> "none.empty-input";
            case NOT_TEXT -> "none.not-text";
            case FAILED -> throw new IllegalArgumentException("a failure needs a verdict");
        };
        String title = switch (outcome) {
            case NO_FAILED_STEP -> "No failed step found: every step of the job passed.";
            case EMPTY -> "The input is empty: there is no log to classify.";
            case NOT_TEXT -> "The input is not text (binary data): there is no log to classify.";
            case FAILED -> "";
        };
        return new Classification(file, job, FailureType.UNKNOWN, outcome == Outcome.NO_FAILED_STEP ? 0.9 : 1.0,
                Optional.empty(), List.of(), rule, title, Details.NONE, outcome, List.of(), Optional.empty());
    }

    /**
     * A copy whose source locations name their files through {@code files}: how the report makes the absolute paths
     * of compiler and test output relative to the repository before they reach plans, annotations and outputs.
     */
    public Classification withLocationFiles(UnaryOperator<String> files) {
        Details d = details;
        List<SourceLocation> locations = d.locations().stream()
                .map(l -> new SourceLocation(files.apply(l.file()), l.line(), l.column(), l.message())).toList();
        return withDetails(new Details(d.failedTests(), locations, d.dependencies(), d.command(), d.exitCode(),
                d.timeLimit(), d.stepDuration()));
    }
}
