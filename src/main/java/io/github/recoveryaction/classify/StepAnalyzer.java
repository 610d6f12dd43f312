package io.github.recoveryaction.classify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.recoveryaction.classify.generic.GenericTier;
import io.github.recoveryaction.classify.log.TextCleaner;
import io.github.recoveryaction.classify.rules.BoundedRegex;
import io.github.recoveryaction.classify.rules.Capture;
import io.github.recoveryaction.classify.rules.Matcher;
import io.github.recoveryaction.classify.rules.RegexSession;
import io.github.recoveryaction.classify.rules.RuleSet;

/**
 * Runs the rules over the kept lines of one step. Each line is decoded once, the prefilter names the few matchers
 * that could match it, and every regex runs under a time budget; a matcher that keeps exceeding it is switched off
 * for the rest of the run with a warning, so a pathological pattern cannot hang a classification.
 */
final class StepAnalyzer {

    /** Time one pattern may spend on one line. */
    static final long LINE_BUDGET_NANOS = 20_000_000L;
    /** Time one window matcher may spend on all the lines of its window. */
    static final long WINDOW_BUDGET_NANOS = 100_000_000L;
    /** Timeouts after which a matcher is switched off. */
    static final int MAX_TIMEOUTS = 3;
    /** Characters of a line that patterns see; a tool's message starts early in its line. */
    static final int MAX_MATCH_CHARS = 4096;

    private final RuleSet rules;
    private final Consumer<String> warnings;
    private final int[] timeouts;
    private final RegexSession regexes = new RegexSession();
    private final GenericTier generic;
    private final KnownLines baseline;

    /** @param baseline the lines of a passing run of the job, {@link KnownLines#NONE} without one */
    StepAnalyzer(RuleSet rules, Consumer<String> warnings, GenericTier generic, KnownLines baseline) {
        this.rules = rules;
        this.warnings = warnings;
        this.generic = generic;
        this.baseline = baseline;
        this.timeouts = new int[rules.entries().size()];
    }

    StepAnalysis analyze(StepBuffer step, Optional<StepRef> ref) {
        List<String> texts = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        step.forEach((buf, from, to, number) -> {
            String text = TextCleaner.clean(buf, from, to);
            text = text.length() > MAX_MATCH_CHARS ? text.substring(0, MAX_MATCH_CHARS) : text;
            texts.add(text);
            probes.add(OutputPrefix.strip(text));
            numbers.add(number);
        });
        Optional<String> stepName = ref.map(StepRef::name);
        List<RuleMatch> matches = new ArrayList<>();
        BitSet candidates = new BitSet(timeouts.length);
        List<RuleSet.Entry> entries = rules.entries();
        boolean[] applies = new boolean[entries.size()];
        for (int e = 0; e < applies.length; e++) {
            applies[e] = entries.get(e).rule().appliesTo(stepName);
        }
        for (int i = 0; i < texts.size(); i++) {
            candidates.clear();
            rules.candidates(probes.get(i), candidates);
            for (int e = candidates.nextSetBit(0); e >= 0; e = candidates.nextSetBit(e + 1)) {
                RuleSet.Entry entry = entries.get(e);
                if (timeouts[e] >= MAX_TIMEOUTS || !applies[e]) {
                    continue;
                }
                try {
                    RuleMatch match = match(entry, i, probes);
                    if (match != null) {
                        matches.add(match);
                    }
                } catch (BoundedRegex.TimeLimitExceeded slow) {
                    if (++timeouts[e] == MAX_TIMEOUTS) {
                        warnings.accept("rule " + entry.rule().id() + " exceeded its time budget " + MAX_TIMEOUTS
                                + " times and was switched off for this run; simplify its pattern");
                    }
                }
            }
        }
        StepNovelty novelty = StepNovelty.of(baseline, probes);
        return Verdict.decide(matches, texts, numbers, step, ref, novelty.weighing(generic, texts), novelty);
    }

    /** The match of one matcher anchored at line {@code i}, or null: this runs for every candidate of every line. */
    private RuleMatch match(RuleSet.Entry entry, int i, List<String> texts) {
        if (entry.matcher() instanceof Matcher.Window window) {
            return matchWindow(entry, window, i, texts);
        }
        Matcher.Line line = (Matcher.Line) entry.matcher();
        Optional<Map<Capture, String>> found = regexes.find(line.pattern(), texts.get(i), LINE_BUDGET_NANOS);
        if (found.isEmpty()
                || line.unless().isPresent() && regexes.matches(line.unless().get(), texts.get(i), LINE_BUDGET_NANOS)) {
            return null;
        }
        return new RuleMatch(entry.rule(), new int[] { i }, found.get());
    }

    private RuleMatch matchWindow(RuleSet.Entry entry, Matcher.Window window, int i, List<String> texts) {
        long deadline = System.nanoTime() + WINDOW_BUDGET_NANOS;
        Optional<Map<Capture, String>> first = regexes.find(window.first(), texts.get(i), LINE_BUDGET_NANOS);
        if (first.isEmpty()) {
            return null;
        }
        Map<Capture, String> captures = new HashMap<>(first.get());
        int[] lines = new int[window.then().size() + 1];
        lines[0] = i;
        int k = 0;
        int last = Math.min(texts.size() - 1, i + window.within());
        for (int j = i + 1; j <= last && k < window.then().size(); j++) {
            if (System.nanoTime() > deadline) {
                throw new BoundedRegex.TimeLimitExceeded();
            }
            Optional<Map<Capture, String>> found = regexes.find(window.then().get(k), texts.get(j), LINE_BUDGET_NANOS);
            if (found.isPresent()) {
                found.get().forEach(captures::putIfAbsent);
                lines[++k] = j;
            }
        }
        if (k < window.then().size()) {
            return null;
        }
        if (window.unless().isPresent()) {
            for (int j = i + 1; j <= lines[k]; j++) {
                if (regexes.matches(window.unless().get(), texts.get(j), LINE_BUDGET_NANOS)) {
                    return null;
                }
            }
        }
        return new RuleMatch(entry.rule(), lines, Map.copyOf(captures));
    }
}
