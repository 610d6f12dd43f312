package io.github.recoveryaction.classify;

/** One root-cause line: its 1-based line number in the input and its text without timestamp prefix. */
public record Evidence(long line, String text) {
}
