package io.github.recoveryaction.classify;

import java.util.Map;

import io.github.recoveryaction.classify.rules.Capture;
import io.github.recoveryaction.classify.rules.Rule;

/** A rule matcher that matched: the indexes (into the step's kept lines) it matched and what it captured. */
record RuleMatch(Rule rule, int[] lines, Map<Capture, String> captures) {

    int firstLine() {
        return lines[0];
    }
}
