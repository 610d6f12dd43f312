package io.github.recoveryaction.classify;

import java.util.OptionalInt;

/** A place in the user's sources that a tool blamed ({@code file:line[:column]}). */
public record SourceLocation(String file, OptionalInt line, OptionalInt column, String message) {

    public String display() {
        StringBuilder sb = new StringBuilder(file);
        line.ifPresent(l -> sb.append(':').append(l));
        column.ifPresent(c -> sb.append(':').append(c));
        return sb.toString();
    }
}
