package io.github.recoveryaction.classify.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Finds, in one pass over a line, which patterns could match it: an Aho-Corasick automaton over the patterns'
 * required literals, case-folded for ASCII. Patterns without literals are always candidates.
 */
final class KeywordIndex {

    private static final int ALPHABET = 128;

    private final int[] delta;
    private final int[][] outputs;
    private final int[] alwaysCandidates;

    /** {@code literalsPerPattern.get(i)}: lower-case literals of pattern i, any of which makes it a candidate. */
    KeywordIndex(List<List<String>> literalsPerPattern) {
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(newRow());
        out.add(new ArrayList<>());
        List<Integer> always = new ArrayList<>();
        for (int p = 0; p < literalsPerPattern.size(); p++) {
            List<String> literals = literalsPerPattern.get(p);
            if (literals.isEmpty()) {
                always.add(p);
                continue;
            }
            for (String literal : literals) {
                int state = 0;
                for (int k = 0; k < literal.length(); k++) {
                    int c = fold(literal.charAt(k));
                    if (trie.get(state)[c] <= 0) {
                        trie.get(state)[c] = trie.size();
                        trie.add(newRow());
                        out.add(new ArrayList<>());
                    }
                    state = trie.get(state)[c];
                }
                out.get(state).add(p);
            }
        }
        int states = trie.size();
        delta = new int[states * ALPHABET];
        int[] fail = new int[states];
        outputs = new int[states][];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int child = trie.get(0)[c];
            delta[c] = Math.max(child, 0);
            if (child > 0) {
                fail[child] = 0;
                queue.add(child);
            }
        }
        outputs[0] = distinct(out.get(0));
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> merged = new ArrayList<>(out.get(state));
            for (int p : outputs[fail[state]]) {
                merged.add(p);
            }
            outputs[state] = distinct(merged);
            for (int c = 0; c < ALPHABET; c++) {
                int child = trie.get(state)[c];
                if (child > 0) {
                    fail[child] = delta[fail[state] * ALPHABET + c];
                    delta[state * ALPHABET + c] = child;
                    queue.add(child);
                } else {
                    delta[state * ALPHABET + c] = delta[fail[state] * ALPHABET + c];
                }
            }
        }
        alwaysCandidates = always.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Sets in {@code out} the bits of every pattern that could match {@code line}. */
    void candidates(CharSequence line, BitSet out) {
        for (int p : alwaysCandidates) {
            out.set(p);
        }
        int state = 0;
        int[] d = delta;
        for (int i = 0, n = line.length(); i < n; i++) {
            char ch = line.charAt(i);
            if (ch >= ALPHABET) {
                state = 0;
                continue;
            }
            state = d[state * ALPHABET + fold(ch)];
            int[] found = outputs[state];
            for (int p : found) {
                out.set(p);
            }
        }
    }

    /** True when any pattern with literals could match; used to keep lines that scroll out of a huge step. */
    boolean anyLiteral(byte[] buf, int from, int to) {
        int state = 0;
        int[] d = delta;
        for (int i = from; i < to; i++) {
            int b = buf[i];
            if (b < 0) {
                state = 0;
                continue;
            }
            state = d[state * ALPHABET + fold((char) b)];
            if (outputs[state].length > 0) {
                return true;
            }
        }
        return false;
    }

    private static int fold(char c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] distinct(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).distinct().toArray();
    }
}
