package io.github.recoveryaction.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.recoveryaction.InvalidInputException;

/**
 * One workspace-relative glob as users know them from {@code actions/*} ({@code @actions/glob}): {@code *} and
 * {@code ?} within a path segment, {@code [a-z]} and {@code [!a-z]}, {@code {a,b}}, and {@code **} for zero or more
 * folders, so {@code **}{@code /target/*.xml} also matches {@code target/a.xml} at the top. Dot files match like any
 * other. Whether a folder's match stands for the files under it is up to the caller.
 */
public final class WorkspaceGlob {

    private final String text;
    private final Pattern regex;
    private final String literalRoot;

    private WorkspaceGlob(String text, Pattern regex, String literalRoot) {
        this.text = text;
        this.regex = regex;
        this.literalRoot = literalRoot;
    }

    /**
     * @param relative a glob relative to the workspace, {@code /}-separated ({@code \} is taken as {@code /})
     * @throws InvalidInputException for an absolute glob, one that climbs out with {@code ..}, or a broken one
     */
    public static WorkspaceGlob of(String relative) {
        String text = normalise(relative);
        List<String> segments = List.of(text.split("/"));
        if (RepositoryPaths.isAbsolute(relative.trim()) || segments.contains("..")) {
            throw new InvalidInputException("glob '" + relative.trim() + "' leaves the workspace: use a path relative "
                    + "to the repository without '..'");
        }
        StringBuilder re = new StringBuilder();
        List<String> literal = new ArrayList<>();
        boolean wildcardSeen = false;
        boolean needSlash = false;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            wildcardSeen |= hasWildcard(segment);
            if (!wildcardSeen) {
                literal.add(segment);
            }
            if (segment.equals("**")) {
                re.append(last ? (needSlash ? "(?:/.*)?" : ".*") : (needSlash ? "/(?:[^/]+/)*" : "(?:[^/]+/)*"));
                needSlash = false;
            } else {
                re.append(needSlash ? "/" : "").append(segmentRegex(relative, segment));
                needSlash = true;
            }
        }
        return new WorkspaceGlob(text, Pattern.compile(re.toString()), String.join("/", literal));
    }

    /** The glob as normalised: {@code /}-separated, without {@code ./} or a trailing {@code /}. */
    public String text() {
        return text;
    }

    /** Whether {@code relativePath} itself matches (not a file under a matching folder). */
    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    /** Whether {@code relativePath} or a folder above it matches. */
    public boolean matchesOrIsBelowAMatch(String relativePath) {
        for (String p = relativePath; !p.isEmpty(); p = p.lastIndexOf('/') < 0 ? "" : p.substring(0, p.lastIndexOf('/'))) {
            if (matches(p)) {
                return true;
            }
        }
        return false;
    }

    /** The leading segments without wildcards: matches can only be at or below it ({@code ""} is the root). */
    public String literalRoot() {
        return literalRoot;
    }

    static String normalise(String raw) {
        String text = raw.trim().replace('\\', '/');
        while (text.startsWith("./")) {
            text = text.substring(2);
        }
        while (text.endsWith("/") && text.length() > 1) {
            text = text.substring(0, text.length() - 1);
        }
        text = text.replaceAll("/+", "/");
        return text.equals(".") || text.isEmpty() ? "**" : text;
    }

    private static boolean hasWildcard(String segment) {
        return segment.matches(".*[*?\\[{].*");
    }

    private static String segmentRegex(String glob, String segment) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = segment.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new InvalidInputException("glob '" + glob + "' has a '[' without ']'");
                    }
                    String body = segment.substring(i + 1, end);
                    re.append('[').append(body.startsWith("!") ? "^" + quoteClass(body.substring(1)) : quoteClass(body))
                            .append(']');
                    i = end;
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new InvalidInputException("glob '" + glob + "' has a '}' without '{'");
                    }
                    braces--;
                    re.append(')');
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new InvalidInputException("glob '" + glob + "' has a '{' without '}'");
        }
        return re.toString();
    }

    /** A character class body with regex specials other than {@code -} escaped. */
    private static String quoteClass(String body) {
        return body.replaceAll("([\\\\\\[\\]^&])", "\\\\$1");
    }

    @Override
    public String toString() {
        return text;
    }
}
