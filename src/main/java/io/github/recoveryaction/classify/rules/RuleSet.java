package io.github.recoveryaction.classify.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The effective rules of a run, with the prefilter that tells for a line which rule matchers could match it.
 * Immutable and safe to share between threads.
 */
public final class RuleSet {

    /** A matcher of a rule, addressed by the prefilter. */
    public record Entry(Rule rule, Matcher matcher) {
    }

    private final List<Rule> rules;
    private final List<Entry> entries;
    private final KeywordIndex index;

    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        List<Entry> all = new ArrayList<>();
        List<List<String>> literals = new ArrayList<>();
        for (Rule rule : this.rules) {
            for (Matcher m : rule.matchers()) {
                all.add(new Entry(rule, m));
                literals.add(m.anchor().requiredLiterals());
            }
        }
        this.entries = List.copyOf(all);
        this.index = new KeywordIndex(literals);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> findRule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Sets the bits (entry indexes) of matchers whose anchor could match {@code line}. */
    public void candidates(CharSequence line, BitSet out) {
        index.candidates(line, out);
    }

    /** True when the raw line bytes contain a literal some rule needs: such lines are worth keeping. */
    public boolean mayMatter(byte[] buf, int from, int to) {
        return index.anyLiteral(buf, from, to);
    }

    /** A rule set restricted to one rule, for {@code rules explain}. */
    public RuleSet only(Rule rule) {
        return new RuleSet(List.of(rule));
    }
}
