package io.github.recoveryaction.cli;

/** Output formats of commands; each command accepts the subset it can print. */
public enum FormatOption {
    text,
    json,
    markdown
}
