package io.github.recoveryaction.classify.rules;

import java.util.regex.Pattern;

/** Step-name globs of rules: {@code *} any text, {@code ?} one character, case-insensitive. */
final class Glob {

    private Glob() {
    }

    static Pattern toPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
