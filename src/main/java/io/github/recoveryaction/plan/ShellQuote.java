package io.github.recoveryaction.plan;

import java.util.regex.Pattern;

/** POSIX shell quoting for values from logs that end up in commands users copy. */
final class ShellQuote {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-][A-Za-z0-9_./:=@%+,#-]*");

    private ShellQuote() {
    }

    /** The value as one shell word: unchanged when it has no special characters, else single-quoted. */
    static String quote(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
