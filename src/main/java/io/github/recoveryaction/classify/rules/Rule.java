package io.github.recoveryaction.classify.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.recoveryaction.classify.FailureType;

/**
 * A piece of failure knowledge: how a tool's message looks and what type of failure it proves.
 *
 * @param id stable dotted id, ecosystem first ({@code maven.compilation-error})
 * @param title one sentence saying why the step failed, shown as the classification's "why"
 * @param priority higher wins when several rules match one step; defaults follow the taxonomy's precedence
 * @param evidenceOnly the rule adds evidence and details to a verdict of its type but never decides alone
 * @param anyType an evidence-only rule for a wrapper's line ({@code failure-type: any}) that joins the evidence of
 *        whatever type wins, e.g. the build tool's line naming the command that failed
 * @param step restricts the rule to steps whose name matches this glob; empty for every step and raw logs
 * @param origin where the rule came from: a bundled file name or the user's override file
 */
public record Rule(
        String id,
        String title,
        FailureType failureType,
        int priority,
        double confidence,
        boolean evidenceOnly,
        boolean anyType,
        Optional<Pattern> step,
        List<Matcher> matchers,
        String description,
        String origin) {

    public static final double DEFAULT_CONFIDENCE = 0.85;
    /** The {@code failure-type} of evidence-only rules whose lines join a verdict of any type. */
    public static final String ANY_TYPE = "any";

    public Rule {
        matchers = List.copyOf(matchers);
    }

    /**
     * The precedence of {@code spec/failure-taxonomy.md} as numbers: the platform stopping the work beats the
     * environment refusing, which beats the tool's own verdict — except that a test runner's verdict of failed
     * tests beats network and timeout exceptions inside those tests.
     */
    public static int defaultPriority(FailureType type) {
        return switch (type) {
            case INFRASTRUCTURE_ERROR -> 900;
            case TIMEOUT -> 880;
            case RESOURCE_EXHAUSTION -> 860;
            case TEST_FAILURE -> 750;
            case NETWORK_ERROR, PERMISSION_ERROR -> 700;
            case COMPILATION_ERROR, DEPENDENCY_ERROR, CONFIGURATION_ERROR, QUALITY_GATE_FAILURE, GIT_ERROR -> 500;
            case UNKNOWN -> 100;
        };
    }

    /** Rules restricted to named steps stay out of logs whose step is unknown (raw command output). */
    /** Whether this rule's lines belong to the evidence of a verdict of {@code type}. */
    public boolean supports(FailureType type) {
        return anyType || failureType == type;
    }

    /** The type as rule files spell it: a taxonomy id, or {@value #ANY_TYPE}. */
    public String failureTypeId() {
        return anyType ? ANY_TYPE : failureType.id();
    }

    public boolean appliesTo(Optional<String> stepName) {
        return step.isEmpty() || stepName.isPresent() && step.get().matcher(stepName.get()).matches();
    }
}
