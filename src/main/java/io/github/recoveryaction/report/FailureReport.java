package io.github.recoveryaction.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.SourceLocation;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.plan.Escalation;
import io.github.recoveryaction.plan.RecoveryAction;
import io.github.recoveryaction.plan.RecoveryPlan;

/**
 * What one report shows: the classification of a failed step, its recovery plan and, when the run is known, links
 * into the log.
 *
 * @param classification the verdict
 * @param plan the plan for it
 * @param links where the log lives on GitHub
 * @param jobStepNumber the failing step's number as the jobs API and the log viewer count, when the job is known: the
 *        API's in the action, the log's count plus "Set up job" when {@code analyze} is given a job page
 */
public record FailureReport(Classification classification, RecoveryPlan plan, Optional<LogLinks> links,
        OptionalInt jobStepNumber) {

    /** A report without the jobs API: steps are numbered as the log counts them. */
    public FailureReport(Classification classification, RecoveryPlan plan, Optional<LogLinks> links) {
        this(classification, plan, links, OptionalInt.empty());
    }

    /**
     * The failing step as people see it: numbered as the jobs API and GitHub's log viewer do ("Set up job" is 1),
     * the same number as {@code failed-step-number} and the step links, when the job is known; else as the log
     * counts its {@code Run} steps ({@code step.number} of the classification JSON).
     */
    public Optional<StepRef> shownStep() {
        return classification.step().map(s -> jobStepNumber.isPresent()
                ? new StepRef(jobStepNumber.getAsInt(), s.name(), s.displayName())
                : s);
    }

    /** Longest evidence line kept; reports show at most 2,000 characters of a line. */
    static final int MAX_LINE = 8_000;
    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.";

    /** A copy with every text passed through {@code redactor}; renderers call this before they render. */
    public FailureReport redacted(Redactor r) {
        Classification c = classification;
        List<Evidence> kept = c.evidence().subList(0, Math.min(Classification.MAX_EVIDENCE, c.evidence().size()));
        List<String> texts = r.redactLines(kept.stream().map(e -> bounded(e.text())).toList());
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            evidence.add(new Evidence(kept.get(i).line(), texts.get(i)));
        }
        Details d = c.details();
        Details details = new Details(d.failedTests().stream().map(r::redact).toList(),
                d.locations().stream().map(l -> new SourceLocation(r.redact(l.file()), l.line(), l.column(),
                        r.redact(l.message()))).toList(),
                d.dependencies().stream().map(r::redact).toList(), d.command().map(r::redact), d.exitCode(),
                d.timeLimit(), d.stepDuration());
        Classification redacted = c.withFile(r.redact(c.file())).withJob(c.job().map(r::redact))
                .withStep(c.step().map(s -> redact(s, r))).withEvidence(evidence).withTitle(r.redact(c.title()))
                .withDetails(details)
                .withOtherFailedJobs(c.otherFailedJobs().stream().map(j -> new Classification.JobVerdict(
                        r.redact(j.job()), j.failureType(), j.confidence(), j.step().map(s -> redact(s, r)), j.rule(),
                        r.redact(j.title()),
                        j.evidence().stream().map(e -> new Evidence(e.line(), r.redact(bounded(e.text())))).toList(),
                        j.consequence())).toList());
        return new FailureReport(redacted, redactPlan(plan, r), links, jobStepNumber);
    }

    private static StepRef redact(StepRef s, Redactor r) {
        return new StepRef(s.number(), r.redact(s.name()), s.displayName().map(r::redact));
    }

    /**
     * A log line cut to {@link #MAX_LINE} characters before redaction (which is linear in the text). A token the cut
     * splits is dropped whole, so that no unrecognisable prefix of a secret survives.
     */
    static String bounded(String line) {
        if (line.length() <= MAX_LINE) {
            return line;
        }
        int end = MAX_LINE;
        while (end > 0 && TOKEN_CHARS.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(0, end) + "…";
    }

    /** A plan with every text passed through {@code r}. */
    public static RecoveryPlan redactPlan(RecoveryPlan p, Redactor r) {
        List<RecoveryAction> actions = p.actions().stream().map(a -> new RecoveryAction(a.strategy(), a.recommended(),
                r.redact(a.description()), a.commands().stream().map(r::redact).toList(), a.estimatedMinutes(),
                a.successCriteria().stream().map(r::redact).toList(),
                a.rollbackSteps().stream().map(r::redact).toList())).toList();
        Escalation e = p.escalation();
        return new RecoveryPlan(p.failureType(), p.lane(), p.laneReason().map(r::redact), actions,
                new Escalation(r.redact(e.description()), e.steps().stream().map(r::redact).toList(),
                        e.commands().stream().map(r::redact).toList()));
    }
}
