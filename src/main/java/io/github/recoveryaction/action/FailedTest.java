package io.github.recoveryaction.action;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failing or erroring test case from a JUnit XML report.
 *
 * @param suite the class or suite name ({@code classname})
 * @param message the failure's message, first line of its text when the message attribute is empty
 * @param file the source file, when the report or the stack trace names it
 * @param line the line in {@code file}
 */
public record FailedTest(String suite, String name, String message, Optional<String> file, OptionalInt line) {

    public String displayName() {
        return suite.isEmpty() ? name : suite + "." + name;
    }
}
