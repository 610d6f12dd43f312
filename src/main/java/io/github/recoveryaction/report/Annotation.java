package io.github.recoveryaction.report;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One workflow annotation ({@code ::error file=…,line=…::message}); lines and columns start at 1.
 *
 * @param level error, warning or notice
 * @param message the text shown
 * @param title bold heading of the annotation
 * @param file repository-relative path the annotation points at
 * @param line first line
 * @param endLine last line
 * @param column column on the first line
 */
public record Annotation(Level level, String message, Optional<String> title, Optional<String> file, OptionalInt line,
        OptionalInt endLine, OptionalInt column) {

    /** Annotation levels; {@link #command()} is the workflow command's name. */
    public enum Level {
        ERROR("error"),
        WARNING("warning"),
        NOTICE("notice");

        private final String command;

        Level(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    /** An annotation without a place in the code. */
    public static Annotation of(Level level, String title, String message) {
        return new Annotation(level, message, Optional.of(title), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty());
    }
}
