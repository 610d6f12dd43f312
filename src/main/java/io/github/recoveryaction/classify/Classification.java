package io.github.recoveryaction.classify;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The verdict on one log: which step failed, why, and the lines that prove it.
 *
 * @param file the input as the user named it
 * @param job the job the failing step belongs to, when the input names jobs (run-log archives, gh output)
 * @param failureType the root cause's type
 * @param confidence 0..1
 * @param step the failing step; empty for raw command output without step markers
 * @param evidence root-cause lines, at most {@link #MAX_EVIDENCE}; empty only for {@code unknown} without output
 * @param rule id of the rule that decided
 * @param title one sentence saying why, from the deciding rule
 * @param details structured facts the rules extracted
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
        Details details) {

    public static final int MAX_EVIDENCE = 20;

    public Classification {
        evidence = List.copyOf(evidence);
    }

    /**
     * A copy whose source locations name their files through {@code files}: how the report makes the absolute paths
     * of compiler and test output relative to the repository before they reach plans, annotations and outputs.
     */
    public Classification withLocationFiles(UnaryOperator<String> files) {
        Details d = details;
        List<SourceLocation> locations = d.locations().stream()
                .map(l -> new SourceLocation(files.apply(l.file()), l.line(), l.column(), l.message())).toList();
        return new Classification(file, job, failureType, confidence, step, evidence, rule, title, new Details(
                d.failedTests(), locations, d.dependencies(), d.command(), d.exitCode(), d.timeLimit(), d.stepDuration()));
    }

    /** False for verdicts of the generic tier ({@code generic.*}) and for {@code unknown}: no rule decided them. */
    public boolean decidedByRule() {
        return !rule.startsWith("generic.") && !rule.equals("unknown");
    }
}
