package io.github.recoveryaction.cli;

import java.util.Arrays;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Picocli's conversion error ("Invalid value for option '--comment': 'maybe' is not a boolean") named the way the
 * user set the value: the action input when it came from {@code INPUT_*} (the workflow has no {@code --comment}),
 * the option when it was typed, and with the values that would be accepted.
 */
final class BadValueMessage {

    private BadValueMessage() {
    }

    static String of(ParameterException ex, String[] args) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (!(ex.getArgSpec() instanceof OptionSpec option)) {
            return message;
        }
        String name = option.longestName();
        String prefix = "Invalid value for option '" + name + "': ";
        if (!message.startsWith(prefix) || !name.startsWith("--")) {
            return message;
        }
        boolean typed = Arrays.stream(args).anyMatch(a -> a.equals(name) || a.startsWith(name + "="));
        String source = typed ? name : "input " + name.substring(2);
        return source + ": " + message.substring(prefix.length()) + fix(option.type());
    }

    private static String fix(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "; use true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "; use a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "; use a decimal number such as 0.95";
        }
        return "";
    }
}
