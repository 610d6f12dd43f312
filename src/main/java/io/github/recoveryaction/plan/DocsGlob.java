package io.github.recoveryaction.plan;

import java.util.regex.Pattern;

/**
 * A glob over repository-relative paths with {@code /} separators: {@code *} within one segment, {@code ?} one
 * character, {@code **} any number of segments (so {@code **}{@code /*.md} also matches {@code README.md} at the
 * root, unlike {@code java.nio}'s glob).
 */
record DocsGlob(String glob, Pattern regex) {

    static DocsGlob of(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new DocsGlob(glob, Pattern.compile(re.toString()));
    }

    boolean matches(String path) {
        return regex.matcher(path.startsWith("./") ? path.substring(2) : path).matches();
    }
}
