package io.github.recoveryaction.classify;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import io.github.recoveryaction.classify.generic.GenericTier;
import io.github.recoveryaction.classify.rules.Capture;
import io.github.recoveryaction.classify.rules.Rule;

/**
 * Picks the root cause among a step's rule matches: the deciding match of highest priority wins (the taxonomy's
 * precedence, see {@link Rule#defaultPriority}); among equals the earliest, because a tool's first error is the
 * cause of the ones after it. Evidence and details come from every match of the winning type.
 */
final class Verdict {

    static final String UNKNOWN_RULE = "generic.unrecognized";
    static final String UNKNOWN_TITLE = "The step failed without printing a diagnostic.";
    static final String UNREADABLE_TITLE = "The step printed errors whose wording names no failure type.";
    private static final int MAX_DETAILS = 50;
    private static final int MAX_EVIDENCE_CHARS = 1000;
    private static final int UNKNOWN_CONTEXT_LINES = 5;
    /** Output lines before a generic root cause shown as what the step was doing. */
    private static final int GENERIC_LEAD = 2;

    private Verdict() {
    }

    /**
     * @param generic the generic tier, its ranker already weighing the lines the last passing run printed 0
     * @param novelty which lines the last passing run printed too: a match only on such lines decides nothing (the
     *        passing run survived them), and such lines are left out of the evidence
     */
    static StepAnalysis decide(List<RuleMatch> matches, List<String> texts, List<Long> numbers, StepBuffer step,
            Optional<StepRef> ref, GenericTier generic, StepNovelty novelty) {
        Comparator<RuleMatch> precedence = Comparator.comparingInt((RuleMatch m) -> -m.rule().priority())
                .thenComparingInt(RuleMatch::firstLine);
        List<RuleMatch> deciding = matches.stream()
                .filter(m -> !m.rule().evidenceOnly() && !novelty.allKnown(m.lines())).toList();
        // an error the step recovered from (a retry, a fallback) decides only when nothing else does; a window rule
        // describes a sequence (retries, then the final error) and judges retries itself
        Optional<RuleMatch> winner = deciding.stream()
                .filter(m -> m.lines().length > 1 || !generic.ranker().recoveredAfter(texts, m.firstLine()))
                .min(precedence)
                .or(() -> deciding.stream().min(precedence));
        Optional<Duration> duration = duration(step);
        OptionalInt exitCode = step.exitCode >= 0 ? OptionalInt.of(step.exitCode) : OptionalInt.empty();
        int exitLine = exitLine(numbers, step);
        int failure = exitLine >= 0 ? exitLine : texts.size();
        EvidencePicker picker = new EvidencePicker(generic.ranker(), novelty::known);
        if (winner.isEmpty()) {
            return undecided(matches, texts, numbers, ref, generic, picker, failure, exitLine,
                    new Details(List.of(), List.of(), List.of(), Optional.empty(), exitCode, Optional.empty(), duration),
                    novelty);
        }
        Rule rule = winner.get().rule();
        List<RuleMatch> sameType = matches.stream().filter(m -> m.rule().supports(rule.failureType()))
                .filter(m -> !novelty.allKnown(m.lines())).sorted(Comparator.comparingInt(RuleMatch::firstLine)).toList();
        List<Integer> others = new ArrayList<>();
        sameType.stream()
                .sorted(Comparator.comparingInt((RuleMatch m) -> -m.rule().priority()).thenComparingInt(RuleMatch::firstLine))
                .forEach(m -> {
                    for (int line : m.lines()) {
                        others.add(line);
                    }
                });
        List<Evidence> evidence = toEvidence(picker.pick(winner.get().lines(), others, texts, failure, 0), texts, numbers);
        boolean contested = matches.stream().anyMatch(m -> !m.rule().evidenceOnly()
                && m.rule().failureType() != rule.failureType() && m.rule().priority() == rule.priority());
        double confidence = contested ? rule.confidence() * 0.8 : rule.confidence();
        return new StepAnalysis(rule.failureType(), confidence, ref, evidence, rule.id(), rule.title(),
                details(sameType, exitCode, duration), novelty.summary());
    }

    /** No rule decided: the generic tier reads the wording of the lines before the failure. */
    private static StepAnalysis undecided(List<RuleMatch> matches, List<String> texts, List<Long> numbers,
            Optional<StepRef> ref, GenericTier generic, EvidencePicker picker, int failure, int exitLine,
            Details details, StepNovelty novelty) {
        GenericTier.Finding finding = generic.decide(texts, failure);
        List<RuleMatch> hints = matches.stream()
                .filter(m -> m.rule().supports(FailureType.UNKNOWN) && !novelty.allKnown(m.lines())).toList();
        if (finding.type() != FailureType.UNKNOWN) {
            Set<Integer> lines = picker.pick(new int[] { finding.rootCause() }, finding.cluster(), texts, failure,
                    GENERIC_LEAD);
            if (exitLine >= 0 && lines.size() < Classification.MAX_EVIDENCE) {
                lines.add(exitLine);
            }
            return new StepAnalysis(finding.type(), finding.confidence(), ref, toEvidence(lines, texts, numbers),
                    finding.ruleId(), genericTitle(finding), details, novelty.summary());
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        finding.cluster().stream().filter(i -> !novelty.known(i)).forEach(chosen::add);
        hints.stream().skip(Math.max(0, hints.size() - UNKNOWN_CONTEXT_LINES)).forEach(m -> {
            for (int line : m.lines()) {
                chosen.add(line);
            }
        });
        if (exitLine >= 0) {
            chosen.add(exitLine);
        }
        int errors = 0;
        for (int i = texts.size() - 1; i >= 0 && errors < UNKNOWN_CONTEXT_LINES; i--) {
            if (texts.get(i).startsWith("##[error]") && !novelty.known(i)) {
                chosen.add(i);
                errors++;
            }
        }
        for (int i = failure - 1; i >= 0; i--) {
            String text = texts.get(i).strip();
            if (!text.isEmpty() && !text.startsWith("##[") && !novelty.known(i)) {
                chosen.add(i);
                break;
            }
        }
        while (chosen.size() > Classification.MAX_EVIDENCE) {
            chosen.pollFirst();
        }
        boolean silent = finding.cluster().isEmpty() && hints.isEmpty();
        return new StepAnalysis(FailureType.UNKNOWN, details.exitCode().isPresent() ? 0.3 : 0.2, ref,
                toEvidence(chosen, texts, numbers), UNKNOWN_RULE, silent ? UNKNOWN_TITLE : UNREADABLE_TITLE, details,
                novelty.summary());
    }

    private static String genericTitle(GenericTier.Finding finding) {
        return "No rule knows this message; its wording (" + finding.signal().replace('-', ' ') + ") reads as "
                + finding.type().id().replace('_', ' ') + ".";
    }

    private static int exitLine(List<Long> numbers, StepBuffer step) {
        if (step.exitCodeLine <= 0) {
            return -1;
        }
        for (int i = numbers.size() - 1; i >= 0; i--) {
            if (numbers.get(i) == step.exitCodeLine) {
                return i;
            }
        }
        return -1;
    }

    private static List<Evidence> toEvidence(Set<Integer> lines, List<String> texts, List<Long> numbers) {
        List<Evidence> evidence = new ArrayList<>();
        for (int i : lines) {
            String text = texts.get(i);
            evidence.add(new Evidence(numbers.get(i),
                    text.length() > MAX_EVIDENCE_CHARS ? text.substring(0, MAX_EVIDENCE_CHARS) + "…" : text));
        }
        return evidence;
    }

    private static Details details(List<RuleMatch> matches, OptionalInt exitCode, Optional<Duration> duration) {
        Set<String> tests = new LinkedHashSet<>();
        Set<String> dependencies = new LinkedHashSet<>();
        Set<SourceLocation> locations = new LinkedHashSet<>();
        Optional<String> command = Optional.empty();
        Optional<Duration> limit = Optional.empty();
        OptionalInt code = exitCode;
        for (RuleMatch m : matches) {
            Map<Capture, String> c = m.captures();
            add(tests, c.get(Capture.TEST));
            add(dependencies, c.get(Capture.DEPENDENCY));
            if (c.containsKey(Capture.FILE) && locations.size() < MAX_DETAILS) {
                locations.add(new SourceLocation(c.get(Capture.FILE), number(c.get(Capture.LINE)),
                        number(c.get(Capture.COLUMN)), c.getOrDefault(Capture.MESSAGE, "")));
            }
            if (command.isEmpty() && c.containsKey(Capture.COMMAND)) {
                command = Optional.of(c.get(Capture.COMMAND));
            }
            if (limit.isEmpty()) {
                limit = number(c.get(Capture.LIMIT_MINUTES)).stream().mapToObj(v -> Duration.ofMinutes(v)).findFirst()
                        .or(() -> number(c.get(Capture.LIMIT_SECONDS)).stream().mapToObj(v -> Duration.ofSeconds(v))
                                .findFirst());
            }
            if (code.isEmpty()) {
                code = number(c.get(Capture.EXIT_CODE));
            }
        }
        return new Details(List.copyOf(tests), List.copyOf(locations), List.copyOf(dependencies), command, code, limit,
                duration);
    }

    private static void add(Set<String> values, String value) {
        if (value != null && values.size() < MAX_DETAILS) {
            values.add(value);
        }
    }

    private static OptionalInt number(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<Duration> duration(StepBuffer step) {
        try {
            String first = step.firstTimestamp();
            String last = step.lastTimestamp();
            if (first.isEmpty() || last.isEmpty()) {
                return Optional.empty();
            }
            Duration d = Duration.between(Instant.parse(first), Instant.parse(last));
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
