package io.github.recoveryaction.classify.rules;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds, in one pass over a line, which patterns could match it: an Aho-Corasick automaton over the patterns'
 * required literals, case-folded for ASCII. Patterns without literals are always candidates.
 * <p>
 * Literals are indexed by their first {@link #MAX_LITERAL} characters — a line holding the whole literal holds its
 * start too, so the prefilter stays exact in what it admits while the automaton stays small — over an alphabet of
 * only the characters that occur in literals (every other character leads back to the start state).
 */
final class KeywordIndex {

    static final int MAX_LITERAL = 16;
    private static final int ASCII = 128;

    private final byte[] code = new byte[ASCII];
    private final int alphabet;
    private final int[] delta;
    private final int[][] outputs;
    private final int[] alwaysCandidates;

    /** {@code literalsPerPattern.get(i)}: lower-case literals of pattern i, any of which makes it a candidate. */
    KeywordIndex(List<List<String>> literalsPerPattern) {
        int symbols = 1;
        int maxStates = 1;
        int always = 0;
        for (List<String> literals : literalsPerPattern) {
            always += literals.isEmpty() ? 1 : 0;
            for (String literal : literals) {
                for (int k = 0; k < Math.min(literal.length(), MAX_LITERAL); k++) {
                    int c = fold(literal.charAt(k));
                    if (code[c] == 0) {
                        code[c] = (byte) symbols++;
                    }
                }
                maxStates += Math.min(literal.length(), MAX_LITERAL);
            }
        }
        alphabet = symbols;
        int[] trie = new int[maxStates * alphabet];
        Arrays.fill(trie, -1);
        int[][] own = new int[maxStates][];
        int states = 1;
        alwaysCandidates = new int[always];
        int a = 0;
        for (int p = 0; p < literalsPerPattern.size(); p++) {
            List<String> literals = literalsPerPattern.get(p);
            if (literals.isEmpty()) {
                alwaysCandidates[a++] = p;
            }
            for (String literal : literals) {
                int state = 0;
                for (int k = 0; k < Math.min(literal.length(), MAX_LITERAL); k++) {
                    int slot = state * alphabet + code[fold(literal.charAt(k))];
                    if (trie[slot] < 0) {
                        trie[slot] = states++;
                    }
                    state = trie[slot];
                }
                own[state] = append(own[state], p);
            }
        }
        delta = new int[states * alphabet];
        outputs = new int[states][];
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        outputs[0] = own[0] == null ? new int[0] : own[0];
        for (int c = 0; c < alphabet; c++) {
            int child = trie[c];
            delta[c] = Math.max(child, 0);
            if (child > 0) {
                queue[tail++] = child;
            }
        }
        while (head < tail) {
            int state = queue[head++];
            outputs[state] = union(own[state], outputs[fail[state]]);
            for (int c = 0; c < alphabet; c++) {
                int child = trie[state * alphabet + c];
                int viaFail = delta[fail[state] * alphabet + c];
                if (child > 0) {
                    fail[child] = viaFail;
                    delta[state * alphabet + c] = child;
                    queue[tail++] = child;
                } else {
                    delta[state * alphabet + c] = viaFail;
                }
            }
        }
    }

    /** Sets in {@code out} the bits of every pattern that could match {@code line}. */
    void candidates(CharSequence line, BitSet out) {
        for (int p : alwaysCandidates) {
            out.set(p);
        }
        int state = 0;
        for (int i = 0, n = line.length(); i < n; i++) {
            char ch = line.charAt(i);
            state = ch < ASCII ? delta[state * alphabet + code[fold(ch)]] : 0;
            for (int p : outputs[state]) {
                out.set(p);
            }
        }
    }

    /** True when any pattern with literals could match; used to keep lines that scroll out of a huge step. */
    boolean anyLiteral(byte[] buf, int from, int to) {
        int state = 0;
        for (int i = from; i < to; i++) {
            int b = buf[i];
            state = b >= 0 ? delta[state * alphabet + code[fold((char) b)]] : 0;
            if (outputs[state].length > 0) {
                return true;
            }
        }
        return false;
    }

    private static int fold(char c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int[] append(int[] values, int value) {
        if (values == null) {
            return new int[] { value };
        }
        for (int v : values) {
            if (v == value) {
                return values;
            }
        }
        int[] grown = Arrays.copyOf(values, values.length + 1);
        grown[values.length] = value;
        return grown;
    }

    private static int[] union(int[] own, int[] inherited) {
        int[] result = inherited;
        if (own != null) {
            for (int p : own) {
                result = append(result, p);
            }
        }
        return result;
    }
}
