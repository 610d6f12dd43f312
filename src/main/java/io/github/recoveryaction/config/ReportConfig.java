package io.github.recoveryaction.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What reports may show.
 *
 * @param redactPatterns extra regular expressions whose matches are replaced before anything leaves the program
 */
public record ReportConfig(List<String> redactPatterns) {

    /** The keys of this section of {@code .github/recovery.yml}, in the order the docs list them. */
    public static final List<String> KEYS = List.of("redact");

    public static final ReportConfig DEFAULT = new ReportConfig(List.of());

    static ReportConfig parse(ConfigNode node) {
        node.requireOnlyKeys(Set.copyOf(KEYS));
        List<String> patterns = node.stringList("redact");
        for (String p : patterns) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw node.error("redact", "has an invalid regular expression '" + p + "': " + e.getDescription());
            }
        }
        return new ReportConfig(patterns);
    }
}
